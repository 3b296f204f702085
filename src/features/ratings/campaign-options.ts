import { requireRole } from '../../auth/scope';
import type { Ctx } from '../context';
import { defaultAnswers, type CampaignOptions } from './ratings.schemas';

/** Items a campaign usually asks about; `overall` is the one the shipped rule sets read (rules/community.json). */
export const suggestedItems = [
  { key: 'overall', label: '总体评价' },
  { key: 'service', label: '服务群众' },
  { key: 'efficiency', label: '办事效率' },
  { key: 'members', label: '党员作用' },
] as const;

/** Items a campaign rating finished co-building projects usually asks about. */
export const suggestedProjectItems = [
  { key: 'overall', label: '总体评价' },
  { key: 'outcome', label: '项目成效' },
  { key: 'benefit', label: '群众受益' },
  { key: 'timeliness', label: '推进及时' },
] as const;

export const suggestedRaterGroups = ['居民', '党员', '驻区单位代表', '网格员'] as const;

/** True when the address printed in QR codes is this machine only: a phone that scans it reaches itself, not the server. */
export function isLocalAddress(publicUrl: string): boolean {
  let host: string;
  try {
    host = new URL(publicUrl).hostname.toLowerCase();
  } catch {
    return true;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || host === '0.0.0.0' || /^127\./.test(host);
}

/**
 * What the console needs to set up a campaign: the suggested items, scale and rater groups (Chinese labels;
 * the page never asks for identifiers), and the public address the ballot cards' QR codes point to, with
 * whether that address is local (the page then warns before it prints).
 */
export function campaignOptions({ ctx, publicUrl }: { ctx: Ctx; publicUrl: string }): CampaignOptions {
  requireRole(ctx, ['admin']);
  const base = publicUrl.replace(/\/+$/, '');
  return {
    publicUrl: base,
    publicUrlIsLocal: isLocalAddress(base),
    answers: [...defaultAnswers],
    items: suggestedItems.map((i) => ({ ...i })),
    projectItems: suggestedProjectItems.map((i) => ({ ...i })),
    raterGroups: [...suggestedRaterGroups],
  };
}
