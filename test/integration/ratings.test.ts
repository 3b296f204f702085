import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { sql } from 'kysely';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashCode, normalizeCode } from '../../src/auth/codes';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * Resident rating campaigns end to end through the app: a campaign, its codes, the public ballot page
 * in every state, flags and voiding, and results that stay hidden until closed and enough answered.
 */

let t: TestApp;
let tree: Tree;
let year: number;
let admin: ReturnType<typeof client>;
let orgUser: ReturnType<typeof client>;
let adminToken: string;

const items = [
  { key: 'service', label: '服务群众' },
  { key: 'overall', label: '总体评价' },
];
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function newCampaign(targets: number[]) {
  const res = await admin.post('/api/campaigns', {
    year,
    orgId: tree.district.id,
    title: `${year} 年度群众满意度测评`,
    items,
    raterGroups: ['居民', '党员'],
    targets,
    opensOn: new Date().toISOString().slice(0, 10),
    closesOn: inAMonth(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number };
}

async function issue(campaignId: number, orgId: number, count: number, group = '居民'): Promise<string[]> {
  const res = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetOrgId: orgId, raterGroup: group, count });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body.codes as { code: string }[]).map((c) => c.code);
}

/** Submits the ballot form as a phone would: form-encoded, from a client address. */
async function cast(code: string, answers: Record<string, string>, from = '10.0.0.1') {
  const body = new URLSearchParams(Object.entries(answers).map(([k, v]) => [`item_${k}`, v]));
  const res = await t.app.request(`/b/${code}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-test-client': from } });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '评议');
  year = await createCycle(t.db, 'reviewing');
  adminToken = await createToken(t.db, 'admin', tree.district.id);
  admin = client(t.app, adminToken);
  orgUser = client(t.app, await createToken(t.db, 'org_user', tree.grid.id));
});

describe('ballot codes', () => {
  it('are 20 Crockford symbols (100 bits), shown grouped, typed loosely, stored only hashed', async () => {
    const c = await newCampaign([tree.grid.id]);
    const codes = await issue(c.id, tree.grid.id, 5);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(new Set(codes).size).toBe(5);
    const plain = codes[0]!.replace(/-/g, '');
    expect(normalizeCode(` ${codes[0]!.toLowerCase()} `)).toBe(plain);
    expect(normalizeCode(plain.replace(/1/g, 'l').replace(/0/g, 'O'))).toBe(plain);
    expect(normalizeCode('ABC')).toBeNull();
    const stored = await sql<{ n: number }>`select count(*)::int as n from ballot_codes where code_hash = ${plain} or code_hash like ${`%${plain}%`}`.execute(t.db);
    expect(stored.rows[0]!.n).toBe(0);
    const audit = await sql<{ after: unknown }>`select after from audit_log where action = 'campaign.codes' and entity_id = (select max(id)::text from ballot_batches)`.execute(t.db);
    expect(JSON.stringify(audit.rows[0]!.after)).not.toContain(plain);
  });

  it('print as an A4 sheet of QR cards (HTML)', async () => {
    const c = await newCampaign([tree.grid.id]);
    const sheet = await admin.call('POST', `/api/campaigns/${c.id}/codes?format=html`, { targetOrgId: tree.grid.id, raterGroup: '党员', count: 13 });
    expect(sheet.status).toBe(201);
    const html = String(sheet.body);
    expect(html.match(/<section class="cards">/g)).toHaveLength(2); // 13 cards: 12 on the first page, 1 on the second
    expect(html.match(/<svg/g)).toHaveLength(13);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain(tree.grid.name);
    expect(html).toContain('评议身份：党员');
  });

  it('print as a PDF whose QR codes open the ballot page', async () => {
    const c = await newCampaign([tree.grid.id]);
    await admin.post(`/api/campaigns/${c.id}/open`);
    const res = await t.app.request(`/api/campaigns/${c.id}/codes?format=pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targetOrgId: tree.grid.id, raterGroup: '居民', count: 14 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'xp-cards-'));
    try {
      writeFileSync(join(dir, 'cards.pdf'), new Uint8Array(await res.arrayBuffer()));
      expect(execFileSync('pdfinfo', [join(dir, 'cards.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/);
      execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '420', '-H', '480', join(dir, 'cards.pdf'), join(dir, 'p')]);
      const png = PNG.sync.read(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.png'))!)));
      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(qr?.data).toMatch(/^https:\/\/pingyi\.example\.cn\/b\/[0-9A-Z]{20}$/);
      const page = await t.app.request(new URL(qr!.data).pathname);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(tree.grid.name);
      const text = execFileSync('pdftotext', [join(dir, 'cards.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('评议身份：居民');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the public ballot page', () => {
  let campaign: { id: number };
  let codes: string[];
  beforeAll(async () => {
    campaign = await newCampaign([tree.grid.id, tree.grid2.id]);
    codes = await issue(campaign.id, tree.grid.id, 6);
  });

  it('shows the form only while the campaign is open', async () => {
    const draft = await t.app.request(`/b/${codes[0]}`);
    expect(draft.status).toBe(409);
    expect(await draft.text()).toContain('评议未在进行中');
    expect((await admin.post(`/api/campaigns/${campaign.id}/open`)).status).toBe(200);
    const open = await t.app.request(`/b/${codes[0]!.toLowerCase()}`);
    expect(open.status).toBe(200);
    const html = await open.text();
    expect(html).toContain(tree.grid.name);
    expect(html).toContain('服务群众');
    expect(html.match(/type="radio"/g)).toHaveLength(2 * 6); // two items × six answers
  });

  it('casts once: a second use of the code is refused with 409 and says so', async () => {
    const first = await cast(codes[0]!, { service: '满意', overall: '很满意' });
    expect(first.status).toBe(201);
    expect(first.text).toContain('评议已提交');
    const again = await cast(codes[0]!, { service: '不满意', overall: '不满意' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('评议码已使用');
    const page = await t.app.request(`/b/${codes[0]}`);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('评议码已使用');
    // Cast ballots wait in pending_ballots (no reference to their code) until the campaign's next move or its closing.
    const ballots = await sql<{ answers: unknown; client_key: string }>`select answers, client_key from pending_ballots where campaign_id = ${campaign.id}`.execute(t.db);
    expect(ballots.rows).toHaveLength(1);
    expect(ballots.rows[0]!.answers).toEqual({ service: '满意', overall: '很满意' });
    expect(ballots.rows[0]!.client_key).toMatch(/^[0-9a-f]{64}$/); // a salted hash, never the address
    expect(ballots.rows[0]!.client_key).not.toContain('10.0.0.1');
  });

  it('asks again for a missing answer and keeps the code unused', async () => {
    const res = await cast(codes[1]!, { service: '满意' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('请为每一项选择一个答案：总体评价');
    expect(res.text).toContain('value="满意" required checked');
    const bogus = await cast(codes[1]!, { service: '满意', overall: '<script>' });
    expect(bogus.status).toBe(400);
    expect((await cast(codes[1]!, { service: '满意', overall: '满意' })).status).toBe(201);
  });

  it('says unknown for a code that does not exist or cannot be one', async () => {
    for (const code of ['ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ', 'not-a-code']) {
      const page = await t.app.request(`/b/${code}`);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('评议码无效');
      const post = await cast(code, { service: '满意', overall: '满意' });
      expect(post.status).toBe(404);
    }
  });

  it('says expired for a code past its date', async () => {
    const hash = await hashCode(normalizeCode(codes[2]!)!);
    await sql`update ballot_codes set expires_at = now() - interval '1 minute' where code_hash = ${hash}`.execute(t.db);
    const page = await t.app.request(`/b/${codes[2]}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('评议码已过期');
    expect((await cast(codes[2]!, { service: '满意', overall: '满意' })).status).toBe(410);
    expect((await t.app.request(`/b/${codes[3]}`)).status).toBe(200); // the others of the batch still work
  });

  it('offers a page to type a code, and a redirect to the ballot', async () => {
    const entry = await t.app.request('/b');
    expect(entry.status).toBe(200);
    expect(await entry.text()).toContain('请输入评议卡上的评议码');
    const go = await t.app.request(`/b/go?code=${encodeURIComponent(codes[5]!.toLowerCase())}`);
    expect(go.status).toBe(303);
    expect(go.headers.get('location')).toBe(`/b/${codes[5]!.replace(/-/g, '')}`);
    expect((await t.app.request('/b/go?code=123')).status).toBe(400);
  });

  it('says closed once the campaign is over', async () => {
    expect((await admin.post(`/api/campaigns/${campaign.id}/close`)).status).toBe(200);
    const page = await t.app.request(`/b/${codes[5]}`);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('评议未在进行中');
    expect((await cast(codes[5]!, { service: '满意', overall: '满意' })).status).toBe(409);
    const n = await sql<{ n: number }>`select ((select count(*) from ballots where campaign_id = ${campaign.id}) + (select count(*) from pending_ballots where campaign_id = ${campaign.id}))::int as n`.execute(t.db);
    expect(n.rows[0]!.n).toBe(2);
  });
});

describe('rate limit', () => {
  it('answers 429 with a Chinese page past the limit for one client address, others unaffected', async () => {
    const limited = await setupTestApp({ ballots: { rateLimit: { limit: 3, windowMs: 60_000 } } });
    const hit = (from: string) => limited.app.request('/b', { headers: { 'x-test-client': from } });
    for (let i = 0; i < 3; i++) expect((await hit('10.9.9.9')).status).toBe(200);
    const over = await hit('10.9.9.9');
    expect(over.status).toBe(429);
    expect(await over.text()).toContain('操作过于频繁');
    expect((await hit('10.9.9.10')).status).toBe(200);
  });
});

describe('flags, voiding and results', () => {
  let campaign: { id: number };
  beforeAll(async () => {
    campaign = await newCampaign([tree.grid.id, tree.community.id]);
    const gridCodes = await issue(campaign.id, tree.grid.id, 14);
    const communityCodes = await issue(campaign.id, tree.community.id, 3);
    await admin.post(`/api/campaigns/${campaign.id}/open`);
    // 6 ballots in a burst from one address with one answer vector; 8 more from 8 addresses.
    for (const code of gridCodes.slice(0, 6)) expect((await cast(code, { service: '很满意', overall: '很满意' }, '10.6.6.6')).status).toBe(201);
    const answers = ['满意', '基本满意', '不了解', '满意', '不满意', '很满意', '满意', '基本满意'];
    for (const [i, code] of gridCodes.slice(6).entries()) expect((await cast(code, { service: answers[i]!, overall: answers[i]! }, `10.1.0.${i}`)).status).toBe(201);
    for (const [i, code] of communityCodes.entries()) expect((await cast(code, { service: '不太满意', overall: '满意' }, `10.2.0.${i}`)).status).toBe(201);
  });

  it('flags the burst and the identical answers, with the ballots they affect', async () => {
    const res = await admin.get(`/api/campaigns/${campaign.id}/flags?burstCount=5&burstMinutes=10&patternCount=5&patternMinutes=60`);
    expect(res.status).toBe(200);
    const burst = res.body.items.filter((f: { kind: string }) => f.kind === 'burst');
    const pattern = res.body.items.filter((f: { kind: string }) => f.kind === 'pattern');
    expect(burst).toHaveLength(1);
    expect(burst[0].ballotIds).toHaveLength(6);
    expect(burst[0].source).toMatch(/^[0-9a-f]{10}$/);
    expect(pattern).toHaveLength(1);
    expect(pattern[0].orgId).toBe(tree.grid.id);
    // The burst's six, plus the one other resident who also answered 很满意 twice within the hour.
    expect(pattern[0].ballotIds).toHaveLength(7);
    expect(pattern[0].ballotIds).toEqual(expect.arrayContaining(burst[0].ballotIds));
    const none = await admin.get(`/api/campaigns/${campaign.id}/flags?burstCount=7&patternCount=8`);
    expect(none.body.items).toEqual([]);
  });

  it('voids a ballot with a reason, audited; it stays flagged but no longer counts', async () => {
    const flags = await admin.get(`/api/campaigns/${campaign.id}/flags?burstCount=5`);
    const id = flags.body.items[0].ballotIds[0];
    expect((await admin.post(`/api/campaigns/${campaign.id}/ballots/${id}/void`, { reason: '' })).status).toBe(400);
    const res = await admin.post(`/api/campaigns/${campaign.id}/ballots/${id}/void`, { reason: '同一来源短时间内集中提交' });
    expect(res.status).toBe(200);
    expect((await admin.post(`/api/campaigns/${campaign.id}/ballots/${id}/void`, { reason: '再次作废' })).status).toBe(409);
    const after = await admin.get(`/api/campaigns/${campaign.id}/flags?burstCount=5`);
    expect(after.body.items[0].voidedIds).toEqual([id]);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'ballot.void' and entity_id = ${String(id)}`.execute(t.db);
    expect(audit.rows[0]!.n).toBe(1);
    const detail = await admin.get(`/api/campaigns/${campaign.id}`);
    expect(detail.body.targets.find((x: { orgId: number }) => x.orgId === tree.grid.id)).toMatchObject({ validBallots: 13, voidedBallots: 1, codesIssued: 14 });
  });

  it('hides results until closed and below the minimum sample; shows tallies, never a ballot', async () => {
    const open = await orgUser.get(`/api/campaigns/${campaign.id}/results`);
    expect(open.status).toBe(200);
    expect(open.body.targets.every((x: { shown: boolean; items: unknown[] }) => !x.shown && x.items.length === 0)).toBe(true);
    await admin.post(`/api/campaigns/${campaign.id}/close`);
    const res = await admin.get(`/api/campaigns/${campaign.id}/results`);
    const grid = res.body.targets.find((x: { orgId: number }) => x.orgId === tree.grid.id);
    const community = res.body.targets.find((x: { orgId: number }) => x.orgId === tree.community.id);
    // The grid rule set reads no ballots: the default minimum of 10; 13 valid ballots (one voided).
    expect(grid).toMatchObject({ validBallots: 13, minSample: 10, shown: true });
    const overall = grid.items.find((i: { key: string }) => i.key === 'overall');
    // 5 很满意 left of the burst + 1 of the others = 6; 满意 3; 基本满意 2; 不了解 1; 不满意 1; 6/13 = 46.15%.
    expect(overall.answers).toEqual([
      { answer: '很满意', count: 6, share: '46.15' },
      { answer: '满意', count: 3, share: '23.08' },
      { answer: '基本满意', count: 2, share: '15.38' },
      { answer: '不太满意', count: 0, share: '0.00' },
      { answer: '不满意', count: 1, share: '7.69' },
      { answer: '不了解', count: 1, share: '7.69' },
    ]);
    // The community rule set reads its ballots with a minimum sample of 30: 3 ballots stay hidden.
    expect(community).toMatchObject({ validBallots: 3, minSample: 30, shown: false, items: [] });
    expect(community.note).toContain('样本不足');
    // An organization's user sees its own subtree only.
    const mine = await orgUser.get(`/api/campaigns/${campaign.id}/results`);
    expect(mine.body.targets.map((x: { orgId: number }) => x.orgId)).toEqual([tree.grid.id]);
  });

  it('has no route that pairs a ballot with its answers', async () => {
    const ballotIds = (await sql<{ id: number }>`select id from ballots where campaign_id = ${campaign.id}`.execute(t.db)).rows.map((r) => r.id);
    const bodies = await Promise.all(
      [`/api/campaigns?year=${year}`, `/api/campaigns/${campaign.id}`, `/api/campaigns/${campaign.id}/results`, `/api/campaigns/${campaign.id}/flags?burstCount=2&patternCount=2`].map((p) => admin.get(p)),
    );
    const walk = (v: unknown, visit: (o: Record<string, unknown>) => void): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
      else if (v && typeof v === 'object') {
        visit(v as Record<string, unknown>);
        Object.values(v).forEach((x) => walk(x, visit));
      }
    };
    let objects = 0;
    for (const res of bodies) {
      expect(res.status).toBe(200);
      walk(res.body, (o) => {
        objects += 1;
        // An answer vector ({ service: …, overall: … }) never appears, and no object holding an answer names a ballot.
        expect(Object.keys(o)).not.toEqual(expect.arrayContaining(['service', 'overall']));
        if ('answer' in o || 'answers' in o) expect(Object.keys(o).some((k) => /ballot/i.test(k))).toBe(false);
      });
    }
    expect(objects).toBeGreaterThan(20);
    expect(ballotIds.length).toBe(17);
  });
});

describe('voiding several ballots at once', () => {
  it('voids the chosen ballots of a group in one step, or none of them when one cannot be', async () => {
    const campaign = await newCampaign([tree.grid.id]);
    const codes = await issue(campaign.id, tree.grid.id, 4);
    await admin.post(`/api/campaigns/${campaign.id}/open`);
    for (const [i, code] of codes.entries()) expect((await cast(code, { service: '满意', overall: '满意' }, `10.9.0.${i}`)).status).toBe(201);
    // Four identical answers within the hour: one 答案雷同 group of four ballots.
    const flags = await admin.get(`/api/campaigns/${campaign.id}/flags?patternCount=4&patternMinutes=60`);
    const group: number[] = flags.body.items.find((f: { kind: string }) => f.kind === 'pattern').ballotIds;
    expect(group).toHaveLength(4);
    const [a, b, c] = [...group].sort((x, y) => x - y);
    const url = `/api/campaigns/${campaign.id}/ballots/void`;
    expect((await admin.post(url, { ballotIds: [], reason: '集中提交' })).status).toBe(400);
    const missing = await admin.post(url, { ballotIds: [a, 2_000_000_000], reason: '集中提交' });
    expect(missing.status, JSON.stringify(missing.body)).toBe(404);
    const done = await admin.post(url, { ballotIds: [a, b], reason: '核实为同一人代填' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ ballotIds: [a, b], reason: '核实为同一人代填' });
    // b is voided already: the whole request is refused and c still counts.
    const refused = await admin.post(url, { ballotIds: [c, b], reason: '再次作废' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`评议票 ${b} 已作废`);
    const detail = await admin.get(`/api/campaigns/${campaign.id}`);
    // 4 cast − 2 voided = 2 valid.
    expect(detail.body.targets[0]).toMatchObject({ validBallots: 2, voidedBallots: 2 });
    const audit = await sql<{ entity_id: string }>`select entity_id from audit_log where action = 'ballot.void' and entity_id in (${String(a)}, ${String(b)}, ${String(c)}) order by entity_id`.execute(t.db);
    expect(audit.rows.map((r) => Number(r.entity_id)).sort((x, y) => x - y)).toEqual([a, b]);
  });
});

describe('paper ballots', () => {
  function upload(lines: string[], name = 'paper.csv'): FormData {
    const form = new FormData();
    form.append('file', new File([new TextEncoder().encode(lines.join('\n'))], name));
    return form;
  }

  it('imports all rows or none, naming each bad row, column, value and reason', async () => {
    const campaign = await newCampaign([tree.grid.id, tree.grid2.id]);
    await admin.post(`/api/campaigns/${campaign.id}/open`);
    const bad = await admin.call(
      'POST',
      `/api/campaigns/${campaign.id}/paper`,
      upload([
        '评议对象编码,评议群体,服务群众,总体评价',
        `${tree.grid.code},居民,满意,很满意`,
        `${tree.community.code},居民,满意,满意`,
        `${tree.grid2.code},路人,满意,满意`,
        `${tree.grid2.code},党员,非常好,满意`,
        `${tree.grid2.code},党员,满意,`,
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('import_invalid');
    expect(bad.body.error.details.errors).toEqual([
      { row: 3, column: '评议对象编码', value: tree.community.code, message: '不是本次评议的对象' },
      { row: 4, column: '评议群体', value: '路人', message: '评议群体应为：居民、党员' },
      { row: 5, column: '服务群众', value: '非常好', message: expect.stringContaining('答案应为：很满意、满意') },
      { row: 6, column: '总体评价', value: null, message: '必填' },
    ]);
    const none = await sql<{ n: number }>`select count(*)::int as n from ballots where campaign_id = ${campaign.id}`.execute(t.db);
    expect(none.rows[0]!.n).toBe(0);

    const good = await admin.call('POST', `/api/campaigns/${campaign.id}/paper`, upload(['评议对象编码,评议群体,service,overall', `${tree.grid.code},居民,满意,很满意`, `${tree.grid2.code},党员,不了解,基本满意`]));
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.imported).toBe(2);
    const rows = await sql<{ source: string; client_key: string | null; answers: unknown }>`
      select source, client_key, answers from ballots where campaign_id = ${campaign.id} order by id`.execute(t.db);
    expect(rows.rows).toEqual([
      { source: 'paper', client_key: null, answers: { service: '满意', overall: '很满意' } },
      { source: 'paper', client_key: null, answers: { service: '不了解', overall: '基本满意' } },
    ]);
    await admin.post(`/api/campaigns/${campaign.id}/close`);
    const late = await admin.call('POST', `/api/campaigns/${campaign.id}/paper`, upload(['评议对象编码,评议群体,服务群众,总体评价', `${tree.grid.code},居民,满意,满意`]));
    expect(late.status).toBe(409);
  });
});
