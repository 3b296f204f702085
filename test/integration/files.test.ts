import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryBlobs } from '../../src/adapters/blobs-directory';
import { sharpImages } from '../../src/adapters/images-sharp';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * The storage port through the API: types recognised by their bytes, the 10 MB limit, damaged photos refused with
 * the file named and nothing stored, a WebP thumbnail of at most 320 px, downloads within the subtree only, ledger
 * evidence attached by file id (of the record's own organization), and the directory backend.
 */
let t: TestApp;
let tree: Tree;
let year: number;
let gridToken: string;
let grid: ReturnType<typeof client>;
let photo: Uint8Array;

const form = (name: string, bytes: Uint8Array, orgId: number, type = 'image/jpeg') => {
  const f = new FormData();
  f.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  f.set('orgId', String(orgId));
  return f;
};
const fileCount = async () => Number((await t.db.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
async function download(token: string, path: string) {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '文件');
  year = await createCycle(t.db, 'collecting');
  gridToken = await createToken(t.db, 'org_user', tree.grid.id);
  grid = client(t.app, gridToken);
  // A 2400 × 1600 photo as a phone would take it, turned by its EXIF orientation 6 (shown 1600 × 2400).
  photo = new Uint8Array(await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 180, g: 40, b: 40 } } }).jpeg().withMetadata({ orientation: 6 }).toBuffer());
});

describe('uploading a file', () => {
  it('stores a photo with its upright size and a WebP thumbnail of at most 320 px, and audits it', async () => {
    const res = await grid.post('/api/files', form('签到表.jpg', photo, tree.grid.id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orgId: tree.grid.id, name: '签到表.jpg', mime: 'image/jpeg', size: photo.length, width: 1600, height: 2400, hasThumbnail: true });
    const thumb = await download(gridToken, `/api/files/${res.body.id}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(thumb.bytes).metadata();
    // 1600 × 2400 fitted inside 320 × 320: 320 high, 1600 × 320 / 2400 = 213.3 → 213 wide.
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 213, 320]);
    const original = await download(gridToken, `/api/files/${res.body.id}`);
    expect(original.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(original.bytes).equals(Buffer.from(photo))).toBe(true);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'org_id']).where('entity', '=', 'file').where('entity_id', '=', String(res.body.id)).execute();
    expect(audit).toEqual([{ action: 'file.upload', org_id: tree.grid.id }]);
  });

  it('keeps a PDF without a thumbnail and serves it as a download', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await grid.post('/api/files', form('会议记录.pdf', pdf, tree.grid.id, 'application/pdf'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mime: 'application/pdf', hasThumbnail: false, width: null });
    expect((await download(gridToken, `/api/files/${res.body.id}`)).headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await download(gridToken, `/api/files/${res.body.id}/thumbnail`)).status).toBe(404);
  });

  it('refuses a file by its bytes, not its name, a damaged photo and one over 10 MB, naming the file and storing nothing', async () => {
    const before = await fileCount();
    const text = await grid.post('/api/files', form('照片.jpg', new TextEncoder().encode('<script>alert(1)</script>'), tree.grid.id));
    expect([text.status, text.body.error.message]).toEqual([400, '「照片.jpg」不是可接受的文件类型（只接受 JPEG、PNG、WebP 图片和 PDF）']);
    const damaged = await grid.post('/api/files', form('坏照片.jpg', photo.slice(0, 600), tree.grid.id));
    expect([damaged.status, damaged.body.error.message]).toEqual([400, '「坏照片.jpg」无法作为JPEG 图片打开，文件可能已损坏']);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(photo.subarray(0, 3));
    const large = await grid.post('/api/files', form('大照片.jpg', big, tree.grid.id));
    expect([large.status, large.body.error.message]).toEqual([413, '「大照片.jpg」有 10.0 MB，超过 10 MB 的上限']);
    const empty = await grid.post('/api/files', form('空.jpg', new Uint8Array(0), tree.grid.id));
    expect([empty.status, empty.body.error.message]).toEqual([400, '「空.jpg」是空文件']);
    expect(await fileCount()).toBe(before);
  });
});

describe('who may upload and read', () => {
  it('refuses an upload for an organization outside the subtree, and answers 404 for a file outside it', async () => {
    const other = client(t.app, await createToken(t.db, 'org_user', tree.grid2.id));
    expect((await other.post('/api/files', form('a.jpg', photo, tree.grid.id))).status).toBe(403);
    const id = (await grid.post('/api/files', form('b.jpg', photo, tree.grid.id))).body.id;
    const grid2Token = await createToken(t.db, 'org_user', tree.grid2.id);
    expect((await download(grid2Token, `/api/files/${id}`)).status).toBe(404);
    expect((await download(grid2Token, `/api/files/${id}/thumbnail`)).status).toBe(404);
    expect((await download(await createToken(t.db, 'admin', tree.street.id), `/api/files/${id}`)).status).toBe(200);
    expect((await download(await createToken(t.db, 'leader', tree.district.id), `/api/files/${id}/thumbnail`)).status).toBe(200);
    expect((await t.app.request(`/api/files/${id}`)).status).toBe(401);
  });
});

describe('evidence of a ledger record', () => {
  it('attaches uploaded files of the record\'s organization and refuses another organization\'s file by its field', async () => {
    const mine = (await grid.post('/api/files', form('合影.jpg', photo, tree.grid.id))).body;
    const res = await grid.post('/api/ledger', { orgId: tree.grid.id, kind: 'theme_day', occurredOn: `${year}-06-18`, title: '主题党日', participants: 9, evidence: [{ fileId: mine.id }, { name: '纸质签到表', ref: '档案盒 3' }] });
    expect(res.status).toBe(201);
    expect(res.body.evidence).toEqual([{ name: '合影.jpg', fileId: mine.id, mime: 'image/jpeg', size: photo.length }, { name: '纸质签到表', ref: '档案盒 3' }]);
    const community = client(t.app, await createToken(t.db, 'admin', tree.community.id));
    const theirs = (await community.post('/api/files', form('c.jpg', photo, tree.grid2.id))).body;
    const bad = await grid.post('/api/ledger', { orgId: tree.grid.id, kind: 'theme_day', occurredOn: `${year}-06-19`, title: '主题党日', participants: 9, evidence: [{ fileId: mine.id }, { fileId: theirs.id }] });
    expect([bad.status, bad.body.error.message]).toEqual([400, `evidence.1.fileId：文件 ${theirs.id} 不存在或不属于该组织`]);
  });
});

describe('the directory backend', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xp-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the bytes in the directory under their SHA-256 and none in the database', async () => {
    const d = await setupTestApp({ files: { store: directoryBlobs(dir), images: sharpImages } });
    const tr = await createTree(d.db, '目录');
    const token = await createToken(d.db, 'org_user', tr.grid.id);
    const res = await client(d.app, token).post('/api/files', form('照片.jpg', photo, tr.grid.id));
    expect(res.status).toBe(201);
    const row = await d.db.selectFrom('files').select(['stored_in', 'content', 'sha256']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect([row.stored_in, row.content]).toEqual(['directory', null]);
    expect(readdirSync(join(dir, row.sha256.slice(0, 2)))).toEqual([row.sha256]);
    const back = await d.app.request(`/api/files/${res.body.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.from(photo))).toBe(true);
  });
});
