/**
 * Seeded, bounded mutations of valid content files, each with what must come of it.
 * A case either names the issue that must be reported (file, hazard number or position,
 * field) or, where the mutated content may legitimately be valid, says how to check that
 * the result is not silently wrong.
 */
import { parse, stringify } from 'yaml';
import type { ContentSources, SourceFile } from '../../../src/lib/content/folder';
import { readContentSet, type ContentResult } from '../../../src/lib/content-set/content-set';
import { fieldLabel } from '../../../src/lib/content/labels';
import type { Random } from '../../../scripts/bench/synthetic/random';
import type { IssueMatch } from './issue-shape';
import { parseList, readList, type RawHazard, type RawList } from './sample';

export interface FuzzCase {
  name: string;
  sources: ContentSources;
  /** The issue that must be among the result's issues. */
  expect?: IssueMatch;
  /** For content that may be valid: what a valid result must show. */
  check?: (result: ContentResult) => void;
}

type Json = Record<string, unknown>;

const REQUIRED = [
  'id',
  'title',
  'unit',
  'village',
  'sector',
  'source',
  'found',
  'description',
  'mode',
  'assignedTo',
  'status',
];
const PLAN = ['responsible', 'measures', 'funds', 'deadline', 'emergencyPlan'];
const TEXT = ['title', 'unit', 'description'];
const WRONG_VALUES: unknown[] = [42, true, [], { a: 1 }, null, 3.5];
const BAD_DATES = ['2023-02-30', '2023/06/25', '6月25日', '2023-6-5', '20230625', '2023-13-01'];
const ENUM_TYPOS: Record<string, string[]> = {
  sector: ['消防安全', '燃气安全', 'gas'],
  source: ['举报', '自查', '群众来信'],
  status: ['已完成', '整改完成', '销号'],
  mode: ['限时整改', '马上整改'],
};
/** Invisible or misleading characters, and the one a wrong text encoding (GBK read as UTF-8) leaves behind. */
const HOSTILE_CHARS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\ufeff', '\ufffd'];

const clone = <T>(value: T): T => structuredClone(value);
const label = (...path: string[]) => fieldLabel(path)!;
const itemRef = (index: number) => `${label('hazards')}第${index + 1}项`;

/** Replaces one file in the set (by path) with new text. */
function replace(sources: ContentSources, path: string, text: string): ContentSources {
  const swap = (f: SourceFile) => (f.path === path ? { path, text } : f);
  return {
    site: swap(sources.site),
    hazardLists: sources.hazardLists.map(swap),
    progressTables: sources.progressTables.map(swap),
  };
}

interface Pick {
  file: SourceFile;
  index: number;
  list: RawList;
  previous: RawList | undefined;
}

function pickHazard(
  random: Random,
  sources: ContentSources,
  where?: (h: RawHazard, p: Pick) => boolean,
): Pick | undefined {
  const picks: Pick[] = [];
  sources.hazardLists.forEach((file, i) => {
    const list = readList(file) as RawList;
    const previous = i > 0 ? (readList(sources.hazardLists[i - 1]!) as RawList) : undefined;
    list.hazards.forEach((hazard, index) => {
      const pick = { file, index, list, previous };
      if (!where || where(hazard, pick)) picks.push(pick);
    });
  });
  return picks.length ? random.pick(picks) : undefined;
}

/** Mutates one hazard of a picked list and re-serialises the file (comments are lost, which is fine here). */
function withHazard(
  sources: ContentSources,
  pick: Pick,
  mutate: (hazard: Json, list: RawList) => void,
): ContentSources {
  const list = clone(pick.list);
  mutate(list.hazards[pick.index]!, list);
  return replace(sources, pick.file.path, stringify(list));
}

const wasListedOpen = (p: Pick, id: string) => p.previous?.hazards.some((h) => h.id === id && h.status !== '已销号');
/** Listed the month before and not named in this month's revision log (which would excuse a change). */
const carriedOver = (h: RawHazard, p: Pick) =>
  (p.previous?.hazards.some((x) => x.id === h.id) ?? false) &&
  !(p.list.revisions ?? []).some((r) => r.hazards?.includes(h.id));

type Maker = (random: Random, sources: ContentSources) => FuzzCase | undefined;

