import { ref } from 'vue';
import { api, call, type Schemas } from './client';

type Org = Schemas['Organization'];

/**
 * The search behind every remote organization select: the server searches the caller's subtree by name or code.
 * Answers can arrive out of order while someone types; only the answer to the latest keystroke is shown, so a
 * slow answer to "星" never replaces the options for "星光社区" under a pointer about to click.
 */
export function useOrgSearch(opts: { limit?: number; under?: () => number | null | undefined; keep?: (o: Org) => boolean } = {}) {
  const options = ref<Org[]>([]);
  const loading = ref(false);
  let latest = 0;
  async function search(q: string): Promise<void> {
    const mine = ++latest;
    loading.value = true;
    try {
      const query = { q: q.trim() || undefined, under: opts.under?.() ?? undefined, limit: opts.limit ?? 30 };
      const r = await call(() => api.GET('/api/orgs', { params: { query } })).catch(() => ({ items: [] as Org[] }));
      if (mine === latest) options.value = opts.keep ? r.items.filter(opts.keep) : r.items;
    } finally {
      if (mine === latest) loading.value = false;
    }
  }
  return { options, loading, search };
}
