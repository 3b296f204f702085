import type { Schemas } from '../../api/client';

/** What a record counts, as the lists show it: its hours where its kind counts hours, else its participants. */
export const recordAmount = (r: Schemas['LedgerRecord']): string => (r.hours ? `${r.hours} 小时` : `${r.participants} 人`);
