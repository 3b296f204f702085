import type { OrgKind } from '../db/database';
import { defaultCategory, type Category } from '../domain/catalog';
import { agreementContents, bureaus, cnNumber, firmName, institutions, personName, placeName, socialOrgName } from './names';
import { Rng } from './random';

/** How diligently an organization keeps its ledger in a year: it drives every count the generator draws. */
export type Diligence = 'high' | 'mid' | 'low';

export type PlannedOrg = {
  code: string;
  parentCode: string | null;
  name: string;
  kind: OrgKind;
  category: Category | null;
  secretary: string;
  activeFrom: string;
  memberCount: number;
};

export type PlannedMember = {
  orgCode: string;
  name: string;
  employerName: string | null;
  employerCode: string | null;
  residenceCode: string | null;
  inService: boolean;
  /** In-service members who never report to their community (a real pattern the rules must catch). */
  neverReports: boolean;
};

export type PlannedAgreement = { communityCode: string; unitCode: string; year: number; content: string; signedOn: string };

export type DemoPlan = {
  orgs: PlannedOrg[];
  members: PlannedMember[];
  /** Co-building partner units per community code. */
  partners: Map<string, string[]>;
};

const STREETS = 6;
const COMMUNITIES_PER_STREET = [5, 5, 4, 5, 4, 4]; // 27
const GRIDS = 145;
const BUILDINGS = 135;
const UNITS = { agency: 70, institution: 90, enterprise: 100, social_org: 50 } as const; // 310

/**
 * The demo district's organizations and members, modeled on the district in DOMAIN.md: 6 zones (streets),
 * 27 communities, 145 grid branches, 130+ courtyard groups, 310 units on the sector line, about 10,000
 * members. `scale` multiplies all of it. Pure and deterministic for a given seed.
 */