const hazardCases: Record<string, Maker> = {
  deleteRequired(random, sources) {
    const pick = pickHazard(random, sources)!;
    const field = random.pick(REQUIRED);
    const id = pick.list.hazards[pick.index]!.id;
    return {
      name: `delete ${field} of ${id} in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => delete h[field]),
      expect: { file: pick.file.path, ref: field === 'id' ? itemRef(pick.index) : id, field: label(field) },
    };
  },
  deletePlanField(random, sources) {
    const pick = pickHazard(random, sources, (h) => h.mode === '限期整改');
    if (!pick) return undefined;
    const field = random.pick(PLAN);
    const id = pick.list.hazards[pick.index]!.id;
    return {
      name: `delete plan.${field} of ${id} in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => delete (h.plan as Json)[field]),
      expect: { file: pick.file.path, ref: id, field: label('plan', field), message: /限期整改必须填写/ },
    };
  },
  wrongType(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    const field = random.pick(Object.keys(hazard).filter((k) => k !== 'id'));
    const value = random.pick(WRONG_VALUES.filter((v) => typeof v !== typeof hazard[field] || Array.isArray(v)));
    return {
      name: `${field} of ${hazard.id} set to ${JSON.stringify(value)} in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => (h[field] = value)),
      expect: { file: pick.file.path, ref: hazard.id, field: label(field) },
    };
  },
  badDate(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    const paths = [
      ['found'],
      ['rectified'],
      ['closure', 'date'],
      ['plan', 'deadline'],
      ['supervision', 'since'],
    ].filter((p) => p.reduce<unknown>((o, k) => (o as Json | undefined)?.[k], hazard) !== undefined);
    const path = random.pick(paths);
    const bad = random.pick(BAD_DATES);
    return {
      name: `${path.join('.')} of ${hazard.id} set to ${bad} in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => {
        const parent = path.length === 1 ? h : (h[path[0]!] as Json);
        parent[path.at(-1)!] = bad;
      }),
      expect: { file: pick.file.path, ref: hazard.id, field: label(...path) },
    };
  },
  swapFoundAndRectified(random, sources) {
    const pick = pickHazard(
      random,
      sources,
      (h) => typeof h.rectified === 'string' && h.rectified > (h.found as string),
    );
    if (!pick) return undefined;
    const hazard = pick.list.hazards[pick.index]!;
    return {
      name: `found and rectified swapped for ${hazard.id} in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => ([h.found, h.rectified] = [h.rectified, h.found])),
      expect: { file: pick.file.path, ref: hazard.id, field: label('rectified'), message: /不能早于发现日期/ },
    };
  },
  enumTypo(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    const field = random.pick(Object.keys(ENUM_TYPOS));
    return {
      name: `${field} of ${hazard.id} misspelt in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => (h[field] = random.pick(ENUM_TYPOS[field]!))),
      expect: { file: pick.file.path, ref: hazard.id, field: label(field) },
    };
  },
  unknownField(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    const key = random.pick(['stauts', 'Status', '状态', 'deadline', 'note']);
    return {
      name: `unknown field ${key} on ${hazard.id} in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => (h[key] = '整改中')),
      expect: { file: pick.file.path, ref: hazard.id, message: new RegExp(`未知字段.*${key}`) },
    };
  },
  duplicateHazard(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    return {
      name: `${hazard.id} listed twice in ${pick.file.path}`,
      sources: withHazard(sources, pick, (_, list) => list.hazards.push(clone(hazard))),
      expect: { file: pick.file.path, ref: hazard.id, field: label('id'), message: /重复/ },
    };
  },
  removeHazard(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    const mustFail = wasListedOpen(pick, hazard.id);
    return {
      name: `${hazard.id} removed from ${pick.file.path}${mustFail ? ' (was open)' : ''}`,
      sources: withHazard(sources, pick, (_, list) => list.hazards.splice(pick.index, 1)),
      ...(mustFail
        ? { expect: { file: pick.file.path, ref: hazard.id, field: label('hazards'), message: /不得删除/ } }
        : { check: (r) => r.ok && expectAbsent(r, hazard.id, pick.list.month) }),
    };
  },
  changeIdentity(random, sources) {
    const pick = pickHazard(random, sources, carriedOver);
    if (!pick) return undefined;
    const hazard = pick.list.hazards[pick.index]!;
    const field = random.pick(['unit', 'source', 'found']);
    const other: Record<string, string> = {
      unit: `${String(hazard.unit)}（更名）`,
      source: hazard.source === '企业自查' ? '执法检查' : '企业自查',
      found: '2023-06-01',
    };
    if (hazard[field] === other[field]) return undefined;
    return {
      name: `${field} of ${hazard.id} changed without a revision in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => (h[field] = other[field])),
      expect: { file: pick.file.path, ref: hazard.id, field: label(field) },
    };
  },
  statusBackwards(random, sources) {
    const pick = pickHazard(
      random,
      sources,
      (h, p) =>
        carriedOver(h, p) &&
        h.status === '已整改' &&
        p.previous!.hazards.some((x) => x.id === h.id && x.status === '已整改'),
    );
    if (!pick) return undefined;
    const hazard = pick.list.hazards[pick.index]!;
    return {
      name: `${hazard.id} moved back to 整改中 in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => {
        h.status = '整改中';
        delete h.rectified;
        delete h.result;
      }),
      expect: { file: pick.file.path, ref: hazard.id, field: label('status'), message: /退回/ },
    };
  },
  hostileCharacter(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    const field = random.pick(TEXT.filter((f) => typeof hazard[f] === 'string' && hazard[f].length > 1));
    const char = random.pick(HOSTILE_CHARS);
    const at = random.int(1, (hazard[field] as string).length - 1);
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const mutated = withHazard(sources, pick, (h) => {
      const text = h[field] as string;
      h[field] = text.slice(0, at) + char + text.slice(at);
    });
    // U+FFFD is what a wrong encoding leaves: reported once for the file, at its line.
    const text = mutated.hazardLists.find((f) => f.path === pick.file.path)!.text;
    const line = text.slice(0, text.indexOf(char)).split('\n').length;
    return {
      name: `${code} inside ${field} of ${hazard.id} in ${pick.file.path}`,
      sources: mutated,
      expect:
        char === '\ufffd'
          ? { file: pick.file.path, ref: `第${line}行`, message: /UTF-8/ }
          : { file: pick.file.path, ref: hazard.id, field: label(field) },
    };
  },
  hugeText(random, sources) {
    const pick = pickHazard(random, sources)!;
    const hazard = pick.list.hazards[pick.index]!;
    const field = random.pick(TEXT);
    const huge = '隐患'.repeat(random.int(50_000, 150_000));
    return {
      name: `${huge.length}-character ${field} on ${hazard.id} in ${pick.file.path}`,
      sources: withHazard(sources, pick, (h) => (h[field] = huge)),
      // Long is not wrong; if accepted, the text must arrive whole.
      check: (r) => {
        if (!r.ok) return;
        const state = r.content.ledger.stateIn(hazard.id, pick.list.month) as unknown as Json | undefined;
        if (state?.[field] !== huge) throw new Error(`${field} of ${hazard.id} was altered`);
      },
    };
  },
};

function expectAbsent(result: Extract<ContentResult, { ok: true }>, id: string, month: string): void {
  if (result.content.ledger.stateIn(id, month)) throw new Error(`${id} still listed in ${month}`);
}

const listCases: Record<string, Maker> = {
  deleteTopLevel(random, sources) {
    const file = random.pick(sources.hazardLists);
    const field = random.pick(['month', 'cutoff', 'published', 'summary', 'hazards']);
    const list = parseList(file) as Json;
    delete list[field];
    return {
      name: `${field} deleted from ${file.path}`,
      sources: replace(sources, file.path, stringify(list)),
      expect: { file: file.path, field: label(field) },
    };
  },
  swapCutoffAndPublished(random, sources) {
    const file = random.pick(sources.hazardLists);
    const list = parseList(file);
    if (list.cutoff === list.published) return undefined;
    [list.cutoff, list.published] = [list.published as string, list.cutoff];
    return {
      name: `cutoff and published swapped in ${file.path}`,
      sources: replace(sources, file.path, stringify(list)),
      expect: { file: file.path, field: label('published'), message: /不能早于截至日期/ },
    };
  },
  wrongMonth(random, sources) {
    const file = random.pick(sources.hazardLists);
    const list = parseList(file);
    list.month = list.month.replace(/-(\d\d)$/, (_, m: string) => `-${String((Number(m) % 12) + 1).padStart(2, '0')}`);
    return {
      name: `month of ${file.path} does not match its name`,
      sources: replace(sources, file.path, stringify(list)),
      expect: { file: file.path },
    };
  },
};

const tableCases: Record<string, Maker> = {
  badFigure(random, sources) {
    const file = random.pick(sources.progressTables);
    const table = parse(file.text) as { rows: (Json & { village: string })[] };
    const row = random.pick(table.rows);
    const section = random.pick(['overall', 'spotCheck', 'enforcement']);
    const key = random.pick(Object.keys(row[section] as Json).filter((k) => k !== 'penaltyAmount'));
    const value = random.pick([-1, 2.5, '三', null, '']);
    (row[section] as Json)[key] = value;
    return {
      name: `${section}.${key} of ${row.village} set to ${JSON.stringify(value)} in ${file.path}`,
      sources: replace(sources, file.path, stringify(table)),
      expect: { file: file.path, ref: row.village, field: label(key) },
    };
  },
  unknownVillage(random, sources) {
    const file = random.pick(sources.progressTables);
    const table = parse(file.text) as { rows: Json[] };
    const row = random.pick(table.rows);
    row.village = '不存在村';
    return {
      name: `unknown village row in ${file.path}`,
      sources: replace(sources, file.path, stringify(table)),
      expect: { file: file.path, ref: '不存在村', field: label('village') },
    };
  },
  ledgerMismatch(random, sources) {
    const file = random.pick(sources.progressTables);
    const table = parse(file.text) as { rows: (Json & { village: string; overall: Record<string, number> })[] };
    // Rows that already disagree on purpose could be nudged back into agreement: leave them out.
    const baseline = readContentSet(sources);
    const flagged = new Set(
      baseline.ok ? baseline.content.warnings.filter((w) => w.file === file.path).map((w) => w.ref) : [],
    );
    const row = random.pick(table.rows.filter((r) => !flagged.has(r.village)));
    const key = random.pick(Object.keys(row.overall));
    row.overall[key]! += random.int(1, 5);
    return {
      name: `${key} of ${row.village} no longer matches the ledger in ${file.path}`,
      sources: replace(sources, file.path, stringify(table)),
      // Valid, but never silently: the disagreement is a warning naming village and figure.
      expect: { file: file.path, ref: row.village, field: label(key), message: /台账统计/, severity: 'warning' },
    };
  },
};

const siteCases: Record<string, Maker> = {
  villageRemoved(random, sources) {
    const site = parse(sources.site.text) as { villages: { name: string }[] };
    const used = new Set(sources.hazardLists.flatMap((f) => readList(f).hazards.map((h) => h.village as string)));
    const village = random.pick(site.villages.filter((v) => used.has(v.name)));
    site.villages = site.villages.filter((v) => v !== village);
    const pick = pickHazard(random, sources, (h) => h.village === village.name)!;
    return {
      name: `${village.name} removed from site.yaml`,
      sources: replace(sources, sources.site.path, stringify(site)),
      expect: { file: pick.file.path, ref: pick.list.hazards[pick.index]!.id, field: label('village') },
    };
  },
};

const textCases: Record<string, Maker> = {
  tabIndent(random, sources) {
    const file = random.pick(sources.hazardLists);
    const lines = file.text.split('\n');
    const candidates = lines.flatMap((l, i) => (/^ {2,}(- )?[a-zA-Z]+:/.test(l) ? [i] : []));
    const at = random.pick(candidates);
    lines[at] = lines[at]!.replace(/^ {2}/, '\t');
    return {
      name: `tab indentation on line ${at + 1} of ${file.path}`,
      sources: replace(sources, file.path, lines.join('\n')),
      expect: { file: file.path, message: /YAML 格式错误/ },
    };
  },
  duplicateKey(random, sources) {
    const file = random.pick(sources.hazardLists);
    const lines = file.text.split('\n');
    const candidates = lines.flatMap((l, i) => (/^ {4}(title|unit|status): [^|>]/.test(l) ? [i] : []));
    const at = random.pick(candidates);
    lines.splice(at, 0, lines[at]!);
    return {
      name: `duplicated key on line ${at + 1} of ${file.path}`,
      sources: replace(sources, file.path, lines.join('\n')),
      expect: { file: file.path, ref: `第${at + 2}行`, message: /重复的字段名/ },
    };
  },
  truncated(random, sources) {
    const file = random.pick([...sources.hazardLists, ...sources.progressTables]);
    const cut = random.int(1, file.text.length - 1);
    return {
      name: `${file.path} cut at character ${cut}`,
      sources: replace(sources, file.path, file.text.slice(0, cut)),
    };
  },
  strayCharacter(random, sources) {
    const file = random.pick([...sources.hazardLists, ...sources.progressTables, sources.site]);
    const at = random.int(0, file.text.length);
    const char = random.pick(['"', "'", ':', '[', '{', '- ', '&', '*', '!', '|', '>', '%', '@', '`', '#', '\n  ']);
    return {
      name: `${JSON.stringify(char)} inserted at ${at} in ${file.path}`,
      sources: replace(sources, file.path, file.text.slice(0, at) + char + file.text.slice(at)),
    };
  },
};

const ALL: [string, Maker, number][] = [
  ...Object.entries(hazardCases).map(([k, m]) => [k, m, 3] as [string, Maker, number]),
  ...Object.entries(listCases).map(([k, m]) => [k, m, 1] as [string, Maker, number]),
  ...Object.entries(tableCases).map(([k, m]) => [k, m, 1] as [string, Maker, number]),
  ...Object.entries(siteCases).map(([k, m]) => [k, m, 1] as [string, Maker, number]),
  ...Object.entries(textCases).map(([k, m]) => [k, m, 2] as [string, Maker, number]),
];

/** `count` cases, drawn by weight from every kind above; the same seed gives the same cases. */
export function fuzzCases(random: Random, sources: ContentSources, count: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  // Every kind at least once, then by weight.
  for (const [, make] of ALL) {
    const made = make(random.fork(), sources);
    if (made) cases.push(made);
  }
  while (cases.length < count) {
    const make = random.weighted(ALL.map(([, m, w]) => [m, w] as const));
    const made = make(random.fork(), sources);
    if (made) cases.push(made);
  }
  return cases;
}
