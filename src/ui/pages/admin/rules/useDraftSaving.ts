import { ElMessage, ElMessageBox } from 'element-plus';
import { computed, ref, type Ref } from 'vue';
import { api, ApiError, call, type Schemas } from '../../../api/client';

type Draft = Schemas['RuleDraft'];

/**
 * Reading and saving one draft. A save sends the `updatedAt` it read: when someone else saved in between the server
 * answers 409, and the page says so and offers to read the draft again (dropping the edits here, once confirmed).
 */
export function useDraftSaving(id: Ref<number>, source: Ref<string>, loaded: (d: Draft) => void) {
  const draft = ref<Draft | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const loadError = ref<string | null>(null);
  const dirty = computed(() => draft.value !== null && source.value !== draft.value.source);

  function take(d: Draft) {
    draft.value = d;
    source.value = d.source;
    loaded(d);
  }

  async function load() {
    loading.value = true;
    try {
      take(await call(() => api.GET('/api/rule-drafts/{id}', { params: { path: { id: id.value } } })));
      loadError.value = null;
    } catch (e) {
      loadError.value = e instanceof ApiError ? e.message : '加载失败';
    } finally {
      loading.value = false;
    }
  }

  async function lostUpdate() {
    const ok = await ElMessageBox.confirm('在你编辑期间，其他人修改并保存了这份草稿。重新加载会读取对方保存的内容，你在本页未保存的修改将丢失（可先复制 JSON 文本留存）。', '草稿已被他人修改', {
      confirmButtonText: '重新加载',
      cancelButtonText: '暂不',
      type: 'warning',
    }).then(
      () => true,
      () => false,
    );
    if (ok) await load();
  }

  /** Saves the text as it is (the server keeps a draft that does not compile); true once the server holds it. */
  async function save(): Promise<boolean> {
    if (!draft.value) return false;
    if (!dirty.value) return true;
    saving.value = true;
    try {
      const text = source.value;
      const saved = await call(() => api.PUT('/api/rule-drafts/{id}', { params: { path: { id: id.value } }, body: { source: text, updatedAt: draft.value!.updatedAt } }));
      draft.value = saved;
      if (source.value === text) loaded(saved);
      ElMessage.success(saved.valid ? '已保存，校验通过' : `已保存；还有 ${saved.issues.length} 处问题`);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) await lostUpdate();
      else ElMessage.error(e instanceof ApiError ? e.message : '保存失败');
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { draft, loading, saving, loadError, dirty, load, save, take };
}
