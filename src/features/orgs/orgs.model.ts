import { orgKindLabel } from '../../domain/catalog';
import type { Org } from './orgs.schemas';

export type OrgRow = {
  id: number;
  code: string;
  name: string;
  kind: Org['kind'];
  category: string | null;
  /** The category's name in the catalog, read with the row. */
  category_label: string | null;
  parent_id: number | null;
  path: string;
  depth: number;
  secretary_name: string | null;
  member_count: number;
  active_from: string;
  active_to: string | null;
};

/** The API's view of an organization row. */
export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    kindLabel: orgKindLabel[row.kind],
    category: row.category,
    categoryLabel: row.category === null ? null : (row.category_label ?? row.category),
    parentId: row.parent_id,
    depth: row.depth,
    secretaryName: row.secretary_name,
    memberCount: row.member_count,
    activeFrom: row.active_from,
    activeTo: row.active_to,
  };
}
