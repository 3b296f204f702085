import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { api, ApiError, call, type Schemas } from '../../../api/client';

type Validation = Schemas['RuleDraftValidation'];
/** What the server last said of a text: a draft as read carries no count of passing examples. */
export type Checked = Omit<Validation, 'examples'> & { examples: number | null };

const DELAY_MS = 600;

/**
 * The server's word on the text being edited: POST /api/rule-drafts/validate once typing pauses. Only the answer to
 * the latest request, for the text still in the editor, is kept, so a slow answer never overwrites a newer one.
 */
export function useDraftValidation(source: Ref<string>) {
  const checked = ref<Checked | null>(null);
  /** The text `checked` speaks of: its line numbers apply to this text only. */
  const checkedText = ref<string | null>(null);
  const pending = ref(false);
  const failure = ref<string | null>(null);
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function run() {
    const mine = ++sent;
    const text = source.value;
    try {
      const answer = await call(() => api.POST('/api/rule-drafts/validate', { body: { source: text } }));
      if (mine !== sent || text !== source.value) return;
      checked.value = answer;
      checkedText.value = text;
      failure.value = null;
    } catch (e) {
      if (mine === sent) failure.value = e instanceof ApiError ? e.message : '校验失败';
    } finally {
      if (mine === sent && text === source.value) pending.value = false;
    }
  }

  /** Takes what the server said with a draft it returned (read or saved), for the text it holds. */
  function seed(result: Checked, text: string) {
    checked.value = result;
    checkedText.value = text;
    if (text === source.value) pending.value = false;
  }

  watch(source, (text) => {
    clearTimeout(timer);
    if (text === checkedText.value) return void (pending.value = false);
    pending.value = true;
    timer = setTimeout(run, DELAY_MS);
  });
  onBeforeUnmount(() => clearTimeout(timer));

  /** Asks the server now (a draft as read says whether it is valid, not whether it can be previewed). */
  function recheck() {
    clearTimeout(timer);
    pending.value = true;
    void run();
  }

  return { checked, checkedText, pending, failure, seed, recheck };
}
