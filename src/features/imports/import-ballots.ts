import { withTransaction } from '../../db/transaction';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { campaignForManage } from '../ratings/campaigns.service';
import { insertPaperBallots, listTargetCodes } from '../ratings/ratings.repository';
import { importRefused, mapColumns, RowReader, type ColumnDef } from './sheet-reader';
import type { Spreadsheet } from './spreadsheet';

/**
 * Imports paper ballots of an open campaign from an .xlsx or .csv: one row per ballot, the target's
 * organization code, the rater group, and one column per item (headed by the item's name or key).
 * Every row is checked before anything is written; one bad row and nothing is, and the answer names
 * every bad row, column and value. One audit row for the file (per-ballot rows would date each ballot).
 */
export async function importPaperBallots({
  ctx,
  id,
  spreadsheet,
  file,
}: {
  ctx: Ctx;
  id: number;
  spreadsheet: Spreadsheet;
  file: { name: string; bytes: Uint8Array };
}): Promise<{ imported: number; campaignId: number }> {
  const campaign = await campaignForManage(ctx, id);
  const sheet = await spreadsheet.read(file.bytes, file.name);
  const columns: ColumnDef[] = [
    // A project campaign names its targets by project number (项目清单's 编号), an organization campaign by code.
    campaign.subject === 'project'
      ? { key: 'orgCode', header: '项目编号', aliases: ['评议项目编号', '评议对象编号'], required: true }
      : { key: 'orgCode', header: '评议对象编码', aliases: ['组织编码', '对象编码'], required: true },
    { key: 'group', header: '评议群体', aliases: ['身份', '评议身份'], required: true },
    ...campaign.items.map((i) => ({ key: `item:${i.key}`, header: i.label, aliases: [i.key], required: true })),
  ];
  const index = mapColumns(sheet, columns);
  const r = new RowReader(Object.fromEntries(columns.map((c) => [c.key, c.header])));
  const answers = new Set(campaign.answers.map((a) => a.key));

  return withTransaction(ctx, async (tx) => {
    if (campaign.state !== 'open') throw new AppError('conflict', `评议活动「${campaign.title}」不在评议中，不能导入纸质评议票`);
    await openCycleFor(tx, campaign.cycle_year, 'ballot', 'id');
    const targets = new Map((await listTargetCodes(tx.db, id)).map((t) => [t.project_id === null ? t.code : String(t.project_id), t]));
    const rows: { target_id: number; org_id: number; rater_group: string; answers: Record<string, string> }[] = [];
    for (const row of sheet.rows) {
      const before = r.errors.length;
      const code = r.text(row, 'orgCode', index.orgCode, { required: true, max: 40 });
      const group = r.text(row, 'group', index.group, { required: true, max: 20 });
      const target = code === null ? undefined : targets.get(code);
      if (code !== null && !target) r.add(row, 'orgCode', code, '不是本次评议的对象');
      if (group !== null && !campaign.rater_groups.includes(group)) r.add(row, 'group', group, `评议群体应为：${campaign.rater_groups.join('、')}`);
      const picked: Record<string, string> = {};
      for (const item of campaign.items) {
        const key = `item:${item.key}`;
        const answer = r.text(row, key, index[key], { required: true });
        if (answer === null) continue;
        if (!answers.has(answer)) r.add(row, key, answer, `答案应为：${[...answers].join('、')}`);
        else picked[item.key] = answer;
      }
      if (r.errors.length === before) rows.push({ target_id: target!.id, org_id: target!.org_id, rater_group: group!, answers: picked });
    }
    if (r.errors.length > 0) throw importRefused(r.errors, sheet.rows.length);
    await insertPaperBallots(tx.db, id, rows, tx.clock.now());
    await recordAudit(tx, { action: 'campaign.paper', entity: 'rating_campaign', entityId: id, orgId: campaign.org_id, after: { file: file.name, ballots: rows.length } });
    return { imported: rows.length, campaignId: id };
  });
}