export function planDistrict(seed: string, scale: number): DemoPlan {
  const rng = new Rng(`${seed}/structure`);
  const orgs: PlannedOrg[] = [];
  const members: PlannedMember[] = [];
  const add = (o: Omit<PlannedOrg, 'secretary' | 'category' | 'memberCount'> & { memberCount?: number }) => {
    const org: PlannedOrg = { secretary: personName(rng), category: defaultCategory[o.kind], memberCount: 0, ...o };
    orgs.push(org);
    return org;
  };
  const addMembers = (org: PlannedOrg, n: number, extra: (r: Rng) => Omit<PlannedMember, 'orgCode' | 'name'>) => {
    for (let i = 0; i < n; i++) members.push({ orgCode: org.code, name: personName(rng), ...extra(rng) });
    org.memberCount += n;
  };

  const district = add({ code: 'XC', parentCode: null, name: '中共星城区委员会', kind: 'district', activeFrom: '1990-01-01' });
  const communities: PlannedOrg[] = [];
  let placeIndex = 0;
  for (let s = 0; s < STREETS * scale; s++) {
    const street = add({
      code: `XC-${pad(s + 1, 2)}`,
      parentCode: district.code,
      name: `中共星城区${placeName(placeIndex++)}街道工作委员会`,
      kind: 'street',
      activeFrom: '2000-01-01',
    });
    const count = COMMUNITIES_PER_STREET[s % STREETS]!;
    for (let c = 0; c < count; c++) {
      const word = placeName(placeIndex++);
      const community = add({
        code: `${street.code}-${pad(c + 1, 2)}`,
        parentCode: street.code,
        name: `${word}社区${rng.chance(0.6) ? '党委' : '党总支'}`,
        kind: 'community',
        activeFrom: `20${pad(rng.int(2, 15), 2)}-0${rng.int(1, 9)}-01`,
      });
      communities.push(community);
      // The community committee's own members (社区两委 staff).
      addMembers(community, rng.int(6, 14), () => ({ employerName: null, employerCode: null, residenceCode: community.code, inService: false, neverReports: false }));
    }
  }

  // 145 grids per 27 communities: five each, the ten left over spread at random.
  const gridsPer = communities.map(() => 5);
  for (let i = 0; i < GRIDS * scale - 5 * communities.length; i++) gridsPer[rng.int(0, communities.length - 1)]! += 1;
  const grids: PlannedOrg[] = [];
  communities.forEach((community, ci) => {
    const short = community.name.replace(/(党委|党总支)$/, '');
    for (let g = 0; g < gridsPer[ci]!; g++) {
      const grid = add({
        code: `${community.code}-${pad(g + 1, 2)}`,
        parentCode: community.code,
        name: `${short}第${cnNumber(g + 1)}网格党支部`,
        kind: 'grid',
        activeFrom: community.activeFrom,
      });
      grids.push(grid);
      addMembers(grid, rng.int(30, 72), () => ({ employerName: null, employerCode: null, residenceCode: community.code, inService: false, neverReports: false }));
    }
  });
  const buildingsPerGrid = new Map<string, number>();
  for (let b = 0; b < BUILDINGS * scale; b++) {
    const grid = grids[rng.int(0, grids.length - 1)]!;
    const n = (buildingsPerGrid.get(grid.code) ?? 0) + 1;
    buildingsPerGrid.set(grid.code, n);
    add({
      code: `${grid.code}-${pad(n, 2)}`,
      parentCode: grid.code,
      name: `${grid.name.replace(/党支部$/, '')}${rng.int(1, 30)}栋楼院党小组`,
      kind: 'building',
      activeFrom: grid.activeFrom,
    });
  }

  const sectors = [
    add({ code: 'XC-S1', parentCode: district.code, name: '中共星城区直属机关工作委员会', kind: 'sector', activeFrom: '1995-01-01' }),
    add({ code: 'XC-S2', parentCode: district.code, name: '星城区驻区单位党建联盟', kind: 'sector', activeFrom: '2012-01-01' }),
    add({ code: 'XC-S3', parentCode: district.code, name: '中共星城区非公有制经济组织和社会组织综合委员会', kind: 'sector', activeFrom: '2010-01-01' }),
  ];
  // Names repeat at larger scales (there are only so many bureaus): later copies get a number.
  const usedNames = new Map<string, number>();
  const unique = (make: () => string) => {
    for (let i = 0; i < 20; i++) {
      const name = make();
      if (!usedNames.has(name)) {
        usedNames.set(name, 1);
        return name;
      }
    }
    const base = make();
    const n = (usedNames.get(base) ?? 0) + 1;
    usedNames.set(base, n);
    return `${base}（${n}）`;
  };
  const units: PlannedOrg[] = [];
  const unitSpecs: [keyof typeof UNITS, PlannedOrg, OrgKind, () => string][] = [
    ['agency', sectors[0]!, 'unit', () => `星城区${rng.pick(bureaus)}`],
    ['institution', sectors[1]!, 'unit', () => rng.pick(institutions)],
    ['enterprise', sectors[2]!, 'enterprise', () => `星城${firmName(rng)}`],
    ['social_org', sectors[2]!, 'social_org', () => socialOrgName(rng)],
  ];
  const unitsPerSector = new Map<string, number>();
  for (const [category, sector, kind, make] of unitSpecs) {
    for (let i = 0; i < UNITS[category] * scale; i++) {
      const employer = unique(make);
      const n = (unitsPerSector.get(sector.code) ?? 0) + 1;
      unitsPerSector.set(sector.code, n);
      const unit = add({
        code: `${sector.code}-${pad(n, 4)}`,
        parentCode: sector.code,
        name: `${employer}${rng.chance(0.2) ? '党总支' : '党支部'}`,
        kind,
        activeFrom: `20${pad(rng.int(0, 18), 2)}-0${rng.int(1, 9)}-01`,
      });
      unit.category = category;
      units.push(unit);
      addMembers(unit, rng.int(3, 14), (r) => {
        const resident = r.chance(0.75);
        return {
          employerName: employer,
          employerCode: unit.code,
          residenceCode: resident ? communities[r.int(0, communities.length - 1)]!.code : null,
          inService: resident,
          neverReports: resident && r.chance(0.08),
        };
      });
    }
  }

  // Each unit pairs with one community, a tenth with a second: about 340 pairs for 310 units.
  const partners = new Map<string, string[]>(communities.map((c) => [c.code, []]));
  for (const unit of units) {
    const first = communities[rng.int(0, communities.length - 1)]!;
    partners.get(first.code)!.push(unit.code);
    if (rng.chance(0.1)) {
      const second = communities[rng.int(0, communities.length - 1)]!;
      if (second !== first) partners.get(second.code)!.push(unit.code);
    }
  }
  return { orgs, members, partners };
}

/** How diligent an organization is in a year: a stable base that drifts a step now and then. */
export function diligenceOf(seed: string, code: string, year: number): Diligence {
  const base = new Rng(`${seed}/diligence/${code}`).weighted<Diligence>([['high', 20], ['mid', 60], ['low', 20]]);
  const drift = new Rng(`${seed}/drift/${code}/${year}`).weighted([[-1, 15], [0, 70], [1, 15]] as const);
  const ladder: Diligence[] = ['low', 'mid', 'high'];
  return ladder[Math.max(0, Math.min(2, ladder.indexOf(base) + drift))]!;
}

/** One agreement per partner pair and year, signed in the first quarter (never after `today`). */
export function planAgreements(seed: string, plan: DemoPlan, years: readonly number[], today: string): PlannedAgreement[] {
  const out: PlannedAgreement[] = [];
  for (const [communityCode, unitCodes] of plan.partners) {
    for (const unitCode of unitCodes) {
      const rng = new Rng(`${seed}/agreement/${communityCode}/${unitCode}`);
      for (const year of years) {
        out.push({
          communityCode,
          unitCode,
          year,
          content: rng.pick(agreementContents),
          signedOn: minDate(`${year}-0${rng.int(1, 3)}-${pad(rng.int(1, 28), 2)}`, today),
        });
      }
    }
  }
  return out;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
