import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { sql } from 'kysely';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger } from '../../src/deps';
import { demoResults } from '../../src/demo/demo-results';
import { seedDemo } from '../../src/demo/seed-demo';
import { correctResult } from '../../src/features/cycles/cycle-life';
import { cliActor } from '../../src/features/context';
import { fixedClock } from '../../src/lib/clock';
import { client, testAuthDeps, testBallotOptions, testPrinting, testRuleSets } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { createToken } from '../support/factories';

/**
 * Printed documents of the demo district, read back the way a person checks them: pdftotext for the words
 * and figures, pdffonts for the embedded CJK font, the QR code decoded from the rendered page, /verify.
 */

let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
const printing = testPrinting(); // closed after this file's tests
let app: ReturnType<typeof createApp>;
let dir: string;
const clock = fixedClock('2026-11-22T04:00:00Z');
let admin: ReturnType<typeof client>;
let district: { id: number; name: string };
let street: { id: number; name: string };
let community: { id: number; name: string; code: string };
let otherCommunity: { id: number };

function pdf(bytes: string | Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
const text = (path: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', path, '-'], { encoding: 'utf8' });
/** Content order (cell by cell), where -layout would interleave a wrapped cell with its neighbours. */
const plain = (path: string) => execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);


let adminToken: string;
async function download(path: string, token = adminToken) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  const ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
  const ruleSets = await testRuleSets();
  await seedDemo(ctx, { scale: 1, seed: 'xingping' });
  await demoResults(ctx, ruleSets, [2024, 2025]);
  app = createApp({ db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets, printing, ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock) });
  dir = mkdtempSync(join(tmpdir(), 'xp-docs-'));
  const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(handle.db)).rows[0]!;
  district = await one(sql<{ id: number; name: string }>`select id, name from organizations where kind = 'district'`);
  street = await one(sql<{ id: number; name: string }>`select id, name from organizations where kind = 'street' order by code limit 1`);
  community = await one(sql<{ id: number; name: string; code: string }>`select id, name, code from organizations where kind = 'community' and parent_id = ${street.id} order by code limit 1`);
  otherCommunity = await one(sql<{ id: number }>`select id from organizations where kind = 'community' and id <> ${community.id} order by code limit 1`);
  adminToken = await createToken(handle.db, 'admin', district.id);
  admin = client(app, adminToken);
}, 240_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await handle.drop();
});

