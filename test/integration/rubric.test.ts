import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, testRuleSets, type TestApp } from '../support/app';
import { createCycle, createOrg, createToken } from '../support/factories';

/**
 * 考核细则: the rule sets governing a year and their rubric table, as JSON and as a printed PDF read back with pdftotext.
 * Rule sets are not per organization: any reader sees them; reviewers are refused.
 */
let t: TestApp;
let year: number;
let tokens: Record<'admin' | 'leader' | 'community' | 'reviewer', string>;
let communityHash: string;

beforeAll(async () => {
  t = await setupTestApp();
  year = await createCycle(t.db, 'collecting');
  const district = await createOrg(t.db, { kind: 'district' });
  const street = await createOrg(t.db, { kind: 'street', parent_id: district.id });
  const community = await createOrg(t.db, { kind: 'community', parent_id: street.id, category: 'community' });
  tokens = {
    admin: await createToken(t.db, 'admin', district.id),
    leader: await createToken(t.db, 'leader', district.id),
    community: await createToken(t.db, 'org_user', community.id),
    reviewer: await createToken(t.db, 'reviewer', district.id),
  };
  communityHash = (await testRuleSets()).forCategory('community')!.hash;
});

describe('GET /api/cycles/{year}/rule-sets', () => {
  it('lists the version in force for every category of an unscored year, not pinned, the caller’s category first', async () => {
    const res = await client(t.app, tokens.community).get(`/api/cycles/${year}/rule-sets`);
    expect(res.status).toBe(200);
    expect(res.body.ownCategory).toBe('community');
    const community = res.body.items.find((i: { category: string }) => i.category === 'community');
    expect(community).toMatchObject({ categoryLabel: '社区党组织', hash: communityHash, pinned: false, pinnedAt: null, pinnedBy: null });
    // resident-unit.json covers four categories: one row each, the same version.
    expect(res.body.items.filter((i: { id: string }) => i.id === 'resident-unit').map((i: { category: string }) => i.category)).toEqual(['agency', 'institution', 'enterprise', 'social_org']);
  });

  it('refuses reviewers and answers 404 for a year without a cycle', async () => {
    expect((await client(t.app, tokens.reviewer).get(`/api/cycles/${year}/rule-sets`)).status).toBe(403);
    expect((await client(t.app, tokens.admin).get('/api/cycles/9998/rule-sets')).status).toBe(404);
  });
});

describe('GET /api/rule-sets/{hash}/rubric', () => {
  it('gives the rubric table whose rows add up to the total', async () => {
    const res = await client(t.app, tokens.leader).get(`/api/rule-sets/${communityHash}/rubric`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(100);
    // 日常考核 50 + 年度考评 30 + 群众评议 20 (加分 and 扣分 come on top of the full score).
    type Part = { counted: boolean; weight: number; rows: { points: number }[] };
    const sum = (res.body.parts as Part[]).filter((p) => p.counted).reduce((s, p) => s + p.weight * p.rows.reduce((r, x) => r + x.points, 0), 0);
    expect(sum).toBe(100);
    expect(res.body.grading.grades.map((g: { label: string }) => g.label)).toEqual(['五星', '四星', '三星', '二星', '一星', '无星']);
  });

  it('refuses reviewers, an unknown version and a malformed hash', async () => {
    expect((await client(t.app, tokens.reviewer).get(`/api/rule-sets/${communityHash}/rubric`)).status).toBe(403);
    expect((await client(t.app, tokens.admin).get(`/api/rule-sets/${'0'.repeat(64)}/rubric`)).status).toBe(404);
    const bad = await client(t.app, tokens.admin).get('/api/rule-sets/xyz/rubric');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('64 位十六进制');
  });

  it('prints the rubric as a PDF in Chinese, with the scoring methods and the indicators', async () => {
    const res = await t.app.request(`/api/rule-sets/${communityHash}/rubric.pdf`, { headers: { authorization: `Bearer ${tokens.community}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    const path = join(mkdtempSync(join(tmpdir(), 'rubric-')), 'rubric.pdf');
    writeFileSync(path, bytes);
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of ['评分方法', '支委会', '主题党日', '等次评定', '五星', '考核细则']) expect(text).toContain(words);
    expect((await t.app.request(`/api/rule-sets/${communityHash}/rubric.pdf`, { headers: { authorization: `Bearer ${tokens.reviewer}` } })).status).toBe(403);
  });
});
