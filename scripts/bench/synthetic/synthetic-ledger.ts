import type { Hazard, HazardSource, ProgressEntry, RectificationMode } from '../../../src/schemas/hazard';
import type { HazardList, Revision } from '../../../src/schemas/hazard-list';
import { PROGRESS_SECTIONS, type ProgressRow, type ProgressTable } from '../../../src/schemas/progress-table';
import { SECTORS, type Sector } from '../../../src/schemas/sector';
import { addDays, thursdayOnOrAfter } from '../../../src/lib/ledger/feedback';
import { Ledger } from '../../../src/lib/ledger/ledger';
import { deriveOverallByVillage } from '../../../src/lib/statistics/progress-table';
import type { ReceiptEntry } from '../../../src/schemas/receipt';
import { Random } from './random';
import { DEPARTMENTS, SECTOR_TEXT, person, progressText, unitName, villageNames } from './synthetic-text';
import { syntheticSite, type SiteInput } from './synthetic-site';
import { syntheticLocation, syntheticVillageMap } from './synthetic-map';
import type { VillageMap } from '../../../src/schemas/village-map';

export interface SyntheticOptions {
  /** Hazards over the whole period. */
  hazards: number;
  months: number;
  villages: number;
  seed: number;
  /** First month, YYYY-MM; the campaign's table starts in June 2023. */
  start?: string;
}

export interface SyntheticContent {
  site: SiteInput;
  lists: HazardList[];
  tables: ProgressTable[];
  /** content/receipts.yaml: the tip line's public statuses. */
  receipts: ReceiptEntry[];
  /** content/map/villages.geojson: a boundary per village. */
  map: VillageMap;
}

