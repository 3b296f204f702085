import type { Kysely } from 'kysely';
import { formatCode, hashCode, newCode, normalizeCode } from '../../auth/codes';
import { inScope, readers, requireRole } from '../../auth/scope';
import type { Database, FileMime } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { coBuildingUnitKinds, orgKindLabel } from '../../domain/catalog';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { todayInChina, type Clock } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import type { Actor, Ctx } from '../context';
import { findFiles } from '../files/files.repository';
import { orgForWrite } from '../orgs/org-access';
import { findOrgById } from '../orgs/orgs.repository';
import { eventDate } from './event-date';
import { agreedCommunities, agreementExists, agreementUnder } from './lists.repository';
import { cobuildingEvidence } from './evidence';
import { assertWishMove, wishStateLabel } from './wish-moves';
import { ClaimWishInput, CreateWishInput, FulfilWishInput, WishQuery, type Wish } from './wishes.schemas';
import { findWishByCode, findWishRow, insertWishRow, listWishRows, updateWishRow, type WishRow } from './wishes.repository';

/** 微心愿: collected with consent, claimed on a member's behalf, fulfilled with evidence, confirmed by the resident. */

const claimerSide = (ctx: Ctx, w: WishRow) => w.claimer_path !== null && inScope(ctx.actor, w.claimer_path);
const collectingSide = (ctx: Ctx, w: WishRow) => inScope(ctx.actor, w.org_path);

/** Who is looking: its own organization, when it may claim (a co-building unit), and the communities it has agreements with. */
type Viewer = { orgId: number | null; unit: boolean; communities: ReadonlySet<number> };

async function viewerOf(ctx: Ctx): Promise<Viewer> {
  const own = ctx.actor.orgId === null ? undefined : await findOrgById(ctx.db, ctx.actor.orgId);
  if (!own) return { orgId: null, unit: false, communities: new Set() };
  const unit = coBuildingUnitKinds.includes(own.kind);
  return { orgId: own.id, unit, communities: unit ? await agreedCommunities(ctx.db, own.id) : new Set() };
}

async function toWish(ctx: Ctx, w: WishRow, viewer?: Viewer): Promise<Wish> {
  const [files, who] = await Promise.all([findFiles(ctx.db, w.fulfil_file_ids), viewer ?? viewerOf(ctx)]);
  // The resident's contact and the claimer's moves are for the claiming organization itself, not for its superiors.
  const mine = w.claimer_id !== null && who.orgId === w.claimer_id;
  const writer = ctx.actor.role === 'admin' || ctx.actor.role === 'org_user';
  const mayClaim = writer && (who.orgId === w.community_id || (who.unit && who.communities.has(w.community_id)));
  const actions: Wish['actions'] = [];
  if (w.state === 'open' && mayClaim) actions.push('claim');
  if (w.state === 'claimed' && mine && writer) actions.push('fulfil');
  if (w.state === 'fulfilled' && collectingSide(ctx, w) && writer) actions.push('issueCode');
  if ((mine || collectingSide(ctx, w)) && w.resident_contact !== null && writer) actions.push('deleteContact');
  return {
    id: w.id,
    org: { id: w.org_id, name: w.org_name },
    wish: w.wish,
    residentAlias: w.resident_alias,
    // The resident's contact: the claimer's only, once it has claimed.
    residentContact: mine ? w.resident_contact : null,
    contactDeleted: w.contact_deleted_on !== null,
    consentOn: w.consent_on,
    raisedOn: w.raised_on,
    state: w.state,
    stateLabel: wishStateLabel[w.state],
    claimer: w.claimer_id === null ? null : { id: w.claimer_id, name: w.claimer_name! },
    claimerMember: w.claimer_member,
    claimedOn: w.claimed_on,
    fulfilledOn: w.fulfilled_on,
    fulfilText: w.fulfil_text,
    evidence: files.map((f) => ({ name: f.name, fileId: f.id, mime: f.mime as FileMime, size: f.size })),
    confirmedOn: w.confirmed_on,
    actions,
  };
}

/** The audit keeps a wish without the resident's contact (it is personal data, deleted on request). */
const auditView = ({ residentContact: _c, actions: _a, ...rest }: Wish) => rest;

