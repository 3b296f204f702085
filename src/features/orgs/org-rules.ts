import type { OrgKind } from '../../db/database';
import { allowedParentKinds, orgKindLabel } from '../../domain/catalog';
import { invalidField } from '../../errors/app-error';

/** Refuses a parent of the wrong kind, naming `field` ("网格党支部的上级必须是社区党组织"). */
export function assertParentKind(kind: OrgKind, parentKind: OrgKind | null, field: string): void {
  const allowed = allowedParentKinds[kind];
  if (parentKind === null) {
    if (allowed.length > 0) throw invalidField(field, `${orgKindLabel[kind]}必须有上级组织`);
    return;
  }
  if (!allowed.includes(parentKind)) {
    const names = allowed.map((k) => orgKindLabel[k]).join('、') || '（无，只能是最高一级）';
    throw invalidField(field, `${orgKindLabel[kind]}的上级必须是：${names}；而所选上级是${orgKindLabel[parentKind]}`);
  }
}

export function assertActiveRange(from: string, to: string | null, field: string): void {
  if (to !== null && to < from) throw invalidField(field, `撤销日期 ${to} 早于成立日期 ${from}`);
}