/** Month `index` after `start`, as YYYY-MM. */
export function addMonths(start: string, index: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

/**
 * One hazard's life: the months it is listed in and the status it has in each.
 * Lifetimes are a few months, as in a real ledger: fixed at once or by a deadline,
 * signed off a month or two later, listed once more as 已销号, then dropped.
 */
interface Timeline {
  first: number;
  rectifiedIn: number | undefined;
  closedIn: number | undefined;
  mode: RectificationMode;
}

function timeline(random: Random, first: number): Timeline {
  const mode: RectificationMode = random.chance(0.3) ? '立即整改' : '限期整改';
  // A few deadline fixes drag on past the end of the period.
  if (mode === '限期整改' && random.chance(0.03)) return { first, rectifiedIn: undefined, closedIn: undefined, mode };
  const rectifiedIn =
    mode === '立即整改'
      ? first
      : first +
        random.weighted([
          [0, 2],
          [1, 5],
          [2, 3],
          [3, 1],
          [5, 0.5],
        ]);
  const closedIn = random.chance(0.02)
    ? undefined
    : rectifiedIn +
      random.weighted([
        [0, 1],
        [1, 5],
        [2, 2],
      ]);
  return { first, rectifiedIn, closedIn, mode };
}

const SOURCE_WEIGHTS: [HazardSource, number][] = [
  ['企业自查', 50],
  ['执法检查', 30],
  ['群众举报', 12],
  ['上级交办', 8],
];

interface Plan {
  hazard: Omit<Hazard, 'status' | 'progress'>;
  life: Timeline;
  months: string[];
}

/** The fixed facts of one hazard and its deadline-fix plan. */
function planHazard(random: Random, id: string, month: string, life: Timeline, villages: string[]): Plan['hazard'] {
  const sector = random.pick<Sector>(SECTORS);
  const [title, detail, measure] = random.pick(SECTOR_TEXT[sector].hazards);
  const village = random.pick(villages);
  const found = day(month, random.int(1, 22));
  const source = random.weighted(SOURCE_WEIGHTS);
  const unit = unitName(random, village, sector);
  const hazard: Plan['hazard'] = {
    id,
    title,
    unit,
    village,
    sector,
    source,
    found,
    description: `${unit}${detail}\n\n- 发现方式：${source}\n- 涉及人员：约 ${random.int(5, 300)} 人`,
    mode: life.mode,
    plan: {},
    assignedTo: random.weighted([
      [{ kind: '包村干部' as const, name: person(random) }, 3],
      [{ kind: '分管同志' as const, name: person(random) }, 2],
      [{ kind: '站所' as const, name: '示例镇应急管理站' }, 1],
    ]),
  };
  if (random.chance(0.06)) hazard.supervision = { by: random.pick(DEPARTMENTS), since: found };
  if (life.mode === '限期整改') {
    hazard.plan = {
      responsible: `单位负责人 ${person(random)}`,
      measures: `${measure}；整改期间落实专人值守和临时管控措施。`,
      funds: `企业自筹 ${random.int(1, 80)} 万元`,
      deadline: day(addMonths(month, random.int(1, 3)), random.int(1, 28)),
      emergencyPlan: '制定专项应急处置方案，配备应急器材，发现异常立即停止作业并疏散人员。',
    };
  }
  return hazard;
}

/** A written feedback every Thursday of the month from the day found (one on the cutoff if none fell since). */
function weeklyProgress(random: Random, hazard: Plan['hazard'], month: string, monthsOpen: number): ProgressEntry[] {
  const cutoff = day(month, 25);
  const entries: ProgressEntry[] = [];
  const from = hazard.found > day(month, 1) ? hazard.found : day(month, 1);
  for (let thursday = thursdayOnOrAfter(from); thursday <= cutoff; thursday = addDays(thursday, 7)) {
    entries.push({ date: thursday, text: progressText(random, monthsOpen) });
  }
  return entries.length ? entries : [{ date: cutoff, text: progressText(random, monthsOpen) }];
}

/** The hazard as listed in month `index`. */
function listed(random: Random, plan: Plan, index: number): Hazard {
  const { hazard, life, months } = plan;
  const rectified = life.rectifiedIn !== undefined && index >= life.rectifiedIn;
  const closed = life.closedIn !== undefined && index >= life.closedIn;
  const entry: Hazard = {
    ...hazard,
    status: closed ? '已销号' : rectified ? '已整改' : '整改中',
    progress: rectified ? [] : weeklyProgress(random, hazard, months[index]!, index - life.first),
  };
  if (rectified) {
    const rectifiedMonth = months[life.rectifiedIn!]!;
    const rectifiedDay = life.rectifiedIn === life.first ? Math.max(Number(hazard.found.slice(8)), 23) : 20;
    entry.rectified = day(rectifiedMonth, rectifiedDay);
    entry.result = '已按整改措施完成整改，经复查符合要求。';
  }
  if (closed) {
    entry.closure = { reviewer: `县政府分管领导 ${person(random)}`, date: day(months[life.closedIn!]!, 25) };
  }
  return entry;
}

/**
 * A deterministic synthetic ledger: `hazards` hazards over `months` months across
 * `villages` villages, every sector, source, mode and status, numbered in order of first
 * listing. Valid under the schemas and the cross-month rules, and its progress tables
 * agree with the ledger, so a build of it shows no warnings.
 */
export function syntheticLedger(options: SyntheticOptions): SyntheticContent {
  const { hazards, months: monthCount, seed } = options;
  const start = options.start ?? '2023-06';
  const random = new Random(seed);
  const villages = villageNames(options.villages);
  const months = Array.from({ length: monthCount }, (_, i) => addMonths(start, i));
  const width = Math.max(4, String(hazards).length);

  const plans: Plan[] = [];
  const receipts: ReceiptEntry[] = [];
  for (let i = 0; i < hazards; i++) {
    const first = Math.floor((i * monthCount) / hazards);
    const life = timeline(random, first);
    const id = `XS-${months[first]!.slice(0, 4)}-${String(i + 1).padStart(width, '0')}`;
    const hazard = planHazard(random, id, months[first]!, life, villages);
    // Half the public tips came in online: their receipt shows the hazard it became.
    if (hazard.source === '群众举报' && random.chance(0.5)) {
      const receipt = listedReceipt(random, hazard);
      hazard.tipKey = receipt.key;
      receipts.push(receipt, otherReceipt(random, months[first]!));
    }
    // Two hazards in three carry a location inside their village (the map's marks).
    if (i % 3 !== 2) hazard.location = syntheticLocation(villages.indexOf(hazard.village), villages.length, i);
    plans.push({ hazard, life, months });
  }

  const lists: HazardList[] = months.map((month, index) => {
    const revisions: Revision[] = [];
    const entries: Hazard[] = [];
    for (const plan of plans) {
      const { first, closedIn } = plan.life;
      if (first > index || (closedIn !== undefined && closedIn < index)) continue;
      // Now and then a clerk corrects a unit's name, with a revision note naming the hazard.
      if (index > first && random.chance(0.002)) {
        plan.hazard = { ...plan.hazard, unit: `${plan.hazard.unit.replace('（示例）', '')}分公司（示例）` };
        revisions.push({ date: day(month, 26), reason: '更正单位名称', hazards: [plan.hazard.id] });
      }
      entries.push(listed(random, plan, index));
    }
    return {
      month,
      cutoff: day(month, 25),
      published: day(month, 28),
      summary: `${month} 共列出重大事故隐患 ${entries.length} 项（示例数据）。\n\n本月继续推进**隐患排查整治**。`,
      revisions,
      hazards: entries,
    };
  });

  const site = syntheticSite(villages);
  const map = syntheticVillageMap(site.villages.map((v) => v.slug));
  return { site, lists, tables: progressTables(random, lists, villages), receipts, map };
}

/** A 64-hex lookup key (in real use the slow hash of a receipt; here just distinct). */
const lookupKey = (random: Random) =>
  Array.from({ length: 8 }, () =>
    Math.floor(random.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');

function listedReceipt(random: Random, hazard: Plan['hazard']): ReceiptEntry {
  return {
    key: lookupKey(random),
    status: '已列入隐患清单',
    received: hazard.found,
    updated: hazard.found,
    note: '经现场核实，已列入隐患清单并交办。',
    hazard: hazard.id,
  };
}

/** A tip that did not become a hazard (or not yet). */
function otherReceipt(random: Random, month: string): ReceiptEntry {
  const status = random.pick(['已收到', '核查中', '经核查不属实', '已移交'] as const);
  const received = day(month, random.int(1, 20));
  return { key: lookupKey(random), status, received, updated: day(month, 25), note: '办公室已登记处理。' };
}

/** Tables whose section 1 is exactly what the ledger derives; sections 2 and 3 grow month by month. */
function progressTables(random: Random, lists: HazardList[], villages: string[]): ProgressTable[] {
  const ledger = new Ledger(lists);
  const running = new Map<string, Record<'spotCheck' | 'enforcement', Record<string, number>>>();
  return lists.map((list) => {
    const derived = deriveOverallByVillage(ledger, list.month);
    const rows = villages.map((village): ProgressRow => {
      const previous = running.get(village);
      const next = { spotCheck: {}, enforcement: {} } as Record<'spotCheck' | 'enforcement', Record<string, number>>;
      for (const section of PROGRESS_SECTIONS.slice(1)) {
        const key = section.key as 'spotCheck' | 'enforcement';
        for (const item of section.items) {
          for (const figure of item.figures) {
            const before = previous?.[key][figure.key] ?? 0;
            const step = 'decimal' in figure ? random.int(0, 30) / 10 : random.int(0, 2);
            next[key][figure.key] = Math.round((before + step) * 10) / 10;
          }
        }
      }
      running.set(village, next);
      const overall = derived.get(village) ?? deriveOverallEmpty();
      return { village, overall, ...next };
    });
    return { month: list.month, asOf: list.cutoff, rows };
  });
}

function deriveOverallEmpty(): ProgressRow['overall'] {
  const figures = PROGRESS_SECTIONS[0].items.flatMap((item) => item.figures.map((f) => [f.key, 0]));
  return Object.fromEntries(figures) as ProgressRow['overall'];
}