export async function createWish({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Wish> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = CreateWishInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    if (org.kind !== 'community' && org.kind !== 'grid') throw invalidField('orgId', `微心愿由社区或网格收集，「${org.name}」是${orgKindLabel[org.kind]}`);
    const raisedOn = await eventDate(tx, data.raisedOn, 'raisedOn');
    if (data.consentOn > raisedOn) throw invalidField('consentOn', `居民同意公开的日期不能晚于收集日期 ${raisedOn}`);
    const id = await insertWishRow(tx.db, { org_id: org.id, wish: data.wish, resident_alias: data.residentAlias, resident_contact: data.residentContact || null, consent_on: data.consentOn, raised_on: raisedOn, created_by: ctx.actor.id });
    const wish = await toWish(tx, (await findWishRow(tx.db, id))!);
    await recordAudit(tx, { action: 'cobuilding.wish.create', entity: 'cb_wish', entityId: id, orgId: org.id, after: { ...auditView(wish), contactGiven: data.residentContact ? true : false } });
    return wish;
  });
}

export async function listWishes({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Wish[]; total: number }> {
  requireRole(ctx, readers);
  const q = WishQuery.parse(input);
  const { rows, total } = await listWishRows(ctx.db, { prefix: ctx.actor.orgPath, state: q.state, limit: q.limit, offset: q.offset });
  const viewer = await viewerOf(ctx);
  return { items: await Promise.all(rows.map((w) => toWish(ctx, w, viewer))), total };
}

/** A wish the caller may see on its wall; anything else is answered as missing. */
async function visibleWish(ctx: Ctx, id: number): Promise<WishRow> {
  const w = await findWishRow(ctx.db, id, true);
  if (w && (collectingSide(ctx, w) || claimerSide(ctx, w) || (await agreementUnder(ctx.db, w.community_id, ctx.actor.orgPath)))) return w;
  throw notFound('微心愿', 'id');
}

/** 认领: a unit with an agreement with the wish's community, or that community itself, on behalf of one of its members. */
export async function claimWish({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Wish> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = ClaimWishInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const claimer = await orgForWrite(tx, data.claimerId, 'claimerId');
    const before = await visibleWish(tx, id);
    const unit = coBuildingUnitKinds.includes(claimer.kind);
    const allowed = claimer.id === before.community_id || (unit && (await agreementExists(tx.db, before.community_id, claimer.id)));
    if (!allowed) throw invalidField('claimerId', unit ? `「${claimer.name}」与心愿所在社区没有共建协议，不能认领` : `微心愿由心愿所在社区或与其签有共建协议的单位认领，「${claimer.name}」是${orgKindLabel[claimer.kind]}`);
    assertWishMove('claim', before.state);
    const on = await eventDate(tx, data.on, 'on');
    if (on < before.raised_on) throw invalidField('on', `认领日期不能早于收集日期 ${before.raised_on}`);
    await updateWishRow(tx.db, id, { state: 'claimed', claimer_id: claimer.id, claimer_member: data.member || null, claimed_on: on });
    return audited(tx, id, 'claim', before, claimer.id);
  });
}

async function audited(ctx: Ctx, id: number, move: string, before: WishRow, orgId: number): Promise<Wish> {
  const wish = await toWish(ctx, (await findWishRow(ctx.db, id))!);
  await recordAudit(ctx, { action: `cobuilding.wish.${move}`, entity: 'cb_wish', entityId: id, orgId, before: auditView(await toWish(ctx, before)), after: auditView(wish) });
  return wish;
}

/**
 * 登记实现: the claimer says what was done, with evidence of its own organization; the answer carries, once, the code
 * the resident confirms with (on paper or read out), as a ballot code is given.
 */
export async function fulfilWish({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Wish> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = FulfilWishInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const before = await visibleWish(tx, id);
    assertWishMove('fulfil', before.state);
    if (!claimerSide(ctx, before)) throw new AppError('forbidden', `只有认领方「${before.claimer_name}」可以登记实现`, { field: 'id' });
    const on = await eventDate(tx, data.on, 'on');
    if (on < before.claimed_on!) throw invalidField('on', `不能早于认领日期 ${before.claimed_on}`);
    for (const [i, f] of data.fileIds.entries()) await cobuildingEvidence(tx, before.claimer_id!, f, `fileIds.${i}`);
    await updateWishRow(tx.db, id, { state: 'fulfilled', fulfilled_on: on, fulfil_text: data.text, fulfil_file_ids: data.fileIds });
    return audited(tx, id, 'fulfil', before, before.claimer_id!);
  });
}

/**
 * The resident's confirmation code, issued by the side that collected the wish (never by the claimer, whose points
 * the confirmation counts for): once the wish is fulfilled, shown once; issuing again replaces a lost code.
 */
