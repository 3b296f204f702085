import { ElMessage, ElMessageBox } from 'element-plus';
import { computed, ref, type Ref } from 'vue';
import { api, ApiError, call, type Schemas } from '../../../api/client';

type Draft = Schemas['RuleDraft'];
export type Preview = Schemas['RulePreview'];

/**
 * 预览 and 发布 of the saved draft for a year. A preview speaks of the text the server held when it was made: it is
 * sent with the publication only while the saved text and the year are still the same (the server refuses to
 * publish into a year with results without one, and says so; the page shows its words as they are).
 */
export function useDraftPublishing(id: Ref<number>, draft: Ref<Draft | null>, save: () => Promise<boolean>, reload: () => Promise<void>) {
  const preview = ref<Preview | null>(null);
  const previewSource = ref<string | null>(null);
  const previewing = ref(false);
  const publishing = ref(false);
  const current = (year: number) => (preview.value && preview.value.year === year && previewSource.value === draft.value?.source ? preview.value : null);

  async function makePreview(year: number): Promise<Preview | null> {
    if (!(await save())) return null;
    previewing.value = true;
    try {
      const text = draft.value?.source ?? null;
      preview.value = await call(() => api.POST('/api/rule-drafts/{id}/preview', { params: { path: { id: id.value } }, body: { year } }));
      previewSource.value = text;
      return preview.value;
    } catch (e) {
      ElMessage.error(e instanceof ApiError ? e.message : '预览失败');
      return null;
    } finally {
      previewing.value = false;
    }
  }

  function confirmText(year: number, p: Preview | null): string {
    const d = draft.value!;
    const what = `将「${d.title ?? '未命名细则'}」${d.version ?? ''} 版用于 ${year} 年度（${d.categories.map((c) => c.label).join('、') || '未注明类别'}）。`;
    if (!p) return `${what}尚未对 ${year} 年度预览这一内容；若该年度已有计分结果，服务器会要求先预览。`;
    return `${what}按预览，${p.changes.length} 个组织的等次会变化。发布后该年度按此版本计分。`;
  }

  async function publish(year: number) {
    if (!(await save()) || !draft.value) return;
    const p = current(year);
    const ok = await ElMessageBox.confirm(confirmText(year, p), `发布到 ${year} 年度`, { confirmButtonText: '发布', cancelButtonText: '取消', type: 'warning' }).then(
      () => true,
      () => false,
    );
    if (!ok) return;
    publishing.value = true;
    try {
      const body = p ? { year, previewId: p.previewId } : { year };
      const done = await call(() => api.POST('/api/rule-drafts/{id}/publish', { params: { path: { id: id.value } }, body }));
      ElMessage.success(`已发布：${done.year} 年度使用 ${done.ruleSet.version} 版`);
      await reload();
    } catch (e) {
      await ElMessageBox.alert(e instanceof ApiError ? e.message : '发布失败', '未能发布', { confirmButtonText: '知道了', type: 'error' }).catch(() => undefined);
    } finally {
      publishing.value = false;
    }
  }

  const moved = computed(() => preview.value?.changes.length ?? 0);
  return { preview, previewing, publishing, makePreview, publish, current, moved };
}
