import { invalidField } from '../../errors/app-error';
import type { Ctx } from '../context';
import { fileOf } from '../files/files.service';

/**
 * A file attached to a co-building entry (a project's ledger, a fulfilled wish): the writing side's own, uploaded as
 * co-building evidence. Only such files are shared with the other side, so a duty report or an appeal's evidence
 * never becomes readable through a project.
 */
export async function cobuildingEvidence(ctx: Ctx, orgId: number, fileId: number, field: string) {
  const f = await fileOf(ctx, orgId, fileId, field);
  if (f.purpose !== 'cobuilding_evidence') throw invalidField(field, `文件「${f.name}」不是共建佐证材料，请在此处重新上传`);
  return f;
}
