import { reactive, watch } from 'vue';
import { api, call, type Schemas } from './api/client';
import { session } from './session';

/**
 * The page context in the header: the assessment year and, for a superior, the organization of its subtree the
 * pages follow. Kept per browser, so a secretary finds the same year tomorrow.
 */
export const context = reactive({
  cycles: [] as Schemas['Cycle'][],
  year: null as number | null,
  org: null as { id: number; name: string } | null,
});

const KEY = 'xingping.context';

export async function loadCycles(): Promise<void> {
  const { items } = await call(() => api.GET('/api/cycles'));
  context.cycles = items;
  const saved = Number(JSON.parse(localStorage.getItem(KEY) ?? '{}').year);
  context.year = items.some((c) => c.year === saved) ? saved : (session.me?.currentYear ?? null);
}

watch(
  () => context.year,
  (year) => localStorage.setItem(KEY, JSON.stringify({ year })),
);
