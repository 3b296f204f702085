import { describe, expect, it } from 'vitest';
import { problemPage, thanksPage } from '../../src/web/ballot.page';
import { verifyPage } from '../../src/web/verify.page';
import { ballotStatusPage } from '../../src/web/review-ballot.page';

const statusOf = (html: string) => /data-status="(\w+)"/.exec(html)?.[1];
const iconOf = (html: string) => /<div class="icon (\w+)" aria-hidden="true">([^<]+)<\/div>/.exec(html)?.slice(1, 3);

describe('the public pages', () => {
  it('never show an already used code like a vote just cast', async () => {
    const used = String(await problemPage('used'));
    const done = String(await thanksPage({ campaignTitle: '年终测评', orgName: '星光社区党委' }));
    expect(statusOf(used)).toBe('used');
    expect(statusOf(done)).toBe('ok');
    expect(iconOf(used)).not.toEqual(iconOf(done));
    const reviewUsed = String(await ballotStatusPage('used'));
    const reviewDone = String(await ballotStatusPage('done'));
    expect(iconOf(reviewUsed)).toEqual(iconOf(used));
    expect(iconOf(reviewDone)).toEqual(iconOf(done));
  });

  it('share one look with the application: the same header, colours and footer on /b, /r and /verify', async () => {
    const pages = [String(await problemPage('expired')), String(await ballotStatusPage('closed')), String(await verifyPage('x', { status: 'unknown', message: '查无此文件编号' } as never))];
    for (const html of pages) {
      expect(html).toContain('<header class="xp">');
      expect(html).toContain('--xp-red: #b3261e');
      expect(html).toContain('星评 · 城市基层党建考评系统');
      expect(html).toContain('<html lang="zh-CN">');
    }
  });
});