export async function issueWishCode({ ctx, id, publicUrl }: { ctx: Ctx; id: number; publicUrl: string }): Promise<Wish & { confirmCode: string; confirmUrl: string }> {
  requireRole(ctx, ['admin', 'org_user']);
  return withTransaction(ctx, async (tx) => {
    const before = await visibleWish(tx, id);
    if (!collectingSide(ctx, before)) throw new AppError('forbidden', `只有收集心愿的「${before.org_name}」可以生成居民确认码`, { field: 'id' });
    assertWishMove('confirm', before.state);
    const code = newCode();
    await updateWishRow(tx.db, id, { confirm_code_hash: await hashCode(code) });
    const wish = await toWish(tx, (await findWishRow(tx.db, id))!);
    await recordAudit(tx, { action: 'cobuilding.wish.issueCode', entity: 'cb_wish', entityId: id, orgId: before.org_id, before: { codeIssued: before.confirm_code_hash !== null }, after: { codeIssued: true } });
    return { ...wish, confirmCode: formatCode(code), confirmUrl: `${publicUrl.replace(/\/$/, '')}/w/${code}` };
  });
}

/** Deletes the resident's contact on request (the collecting side or the claimer); the audit says it was deleted, not what it was. */
export async function deleteWishContact({ ctx, id }: { ctx: Ctx; id: number }): Promise<Wish> {
  requireRole(ctx, ['admin', 'org_user']);
  return withTransaction(ctx, async (tx) => {
    const before = await visibleWish(tx, id);
    if (!collectingSide(ctx, before) && !claimerSide(ctx, before)) throw new AppError('forbidden', '只有收集心愿的社区、网格或认领方可以删除居民联系方式', { field: 'id' });
    if (before.resident_contact === null) throw new AppError('conflict', before.contact_deleted_on ? `居民联系方式已于 ${before.contact_deleted_on} 删除` : '这个心愿没有登记居民联系方式', { field: 'id' });
    const today = todayInChina(tx.clock);
    await updateWishRow(tx.db, id, { resident_contact: null, contact_deleted_on: today });
    const wish = await toWish(tx, (await findWishRow(tx.db, id))!);
    await recordAudit(tx, { action: 'cobuilding.wish.deleteContact', entity: 'cb_wish', entityId: id, orgId: before.org_id, before: { contactGiven: true }, after: { contactGiven: false, contactDeletedOn: today } });
    return wish;
  });
}

/** What the resident's page shows for a code: the wish and what was done, or why the code does not work. */
export type WishCodeView = { state: 'ok'; wish: string; alias: string; claimer: string; text: string; on: string } | { state: 'unknown' } | { state: 'done' };

const claimerText = (w: WishRow) => (w.claimer_member ? `${w.claimer_name}（${w.claimer_member}）` : w.claimer_name!);

const residentActor: Actor = { id: 'code', userId: null, name: '居民（确认码）', role: 'reviewer', orgId: null, orgPath: '/-/' };

export async function describeWishCode({ db, code }: { db: Kysely<Database>; code: string }): Promise<WishCodeView> {
  const normalized = normalizeCode(code);
  const w = normalized ? await findWishByCode(db, await hashCode(normalized)) : undefined;
  if (!w) return { state: 'unknown' };
  if (w.state !== 'fulfilled') return { state: 'done' };
  return { state: 'ok', wish: w.wish, alias: w.resident_alias, claimer: claimerText(w), text: w.fulfil_text ?? '', on: w.fulfilled_on! };
}

/** The resident confirms that the wish came true: once, with the code given to them; audited as the code's holder. */
export async function confirmWish({ db, clock, requestId, code }: { db: Kysely<Database>; clock: Clock; requestId: string | null; code: string }): Promise<WishCodeView> {
  const ctx: Ctx = { actor: residentActor, db, clock, requestId };
  return withTransaction(ctx, async (tx) => {
    const normalized = normalizeCode(code);
    const before = normalized ? await findWishByCode(tx.db, await hashCode(normalized), true) : undefined;
    if (!before) return { state: 'unknown' } as const;
    if (before.state !== 'fulfilled') return { state: 'done' } as const;
    const today = todayInChina(tx.clock);
    await updateWishRow(tx.db, before.id, { state: 'confirmed', confirmed_on: today });
    await recordAudit(tx, { action: 'cobuilding.wish.confirm', entity: 'cb_wish', entityId: before.id, orgId: before.org_id, before: { state: before.state }, after: { state: 'confirmed', confirmedOn: today } });
    return { state: 'ok', wish: before.wish, alias: before.resident_alias, claimer: claimerText(before), text: before.fulfil_text ?? '', on: before.fulfilled_on! };
  });
}
