import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkinsFor, ledgerFor } from '../../src/demo/activity';
import { diligenceOf, planDistrict } from '../../src/demo/plan';

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function everything(seed: string) {
  const plan = planDistrict(seed, 1);
  const ledger = plan.orgs.flatMap((o) => ledgerFor(seed, o, 2025, '2026-11-22'));
  const checkins = plan.members.flatMap((m, i) => checkinsFor(seed, m, i, 2025, '2026-11-22'));
  return { orgs: plan.orgs, members: plan.members, partners: [...plan.partners], ledger, checkins };
}

describe('demo generator', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(digest(everything('xingping'))).toBe(digest(everything('xingping')));
    expect(digest(everything('xingping'))).not.toBe(digest(everything('other')));
  });

  it('gives each organization the same ledger whatever order it is visited in', () => {
    // Generated front to back and back to front: a stream shared across organizations would hand each one
    // different draws in the two orders, so their ledgers would differ.
    const grids = planDistrict('xingping', 1).orgs.filter((o) => o.kind === 'grid');
    expect(grids.length).toBeGreaterThan(20);
    const forward = new Map(grids.map((g) => [g.code, ledgerFor('xingping', g, 2025, '2026-11-22')]));
    const backward = new Map([...grids].reverse().map((g) => [g.code, ledgerFor('xingping', g, 2025, '2026-11-22')]));
    for (const g of grids) expect(backward.get(g.code), g.code).toEqual(forward.get(g.code));
    expect(forward.get(grids[0]!.code)).not.toEqual(forward.get(grids[1]!.code));
  });

  it('draws about a fifth diligent, three fifths average and a fifth lagging', () => {
    const plan = planDistrict('xingping', 1);
    const counts = { high: 0, mid: 0, low: 0 };
    for (const o of plan.orgs) counts[diligenceOf('xingping', o.code, 2025)] += 1;
    const n = plan.orgs.length;
    expect(counts.mid / n).toBeGreaterThan(0.45);
    expect(counts.high / n).toBeGreaterThan(0.1);
    expect(counts.low / n).toBeGreaterThan(0.1);
  });

  it('scales ten times', () => {
    const plan = planDistrict('xingping', 10);
    expect(plan.orgs.filter((o) => o.kind === 'community')).toHaveLength(270);
    expect(plan.orgs.filter((o) => o.kind === 'grid')).toHaveLength(1450);
    expect(new Set(plan.orgs.map((o) => o.code)).size).toBe(plan.orgs.length);
    expect(new Set(plan.orgs.filter((o) => o.kind === 'community').map((o) => o.name)).size).toBe(270);
  });
});
