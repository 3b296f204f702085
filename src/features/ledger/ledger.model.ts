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

export function kindChoices(kinds: readonly KindRow[]): string {
  return kinds.map((k) => k.name).join('、');
}
