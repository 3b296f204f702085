import { recordStatusLabel } from '../../domain/catalog';
import type { LedgerRecord } from './ledger.schemas';
import type { LedgerRow } from './ledger.repository';
import type { listRecordKinds } from './ledger.repository';

export type KindRow = Awaited<ReturnType<typeof listRecordKinds>>[number];

export function toLedgerRecord(row: LedgerRow): LedgerRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    cycleYear: row.cycle_year,
    kind: row.kind,
    kindName: row.kind_name,
    occurredOn: row.occurred_on,
    title: row.title,
    participants: row.participants,
    memberIds: row.member_ids.map(Number),
    hours: row.hours,
    evidence: row.evidence,
    status: row.status,
    statusLabel: recordStatusLabel[row.status],
    source: row.source,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at ? row.reviewed_at.toISOString() : null,
    reviewReason: row.review_reason,
  };
}

/** A record kind by its code ('theme_day') or its Chinese name ('主题党日'). */
export function resolveKind(kinds: readonly KindRow[], text: string): KindRow | undefined {
  const t = text.trim();
  return kinds.find((k) => k.code === t || k.name === t);
}

/** The kinds offered for new records: every kind not retired. */
export function activeKinds(kinds: readonly KindRow[]): KindRow[] {
  return kinds.filter((k) => k.retired_at === null);
}

/** '主题党日、志愿服务…': the kinds a new record may have (retired ones are not offered). */
export function kindChoices(kinds: readonly KindRow[]): string {
  return activeKinds(kinds)
    .map((k) => k.name)
    .join('、');
}

/** Why a record may not have this kind (unknown or retired), or null: the message lists the kinds it may have. */
export function kindProblem(kind: KindRow | undefined, text: string, kinds: readonly KindRow[]): string | null {
  if (!kind) return `未知的记录类型「${text}」，可选：${kindChoices(kinds)}`;
  if (kind.retired_at !== null) return `记录类型「${kind.name}」已停用，不再接受新的记录，可选：${kindChoices(kinds)}`;
  return null;
}