describe('the annual scorecard PDF', () => {
  let path: string;
  let stored: { total: string; grade_label: string; revision_id: number };

  beforeAll(async () => {
    const res = await download(`/api/cycles/2025/orgs/${community.id}/scorecard.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    // RFC 5987: an ASCII fallback and the Chinese name percent-encoded.
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`2025年度考核评价表-${community.code}-${community.name}.pdf`)}`);
    path = pdf(res.bytes, 'scorecard.pdf');
    stored = (
      await sql<{ total: string; grade_label: string; revision_id: number }>`
        select s.total::text as total, g.grade_label, s.revision_id from scores s join grades g using (revision_id, org_id)
        where s.org_id = ${community.id} and s.revision_id = (select max(id) from score_revisions where cycle_year = 2025)`.execute(handle.db)
    ).rows[0]!;
  });

  it('shows the organization, its grade and the same total as the stored revision', () => {
    const all = text(path);
    expect(all).toContain(community.name);
    expect(all).toContain(stored.grade_label);
    expect(all).toMatch(new RegExp(`${stored.total.replace('.', '\\.')}\\s*分\\s*/\\s*满分`));
    expect(all).toContain(`第 ${stored.revision_id} 号计分版本`);
    for (const heading of ['各部分得分', '指标得分明细', '审核人', '盖章', '扫码核验']) expect(all).toContain(heading);
  });

  it('reads the same explanation lines as the API', async () => {
    const card = (await admin.get(`/api/cycles/2025/orgs/${community.id}/scorecard`)).body;
    const all = plain(path).replace(/\s+/g, '');
    const lines = card.parts.flatMap((p: any) => p.indicators.flatMap((i: any) => i.lines.map((l: any) => l.text as string)));
    expect(lines.length).toBeGreaterThan(5);
    const missing = lines.filter((line: string) => !all.includes(line.replace(/\s+/g, '')));
    expect(missing).toEqual([]);
  });

  it('prints the duty review and the two-way evaluation the score used, agreeing with their own records', async () => {
    const all = plain(path).replace(/\s+/g, '');
    expect(all).toContain('评议结果');
    // The duty review: each group of at least 3 sheets with its overall answers, as the session's results API counts them.
    const session = (await sql<{ id: number }>`select s.id from review_sessions s join review_subjects j on j.session_id = s.id
      where j.org_id = ${community.id} and s.cycle_year = 2025 and s.kind = 'secretary' and s.state = 'closed'`.execute(handle.db)).rows[0]!;
    const results = (await admin.get(`/api/reviews/${session.id}/results`)).body;
    const subject = results.subjects.find((x: any) => x.orgName === community.name);
    expect(subject.groups.length).toBeGreaterThan(1);
    // With every group at 3 sheets or more, each group's answers; otherwise only each group's count of sheets.
    const detailed = subject.groups.every((g: any) => g.shown);
    for (const g of subject.groups) {
      const o = g.items.overall ?? {};
      const answers = `：好${o['好'] ?? 0}·较好${o['较好'] ?? 0}·一般${o['一般'] ?? 0}·差${o['差'] ?? 0}`;
      expect(all).toContain(`${g.label}${g.sheets}张${detailed ? answers : '；'}`.replace(/；$/, ''));
      if (!detailed) expect(all).not.toContain(`${g.label}${g.sheets}张：`);
    }
    // The two-way evaluation: the units' ratings of this community, averaged to the hundredth, and how many.
    const twoway = (await sql<{ avg: string; n: number }>`select round(avg(e.total), 2)::text as avg, count(*)::int as n
      from twoway_evaluations e join agreements a on a.id = e.agreement_id
      where a.community_id = ${community.id} and a.year = 2025 and e.direction = 'unit_rates_community'`.execute(handle.db)).rows[0]!;
    expect(twoway.n).toBeGreaterThan(0);
    expect(all).toContain(`共建单位对社区的双向评价（平均总分）：${Number(twoway.avg)}分`);
    expect(all).toContain(`收到的共建单位评价：${twoway.n}份`);
  });

  it('embeds a CJK font (CID TrueType subsets of Noto Sans SC), not boxes', () => {
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    const noto = fonts.split('\n').filter((l) => l.includes('NotoSansSC'));
    expect(noto.length).toBeGreaterThan(0);
    for (const l of noto) expect(l).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('carries a QR code whose payload opens /verify/:id, which says the document matches', async () => {
    const last = pages(path);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(last), '-l', String(last), path, join(dir, 'qr')]);
    const png = PNG.sync.read(readFileSync(join(dir, `qr-${String(last).padStart(String(last).length, '0')}.png`)));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toMatch(/^http:\/\/xingping\.test\/verify\/[0-9a-f]{20}$/);
    const verifyPath = new URL(code!.data).pathname;
    const page = await app.request(verifyPath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('有效');
    expect(html).toContain(community.name);
    expect(html).not.toContain(stored.total); // the public page shows no score
    expect((await app.request('/verify/0123456789abcdef0123')).status).toBe(404);
    // Printing it left one audit row: who printed what, for which organization.
    const audit = (await sql<{ actor_role: string; org_id: number; after: any }>`select actor_role, org_id, after from audit_log
      where action = 'documents.print' and entity_id = ${verifyPath.split('/').pop()!}`.execute(handle.db)).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'admin', org_id: community.id });
    expect(typeof audit[0]!.after === 'string' ? JSON.parse(audit[0]!.after) : audit[0]!.after).toMatchObject({ kind: 'scorecard', year: 2025, count: 1, revisionId: stored.revision_id });
  });
});

