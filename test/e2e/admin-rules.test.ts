import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, clickText, closeSession, newSession, nextDownload, onPostgres, shot, shotsDir, signInAs, startHarness, visit, waitForText, type Harness } from './support/harness';

/**
 * 考核细则 in the browser: a community secretary opens it and sees its own category's rubric table for 2025 (the
 * version pinned by that year's scoring), on a desk and on a phone without sideways scrolling; the admin downloads
 * the printable PDF, which reads back in Chinese with the scoring methods.
 */
let h: Harness;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

async function openRules(viewport: 'desk' | 'phone', login: string) {
  const s = await newSession(h, viewport);
  await signInAs(s, h, login);
  await s.page.evaluate(() => localStorage.setItem('xingping.context', JSON.stringify({ year: 2025 })));
  await visit(s, h, '/admin/rules');
  return s;
}

describe.skipIf(!onPostgres)('考核细则 in the browser', () => {
  for (const viewport of ['desk', 'phone'] as const) {
    it(`demo-community sees its category's rubric (${viewport})`, async () => {
      const s = await openRules(viewport, 'demo-community');
      await waitForText(s.page, '星城区社区党组织年度考核评价细则');
      // 2025 was scored, so its version is pinned: the tag says so (the column's label also holds the words).
      await s.page.waitForFunction(() => [...document.querySelectorAll('.rules-version .el-tag')].some((t) => t.textContent?.trim() === '已固定'));
      for (const words of ['评分方法', '支委会', '每个月计 1 分，最多计 10 分', '等次评定', '五星不超过参评组织的 10%']) await waitForText(s.page, words);
      await assertNoOverflow(s.page, `rules-${viewport}`);
      await shot(s, 'admin-rules');
      await closeSession(s);
    }, 90_000);
  }

  it('demo-admin downloads the rubric PDF', async () => {
    const s = await openRules('desk', 'demo-admin');
    await waitForText(s.page, '评分方法');
    const file = await nextDownload(s, () => clickText(s.page, '下载 PDF'));
    expect(file.name).toMatch(/\.pdf$/);
    const path = join(mkdtempSync(join(tmpdir(), 'rules-e2e-')), 'rubric.pdf');
    writeFileSync(path, file.bytes);
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('评分方法');
    expect(text).toContain('考核细则');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, join(shotsDir, 'admin-rules-pdf')]);
    await closeSession(s);
  }, 120_000);
});
