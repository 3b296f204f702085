import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, visit, waitForText, type Harness } from './support/harness';

/**
 * 合订本 in the browser: the leader starts the district's book, watches the bar move (at least two different readings),
 * leaves the page and comes back, downloads the PDF and it has the pages the job counted, one section per scorecard
 * of the district; asking again for the same book answers the job already done.
 */
let h: Harness;
let published: number;
let district: { id: number; name: string; path: string };

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  published = (await sql<{ year: number }>`select year from cycles where state = 'published'`.execute(h.db)).rows[0]!.year;
  district = (await sql<{ id: number; name: string; path: string }>`select id, name, path from organizations where kind = 'district'`.execute(h.db)).rows[0]!;
}, 240_000);
afterAll(() => h?.close());

describe.skipIf(!onPostgres)('合订本 in the browser', () => {
  it('the leader prints the district book in the background, sees its progress and downloads it', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-leader');
    await visit(s, h, '/');
    await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), published);
    await visit(s, h, '/books');
    await waitForText(s.page, '还没有生成过合订本');
    // The leader's own organization by default: the whole district (about 480 scorecards, long enough to watch).
    await waitForText(s.page, `${district.name} · ${published} 年度考核评价汇编`);
    await s.page.click('[data-testid=start-book]');
    await waitForText(s.page, '已开始生成');

    // The bar as the page shows it, read every 100 ms until the job is done.
    const seen = new Set<string>();
    const deadline = Date.now() + 500_000; // past the job's own time limit (30 s + 0.4 s per scorecard)
    let state = '';
    let left = false;
    while (Date.now() < deadline) {
      const now = await s.page.evaluate(() => {
        const el = document.querySelector('.job-progress');
        return el ? { state: el.getAttribute('data-state') ?? '', text: `${el.querySelector('.step')?.textContent ?? ''} ${el.querySelector('.el-progress__text')?.textContent ?? ''}`.trim() } : null;
      });
      if (now) {
        state = now.state;
        if (now.state === 'running') seen.add(now.text);
        if (now.state === 'done' || now.state === 'failed') break;
        // Leaving the page never stops the job: away and back once it runs, the bar goes on from where it is. The
        // screenshot waits for the second reading too: a page screenshot on a busy machine can outlast the job.
        if (now.state === 'running' && seen.size >= 2 && !left) {
          left = true;
          await shot(s, 'books-running');
          await visit(s, h, '/');
          await visit(s, h, '/books');
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('done');
    expect(seen.size, [...seen].join(' | ')).toBeGreaterThanOrEqual(2);
    const jobs = await s.page.evaluate(async () => (await fetch('/api/jobs')).json());
    const job = jobs.items[0];
    expect(job).toMatchObject({ state: 'done', orgId: district.id, year: published, requestedBy: expect.any(String) });
    expect(await s.page.evaluate(() => document.querySelector('.el-table__body')!.textContent)).toContain(`${job.result.pages} 页`);
    await shot(s, 'books-done');

    const file = await nextDownload(s, async () => {
      await s.page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('下载 PDF'))!.click());
    }, 60_000);
    expect(file.name).toBe(`${published}年度考核评价汇编-${job.orgCode}-${district.name}-第${job.revisionId}号版本.pdf`);
    const dir = mkdtempSync(join(tmpdir(), 'xp-book-'));
    const path = join(dir, 'book.pdf');
    writeFileSync(path, file.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    // One scorecard per organization of the district scored in the revision, each at least a page, after the cover and contents.
    const n = (await sql<{ n: number }>`select count(*)::int as n from scores s join organizations o on o.id = s.org_id where s.revision_id = ${job.revisionId} and o.path like ${`${district.path}%`}`.execute(h.db)).rows[0]!.n;
    expect(job.result.scorecards).toBe(n);
    expect(pages).toBe(job.result.pages);
    expect(pages).toBeGreaterThanOrEqual(n + 1);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(text).toContain(district.name);
    expect(text.split('年度城市基层党建考核评价表').length - 1).toBe(n);

    // The same book again is the same job.
    await s.page.click('[data-testid=start-book]');
    await waitForText(s.page, `已有相同的合订本（第 ${job.id} 号任务，已完成）`);
    await closeSession(s);
  }, 600_000);

  it('lists the jobs on a phone without sideways scrolling', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-leader');
    await visit(s, h, '/');
    await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), published);
    await visit(s, h, '/books');
    await waitForText(s.page, '生成记录');
    await waitForText(s.page, '已完成');
    await shot(s, 'books-phone', { fullPage: true });
    await closeSession(s);
  }, 120_000);
});