describe('scope and visibility', () => {
  it('refuses callers outside the subtree, before publication, and without a token', async () => {
    const other = await createToken(handle.db, 'org_user', otherCommunity.id);
    expect((await download(`/api/cycles/2024/orgs/${community.id}/scorecard.pdf`, other)).status).toBe(404);
    const own = await createToken(handle.db, 'org_user', community.id);
    // 2025 is computed, not published: the organization itself does not see it yet; 2024 is finalized.
    expect((await download(`/api/cycles/2025/orgs/${community.id}/scorecard.pdf`, own)).status).toBe(403);
    const ownCopy = await download(`/api/cycles/2024/orgs/${community.id}/scorecard.pdf`, own);
    expect(ownCopy.status).toBe(200);
    // Ranks are the leaders' (showRankTo defaults to leader): the admin's copy prints them, the community's own does not.
    const rankLine = /社区党组织中第 \d+ 名/;
    expect(text(pdf((await download(`/api/cycles/2024/orgs/${community.id}/scorecard.pdf`)).bytes, 'admin-2024.pdf'))).toMatch(rankLine);
    expect(text(pdf(ownCopy.bytes, 'own-2024.pdf'))).not.toMatch(rankLine);
    expect((await app.request(`/api/cycles/2024/orgs/${community.id}/scorecard.pdf`)).status).toBe(401);
  });
});

describe('the ranking list and the district book', () => {
  it('prints rankings per category with the table header repeated on every page', async () => {
    const res = await download(`/api/cycles/2025/orgs/${district.id}/rankings.pdf`);
    expect(res.status).toBe(200);
    const path = pdf(res.bytes, 'rankings.pdf');
    const n = pages(path);
    expect(n).toBeGreaterThan(3); // 27 communities, 145 grids, 310 units
    let withRows = 0;
    for (let p = 1; p <= n; p++) {
      const page = text(path, p);
      if (!page.includes('上级内第')) continue; // the last page may hold only the signature block
      withRows++;
      expect(page).toMatch(/名次\s+组织\s+上级组织\s+总分/);
    }
    expect(withRows).toBeGreaterThanOrEqual(n - 1);
    const first = (await sql<{ name: string }>`select o.name from grades g join organizations o on o.id = g.org_id
      where g.revision_id = (select max(id) from score_revisions where cycle_year = 2025) and g.rank_category = 1 and o.kind = 'community'`.execute(handle.db)).rows;
    expect(text(path)).toContain(first[0]!.name);
  });

  it('binds a street into one book: cover, contents with the right page numbers, continuous page numbers', async () => {
    const res = await download(`/api/cycles/2025/orgs/${street.id}/book.pdf`);
    expect(res.status).toBe(200);
    const path = pdf(res.bytes, 'book.pdf');
    const n = pages(path);
    const orgs = (await sql<{ n: number }>`select count(*)::int as n from scores s join organizations o on o.id = s.org_id
      where s.revision_id = (select max(id) from score_revisions where cycle_year = 2025) and o.path like (select path from organizations where id = ${street.id}) || '%'`.execute(handle.db)).rows[0]!.n;
    expect(orgs).toBeGreaterThan(5);
    expect(text(path, 1)).toContain('考核评价汇编');
    // The book is printed in parts on both tabs and bound: every page's footer counts on through the whole book.
    const all = text(path).split('\f').slice(0, n);
    expect(all).toHaveLength(n);
    all.forEach((page, i) => expect(page).toMatch(new RegExp(`年度考核评价汇编 · 组织代码 \\S+ · 第 \\d+ 号计分版本\\s+${i + 1}\\s*/\\s*${n}\\s*$`)));
    // Every entry of the contents names the page its scorecard starts on.
    const firstCard = all.findIndex((page) => page.includes('组织名称'));
    const contents = all.slice(1, firstCard).join('\n');
    const entries = [...contents.matchAll(/^\s*(\S+?(?:党委|党总支|党支部|委员会|支部|党组))\s+.*?(\d+)\s*$/gm)].map((m) => ({ name: m[1]!, page: Number(m[2]) }));
    expect(entries).toHaveLength(orgs);
    for (const e of entries) {
      expect(e.page).toBeLessThanOrEqual(n);
      expect(all[e.page - 1]).toMatch(new RegExp(`组织名称\\s+${e.name}`));
    }
  });
});

