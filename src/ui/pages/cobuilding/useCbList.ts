import { ElMessage } from 'element-plus';
import { reactive, ref, watch, type Ref } from 'vue';
import { ApiError } from '../../api/client';

/**
 * A paged co-building list with a state filter: `fetch` asks the server for one page (the server scopes it to the
 * caller's subtree and agreements); `reload` changes reload it from the first page.
 */
export function useCbList<T>(fetch: (q: { state?: string; limit: number; offset: number }) => Promise<{ items: T[]; total: number }>, reload: Ref<number>, state = '') {
  const query = reactive({ state, page: 1, size: 20 });
  const rows = ref<T[]>([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  async function load() {
    loading.value = true;
    try {
      const r = await fetch({ state: query.state || undefined, limit: query.size, offset: (query.page - 1) * query.size });
      rows.value = r.items;
      total.value = r.total;
    } catch (e) {
      ElMessage.error(e instanceof ApiError ? e.message : '加载失败');
    } finally {
      loading.value = false;
    }
  }
  function search() {
    query.page = 1;
    void load();
  }
  watch(reload, search, { immediate: true });
  return { query, rows, total, loading, load, search };
}
