import { sql } from 'kysely';
import { hashToken } from '../../src/auth/tokens';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import type { IndicatorScore, PartScore } from '../../src/scoring/evaluate';
import { client, setupTestApp, testRuleSets, type TestApp } from '../support/app';
import { cliCtx, createCycle, createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * Duty-report reviews end to end: the secretary's report, a session with rater groups, one-time codes and
 * reviewer tokens, votes cast once (also under concurrent submission), results only as group tallies, and
 * the conversion of the votes through the real facts and scoring path, figures computed by hand.
 */

let t: TestApp;
let tree: Tree;
let year: number;
let admin: ReturnType<typeof client>;
let other: { id: number; name: string };
let sessionId: number;
const codes: Record<string, string[]> = {};
let reviewerToken: string;
let reviewerUserId: number;

const items = ['duty', 'tasks', 'rectify', 'overall'] as const;
const sheet = (answers: Record<number, string>) => ({ votes: Object.entries(answers).map(([orgId, a]) => ({ orgId: Number(orgId), answers: Object.fromEntries(items.map((i) => [i, a])) })) });

/** Posts the public form of a code, the way a phone does. */
async function postForm(code: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  const res = await t.app.request(`/r/${code}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: res.status, text: await res.text() };
}
const formFor = (answers: Record<number, string>) =>
  Object.fromEntries(Object.entries(answers).flatMap(([orgId, a]) => items.map((i) => [`v.${orgId}.${i}`, a])));

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '述职');
  year = await createCycle(t.db, 'reviewing');
  other = await createOrg(t.db, { kind: 'community', parent_id: tree.street.id, name: `述职第二社区${tree.street.id}` });
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  reviewerToken = await createToken(t.db, 'reviewer', tree.district.id);
  reviewerUserId = (await t.db.selectFrom('api_tokens').select('user_id').where('token_hash', '=', await hashToken(reviewerToken)).executeTakeFirstOrThrow()).user_id;
});

describe('duty reports', () => {
  it('are submitted by the secretary of the organization itself, and replaced on a second submission', async () => {
    const secretary = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
    const text = '一年来，社区党委坚持党建引领基层治理，完成了“红色物业”试点和四个小区的党支部建设。';
    // The attachment goes through the storage port first (POST /api/files), then the report names it.
    const upload = async (orgId: number, name: string, bytes: string) => {
      const f = new FormData();
      f.set('file', new File([Buffer.from(bytes)], name));
      f.set('orgId', String(orgId));
      f.set('purpose', 'duty_report');
      return secretary.post('/api/files', f);
    };
    const refusedType = await upload(tree.community.id, '述职报告.docx', 'PK\u0003\u0004 not a pdf');
    expect(refusedType.status).toBe(400);
    expect(refusedType.body.error.message).toContain('「述职报告.docx」不是可接受的文件类型');
    const file = await upload(tree.community.id, '述职报告.pdf', '%PDF-1.4 述职附件');
    expect(file.status).toBe(201);
    const res = await secretary.call('PUT', `/api/cycles/${year}/duty-reports`, { orgId: tree.community.id, text, attachment: { fileId: file.body.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ orgId: tree.community.id, kind: 'secretary', attachment: { fileId: file.body.id, name: '述职报告.pdf', mime: 'application/pdf', size: Buffer.byteLength('%PDF-1.4 述职附件') } });
    // Another organization's file cannot be attached.
    const streetFile = await client(t.app, await createToken(t.db, 'admin', tree.street.id)).post('/api/files', (() => {
      const f = new FormData();
      f.set('file', new File([Buffer.from('%PDF-1.4 街道')], '街道.pdf'));
      f.set('orgId', String(tree.street.id));
      return f;
    })());
    const foreign = await secretary.call('PUT', `/api/cycles/${year}/duty-reports`, { orgId: tree.community.id, text, attachment: { fileId: streetFile.body.id } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain(`文件 ${streetFile.body.id} 不存在或不属于该组织`);
    const download = await secretary.call('GET', `/api/cycles/${year}/duty-reports/${res.body.id}/attachment`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('述职报告.pdf'));
    expect(download.body).toBe('%PDF-1.4 述职附件');
    const again = await secretary.call('PUT', `/api/cycles/${year}/duty-reports`, { orgId: tree.community.id, text: `${text}（修订）` });
    expect(again.body).toMatchObject({ id: res.body.id, attachment: null });
    expect((await admin.call('GET', `/api/cycles/${year}/duty-reports/${res.body.id}/attachment`)).status).toBe(404);
    // Another organization's secretary may not submit it, even one above.
    const street = client(t.app, await createToken(t.db, 'org_user', tree.street.id));
    expect((await street.call('PUT', `/api/cycles/${year}/duty-reports`, { orgId: tree.community.id, text })).status).toBe(403);
    const list = await admin.get(`/api/cycles/${year}/duty-reports`);
    expect(list.body.items).toEqual([expect.objectContaining({ orgId: tree.community.id, text: `${text}（修订）` })]);
  });
});

describe('a review session', () => {
  it('is set up by an administrator: subjects below it, rater groups with weights, codes shown once', async () => {
    const created = await admin.post('/api/reviews', { year, kind: 'secretary', orgId: tree.street.id, title: `${year} 年度社区党组织书记述职评议` });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    expect(created.body.groups.map((g: { label: string; weight: number }) => [g.label, g.weight])).toEqual([
      ['上级党委', 0.4],
      ['党代表', 0.3],
      ['驻区单位代表', 0.15],
      ['群众代表', 0.15],
    ]);
    expect((await admin.post(`/api/reviews/${sessionId}/subjects`, { orgIds: [tree.community.id, other.id] })).status).toBe(200);
    // A subject is reviewed once a year per kind, across sessions.
    const second = await admin.post('/api/reviews', { year, kind: 'secretary', orgId: tree.street.id, title: '重复的评议' });
    const dup = await admin.post(`/api/reviews/${second.body.id}/subjects`, { orgIds: [tree.community.id] });
    expect(dup.status).toBe(409);
    for (const [group, n] of [['superior', 5], ['delegate', 4], ['unit', 2], ['public', 4]] as const) {
      const res = await admin.post(`/api/reviews/${sessionId}/raters`, { group, codes: n });
      expect(res.status).toBe(201);
      expect(res.body.codes).toHaveLength(n);
      for (const c of res.body.codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
      codes[group] = res.body.codes;
    }
    expect((await admin.post(`/api/reviews/${sessionId}/raters`, { group: 'unit', userIds: [reviewerUserId] })).status).toBe(201);
    // Only hashes are stored.
    const stored = await t.db.selectFrom('review_raters').select('code_hash').where('session_id', '=', sessionId).execute();
    for (const c of Object.values(codes).flat()) expect(stored.some((s) => s.code_hash === c)).toBe(false);
  });

  it('refuses votes before it is opened, and opens only while the cycle is in review', async () => {
    const early = await postForm(codes.superior![0]!, formFor({ [tree.community.id]: '好', [other.id]: '好' }));
    expect(early.status).toBe(409);
    expect(early.text).toContain('评议尚未开始');
    const opened = await admin.post(`/api/reviews/${sessionId}/transition`, { to: 'open' });
    expect(opened.status).toBe(200);
    expect(opened.body.state).toBe('open');
  });

  it('shows the sheet of a code, answers an unknown code clearly, and takes a sheet once', async () => {
    const page = await t.app.request(`/r/${codes.superior![0]!.toLowerCase()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(tree.community.name);
    expect(html).toContain('上级党委');
    expect(html).toContain('查看述职报告');
    const unknown = await t.app.request('/r/AAAAA-BBBBB-CCCCC-DDDDD');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('没有找到这个评议码');
    const incomplete = await postForm(codes.superior![0]!, { [`v.${tree.community.id}.overall`]: '好' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('还有项目没有评议');
  });

  it('counts a code submitted twice at the same moment exactly once', async () => {
    const code = codes.superior![0]!;
    // Six submissions of one code at once (on PostgreSQL over separate pooled connections): one counts.
    const all = await Promise.all([0, 1, 2, 3, 4, 5].map(() => postForm(code, formFor({ [tree.community.id]: '好', [other.id]: '较好' }))));
    expect(all.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of all.filter((x) => x.status === 409)) expect(r.text).toContain('这个评议码已经使用过');
    // The sheet waits in pending_review_sheets until the session closes.
    const n = await sql<{ sheets: number; votes: number }>`select count(*)::int as sheets, coalesce(sum(jsonb_array_length(votes)), 0)::int as votes
      from pending_review_sheets where session_id = ${sessionId}`.execute(t.db);
    expect(n.rows[0]).toEqual({ sheets: 1, votes: 2 }); // one sheet, two subjects
  });

  it('takes the sheets of every group, by code and by reviewer token', async () => {
    // Overall answers for the community (the other community gets 好 from everyone):
    //   上级党委 好 4, 较好 1 (the first already voted 好) · 党代表 好 2, 较好 1, 一般 1
    //   驻区单位代表 好 1, 差 1 by code + 较好 1 by token · 群众代表 较好 2, 一般 2
    const plan: Record<string, string[]> = { superior: ['好', '好', '好', '较好'], delegate: ['好', '好', '较好', '一般'], unit: ['好', '差'], public: ['较好', '较好', '一般', '一般'] };
    for (const [group, answers] of Object.entries(plan)) {
      const list = group === 'superior' ? codes.superior!.slice(1) : codes[group]!;
      for (const [i, a] of answers.entries()) {
        const res = await postForm(list[i]!.replace(/(.{5})/g, '$1-').slice(0, -1), formFor({ [tree.community.id]: a, [other.id]: '好' }));
        expect(res.status, `${group} ${i}`).toBe(200);
        expect(res.text).toContain('评议已提交');
      }
    }
    const reviewer = client(t.app, reviewerToken);
    // The reviewer account's own list: this session waits for it (and says nothing but whether it submitted).
    const mine = await reviewer.get('/api/reviews/sheets');
    expect(mine.body.items).toContainEqual({ sessionId, year, title: expect.any(String), kindLabel: '书记抓基层党建述职评议', organizer: expect.any(String), state: 'open', stateLabel: '评议中', submitted: false });
    expect((await admin.get('/api/reviews/sheets')).status).toBe(403);
    const ballot = await reviewer.get(`/api/reviews/${sessionId}/ballot`);
    expect(ballot.status).toBe(200);
    expect(ballot.body.group).toEqual({ key: 'unit', label: '驻区单位代表' });
    expect(ballot.body.subjects.map((s: { orgId: number }) => s.orgId).sort()).toEqual([tree.community.id, other.id].sort());
    const missing = await reviewer.post(`/api/reviews/${sessionId}/votes`, sheet({ [tree.community.id]: '较好' }));
    expect(missing.status).toBe(400);
    expect((await reviewer.post(`/api/reviews/${sessionId}/votes`, sheet({ [tree.community.id]: '较好', [other.id]: '好' }))).status).toBe(201);
    const twice = await reviewer.post(`/api/reviews/${sessionId}/votes`, sheet({ [tree.community.id]: '较好', [other.id]: '好' }));
    expect(twice.status).toBe(409);
    const after = await reviewer.get('/api/reviews/sheets');
    expect(after.body.items.find((i: { sessionId: number }) => i.sessionId === sessionId)).toMatchObject({ submitted: true });
  });

  it('keeps the votes unlinkable to raters and shows no result before it is closed', async () => {
    const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'review_votes' order by column_name`.execute(t.db);
    expect(cols.rows.map((r) => r.column_name)).toEqual(['answers', 'group_key', 'id', 'session_id', 'subject_org_id']);
    expect((await admin.get(`/api/reviews/${sessionId}/results`)).status).toBe(409);
    // Facts read closed sessions only: nothing yet.
    const rs = (await testRuleSets()).forCategory('community')!;
    const facts = await computeFacts(t.db, year, [tree.community.id], rs.ruleSet.facts);
    expect(facts.get(tree.community.id)!.dutyReview).toEqual({});
    expect((await admin.post(`/api/reviews/${sessionId}/transition`, { to: 'closed' })).status).toBe(200);
  });

  it('gives results as tallies per group, and only for groups of at least three sheets', async () => {
    const res = await admin.get(`/api/reviews/${sessionId}/results`);
    expect(res.status).toBe(200);
    const community = res.body.subjects.find((s: { orgId: number }) => s.orgId === tree.community.id);
    expect(community.sheets).toBe(16);
    const byGroup = Object.fromEntries(community.groups.map((g: any) => [g.label, g]));
    expect(byGroup['上级党委']).toMatchObject({ sheets: 5, shown: true, items: { overall: { 好: 4, 较好: 1 } } });
    expect(byGroup['驻区单位代表']).toMatchObject({ sheets: 3, shown: true, items: { overall: { 好: 1, 较好: 1, 差: 1 } } });
    expect(byGroup['群众代表'].items.duty).toEqual({ 较好: 2, 一般: 2 });
    expect(JSON.stringify(res.body)).not.toMatch(/code|token|rater/i);
    // A group of two sheets shows its count only.
    const small = await admin.post('/api/reviews', { year, kind: 'chair', orgId: tree.street.id, title: '轮值主席履责述评', groups: [{ key: 'members', label: '成员单位', weight: 1 }] });
    await admin.post(`/api/reviews/${small.body.id}/subjects`, { orgIds: [tree.community.id] });
    const few = await admin.post(`/api/reviews/${small.body.id}/raters`, { group: 'members', codes: 2 });
    await admin.post(`/api/reviews/${small.body.id}/transition`, { to: 'open' });
    for (const c of few.body.codes) expect((await postForm(c, formFor({ [tree.community.id]: '一般' }))).status).toBe(200);
    await admin.post(`/api/reviews/${small.body.id}/transition`, { to: 'closed' });
    const hidden = await admin.get(`/api/reviews/${small.body.id}/results`);
    expect(hidden.body.subjects[0].groups[0]).toEqual({ key: 'members', label: '成员单位', weight: 1, sheets: 2, shown: false, items: {} });
    const closedPage = await t.app.request(`/r/${few.body.codes[0]}`);
    expect(await closedPage.text()).toContain('这个评议码已经使用过');
  });

  it('converts the votes through the facts and the community rule set, as computed by hand', async () => {
    const rs = (await testRuleSets()).forCategory('community')!;
    const facts = await computeFacts(t.db, year, [tree.community.id, other.id], rs.ruleSet.facts);
    expect(facts.get(tree.community.id)!.dutyReview).toEqual({
      上级党委: { 好: 4, 较好: 1 },
      党代表: { 好: 2, 较好: 1, 一般: 1 },
      驻区单位代表: { 好: 1, 较好: 1, 差: 1 },
      群众代表: { 较好: 2, 一般: 2 },
    });
    const summary = await scoreCycle({ ctx: cliCtx(t.db), year, ruleSets: await testRuleSets() });
    const row = await t.db.selectFrom('scores').select('result').where('revision_id', '=', summary.revisionId).where('org_id', '=', tree.community.id).executeTakeFirstOrThrow();
    const parts = (row.result as { parts: PartScore[] }).parts;
    const duty = parts.flatMap((p) => p.indicators).find((i: IndicatorScore) => i.id === 'duty_review')!;
    // Coefficients 好 20, 较好 15, 一般 10, 差 0; weights 40% / 30% / 15% / 15% (rules/community.json):
    //   上级党委 (4×20 + 15) / 5 = 19          × 0.40 = 7.6
    //   党代表   (2×20 + 15 + 10) / 4 = 16.25  × 0.30 = 4.875
    //   驻区单位代表 (20 + 15 + 0) / 3 = 11.666… × 0.15 = 1.75
    //   群众代表 (2×15 + 2×10) / 4 = 12.5      × 0.15 = 1.875
    //   sum 16.1; 好 7 of 16 = 43.75% < 50% → −2 → 14.10
    expect(duty.points).toBe('14.10');
    expect(duty.lines.map((l) => l.text).join('\n')).toContain('低于 50%，扣 2 分');
    // The other community: 好 on every sheet but one 较好 from 上级党委 (the double submission):
    //   上级党委 (4×20 + 15) / 5 = 19 × 0.40 = 7.6; the other groups 20 × (0.3 + 0.15 + 0.15) = 12
    //   sum 19.6; 好 15 of 16 = 93.75%, not below 50% → 19.60
    const row2 = await t.db.selectFrom('scores').select('result').where('revision_id', '=', summary.revisionId).where('org_id', '=', other.id).executeTakeFirstOrThrow();
    expect((row2.result as { parts: PartScore[] }).parts.flatMap((p) => p.indicators).find((i) => i.id === 'duty_review')!.points).toBe('19.60');
  });
});

describe('votes outside the review window', () => {
  it('are refused with the cycle reason', async () => {
    const y2 = await createCycle(t.db, 'reviewing');
    const s = await admin.post('/api/reviews', { year: y2, orgId: tree.street.id, title: '周期关闭后的评议' });
    await admin.post(`/api/reviews/${s.body.id}/subjects`, { orgIds: [tree.community.id] });
    const c = await admin.post(`/api/reviews/${s.body.id}/raters`, { group: 'public', codes: 1 });
    await admin.post(`/api/reviews/${s.body.id}/transition`, { to: 'open' });
    await t.db.updateTable('cycles').set({ state: 'computed' }).where('year', '=', y2).execute();
    const res = await postForm(c.body.codes[0], formFor({ [tree.community.id]: '好' }));
    expect(res.status).toBe(409);
    expect(res.text).toContain(`${y2} 年度考核周期处于「已计分」状态，只有「年度评议中」时才能写入`);
    const used = await t.db.selectFrom('review_raters').select('used_at').where('session_id', '=', s.body.id).executeTakeFirstOrThrow();
    expect(used.used_at).toBeNull();
  });
});

describe('paper sheets', () => {
  const upload = (lines: string[]) => {
    const form = new FormData();
    form.append('file', new File([new TextEncoder().encode(lines.join('\n'))], '纸质评议表.csv'));
    return form;
  };
  const header = '票号,评议群体,组织编码,履行抓基层党建第一责任人职责,基层党建重点任务落实,问题整改和群众满意,总体评价';

  it('are imported all or nothing, every bad row named, each sheet counted once', async () => {
    const y = await createCycle(t.db, 'reviewing');
    const c1 = await createOrg(t.db, { kind: 'community', parent_id: tree.street.id, code: `PAPER-A-${y}` });
    const c2 = await createOrg(t.db, { kind: 'community', parent_id: tree.street.id, code: `PAPER-B-${y}` });
    const s = await admin.post('/api/reviews', { year: y, orgId: tree.street.id, title: '纸质评议' });
    await admin.post(`/api/reviews/${s.body.id}/subjects`, { orgIds: [c1.id, c2.id] });
    await admin.post(`/api/reviews/${s.body.id}/raters`, { group: 'superior', codes: 1 });
    const draft = await admin.call('POST', `/api/reviews/${s.body.id}/paper`, upload([header, `1,党代表,${c1.code},好,好,好,好`]));
    expect(draft.status).toBe(409); // not open yet
    await admin.post(`/api/reviews/${s.body.id}/transition`, { to: 'open' });

    const bad = await admin.call('POST', `/api/reviews/${s.body.id}/paper`, upload([
      header,
      `1,党代表,${c1.code},好,好,好,好`,
      `1,党代表,${c2.code},好,很好,好,较好`, // not an answer
      `2,居民代表,${c1.code},好,好,好,好`, // no such group
      `3,群众代表,${c1.code},一般,一般,一般,一般`, // sheet 3 misses c2
    ]));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([
      expect.objectContaining({ row: 3, column: '基层党建重点任务落实', value: '很好' }),
      expect.objectContaining({ row: 4, column: '评议群体', value: '居民代表' }),
      expect.objectContaining({ row: 5, column: '票号', message: `票号 3 没有评议：${c2.name}` }),
    ]);
    const none = await sql<{ n: number }>`select ((select count(*) from review_votes where session_id = ${s.body.id}) + (select count(*) from pending_review_sheets where session_id = ${s.body.id}))::int as n`.execute(t.db);
    expect(none.rows[0]!.n).toBe(0);

    const good = [header, `1,党代表,${c1.code},好,好,好,好`, `1,党代表,${c2.code},好,好,好,较好`, `2,delegate,${c1.code},一般,一般,一般,一般`, `2,delegate,${c2.code},差,差,差,差`];
    const ok = await admin.call('POST', `/api/reviews/${s.body.id}/paper`, upload(good));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ imported: 2, votes: 4 });
    const again = await admin.call('POST', `/api/reviews/${s.body.id}/paper`, upload(good));
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors.map((e: { message: string }) => e.message)).toEqual(['票号 1 已经导入过', '票号 2 已经导入过']);

    await admin.post(`/api/reviews/${s.body.id}/transition`, { to: 'closed' });
    const rs = (await testRuleSets()).forCategory('community')!;
    const facts = await computeFacts(t.db, y, [c1.id, c2.id], rs.ruleSet.facts);
    expect(facts.get(c1.id)!.dutyReview).toEqual({ 党代表: { 好: 1, 一般: 1 } });
    expect(facts.get(c2.id)!.dutyReview).toEqual({ 党代表: { 较好: 1, 差: 1 } });
  });
});