describe('the duty-review result sheet and the two-way feedback letter', () => {
  it('prints a closed session\'s tallies as the results API gives them, and refuses an open one', async () => {
    const session = (await sql<{ id: number }>`select id from review_sessions where state = 'closed' and cycle_year = 2025 order by id limit 1`.execute(handle.db)).rows[0]!;
    const results = (await admin.get(`/api/reviews/${session.id}/results`)).body;
    const res = await download(`/api/reviews/${session.id}/result.pdf`);
    expect(res.status).toBe(200);
    const path = pdf(res.bytes, 'review.pdf');
    expect(text(path)).toContain('述职评议结果');
    const all = plain(path).replace(/\s+/g, '');
    for (const s of results.subjects) {
      // Each subject's row: name, sheets, then per group its overall 好 较好 一般 差 (or only its sheet count).
      const cells = s.groups.map((g: any) => (g.shown ? ['好', '较好', '一般', '差'].map((k) => g.items.overall?.[k] ?? 0).join('') : `${g.sheets}张，不单列`));
      expect(all).toContain(`${s.orgName}${s.sheets}张${cells.join('')}`);
    }
    // A session that has not ended prints nothing (its votes could still change, and tallies stay hidden).
    const draft = await admin.post('/api/reviews', { year: 2026, orgId: street.id, title: '2026 年度述职评议（测试）' });
    expect(draft.status).toBe(201);
    const refused = await download(`/api/reviews/${draft.body.id}/result.pdf`);
    expect(refused.status).toBe(409);
  });

  it('letters a resident unit with both directions and its in-service members\' service', async () => {
    const a = (await sql<{ id: number }>`select agreement_id as id from twoway_evaluations where cycle_year = 2025
      group by agreement_id having count(*) = 2 and agreement_id in (select agreement_id from member_feedback where cycle_year = 2025) order by agreement_id limit 1`.execute(handle.db)).rows[0]!;
    const twoway = (await admin.get(`/api/agreements/${a.id}/twoway`)).body;
    const feedback = (await admin.get(`/api/agreements/${a.id}/feedback`)).body;
    const res = await download(`/api/agreements/${a.id}/feedback.pdf`);
    expect(res.status).toBe(200);
    const all = text(path(res.bytes));
    expect(all).toContain(`${twoway.unitName}：`);
    for (const e of twoway.evaluations) expect(all).toMatch(new RegExp(`合计\\s+100\\s+${e.total.replace('.', '\\.')}`));
    for (const m of feedback.items) expect(all).toContain(m.memberName);
    function path(bytes: Buffer) {
      return pdf(bytes, 'letter.pdf');
    }
  });
});

describe('a document whose results were later corrected', () => {
  it('shows as outdated at /verify', async () => {
    const res = await download(`/api/cycles/2024/orgs/${community.id}/scorecard.pdf`);
    const path = pdf(res.bytes, 'before.pdf');
    const id = /编号\s+([0-9a-f]{20})/.exec(text(path))![1]!;
    expect(await (await app.request(`/verify/${id}`)).text()).toContain('有效');
    const otherId = /编号\s+([0-9a-f]{20})/.exec(text(pdf((await download(`/api/cycles/2024/orgs/${otherCommunity.id}/scorecard.pdf`)).bytes, 'other.pdf')))![1]!;
    const ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
    await correctResult({ ctx, year: 2024, input: { orgId: community.id, total: '66.60', reason: '复核发现台账漏计，更正总分' } });
    const after = await (await app.request(`/verify/${id}`)).text();
    expect(after).toContain('已过期');
    expect(after).not.toContain('有效：');
    // Another organization's paper still holds: the new revision left its figures alone.
    expect(await (await app.request(`/verify/${otherId}`)).text()).toContain('有效：此后计分版本已更新');
    // A fresh print of the corrected result is valid again and shows the corrected total.
    const again = pdf((await download(`/api/cycles/2024/orgs/${community.id}/scorecard.pdf`)).bytes, 'after.pdf');
    expect(text(again)).toContain('66.60');
    expect(plain(again).replace(/\s+/g, '')).toContain('下列各部分和指标为更正前的计分明细');
    const id2 = /编号\s+([0-9a-f]{20})/.exec(text(again))![1]!;
    expect(await (await app.request(`/verify/${id2}`)).text()).toContain('有效');
  });
});
