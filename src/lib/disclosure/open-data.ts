import type { IsoMonth } from '../../schemas/common';
import { formatCsv } from '../csv';
import type { Hazard } from '../../schemas/hazard';
import type { ProgressTable } from '../../schemas/progress-table';
import type { Ledger } from '../ledger/ledger';
import { isOverdue } from '../ledger/status';
import { TOTAL_LABEL, townshipGrid, townshipTable, type TownshipTable } from '../statistics/township-table';

/**
 * Open data: one month as JSON and CSV, the whole ledger as JSON. The files are built from
 * these functions only, and /data/ lists the SHA-256 of the same strings, so the checksums
 * always match the bytes served. Nothing here depends on the build time: same content, same bytes.
 *
 * tipKey (the link from a hazard to an informant's receipt) is never published.
 */

/** A hazard as published: the content fields, minus tipKey, plus whether it is overdue. */
export interface PublicHazard {
  id: string;
  title: string;
  unit: string;
  village: string;
  sector: string;
  source: string;
  supervision: { by: string; since: string } | null;
  found: string;
  description: string;
  mode: string;
  plan: {
    responsible: string | null;
    measures: string | null;
    funds: string | null;
    deadline: string | null;
    emergencyPlan: string | null;
  };
  assignedTo: { kind: string; name: string };
  status: string;
  overdue: boolean;
  progress: { date: string; text: string }[];
  result: string | null;
  rectified: string | null;
  closure: { reviewer: string; date: string } | null;
}

export function publicHazard(h: Hazard, cutoff: string): PublicHazard {
  return {
    id: h.id,
    title: h.title,
    unit: h.unit,
    village: h.village,
    sector: h.sector,
    source: h.source,
    supervision: h.supervision ? { by: h.supervision.by, since: h.supervision.since } : null,
    found: h.found,
    description: h.description,
    mode: h.mode,
    plan: {
      responsible: h.plan.responsible ?? null,
      measures: h.plan.measures ?? null,
      funds: h.plan.funds ?? null,
      deadline: h.plan.deadline ?? null,
      emergencyPlan: h.plan.emergencyPlan ?? null,
    },
    assignedTo: { kind: h.assignedTo.kind, name: h.assignedTo.name },
    status: h.status,
    overdue: isOverdue(h, cutoff),
    progress: h.progress.map((e) => ({ date: e.date, text: e.text })),
    result: h.result ?? null,
    rectified: h.rectified ?? null,
    closure: h.closure ? { reviewer: h.closure.reviewer, date: h.closure.date } : null,
  };
}

/** One column of the CSV and the JSON path it comes from: also the 字段说明 on /data/. */
export interface DataField {
  column: string;
  json: string;
  meaning: string;
  value: (h: PublicHazard) => string;
}

const orEmpty = (v: string | null | undefined) => v ?? '';

export const DATA_FIELDS: readonly DataField[] = [
  { column: '编号', json: 'id', meaning: '隐患编号，终身不变，如 NZ-2023-0001', value: (h) => h.id },
  { column: '隐患名称', json: 'title', meaning: '隐患的简要名称', value: (h) => h.title },
  { column: '单位/场所', json: 'unit', meaning: '隐患所在的企业、单位或场所', value: (h) => h.unit },
  { column: '所在村', json: 'village', meaning: '隐患所在村', value: (h) => h.village },
  { column: '行业领域', json: 'sector', meaning: '实施方案列明的行业领域之一', value: (h) => h.sector },
  {
    column: '来源',
    json: 'source',
    meaning: '企业自查、执法检查、群众举报或上级交办',
    value: (h) => h.source,
  },
  {
    column: '挂牌督办部门',
    json: 'supervision.by',
    meaning: '挂牌督办的政府部门；未挂牌督办为空（JSON 中 supervision 为 null）',
    value: (h) => orEmpty(h.supervision?.by),
  },
  {
    column: '挂牌督办日期',
    json: 'supervision.since',
    meaning: '挂牌督办开始日期',
    value: (h) => orEmpty(h.supervision?.since),
  },
  { column: '发现日期', json: 'found', meaning: '发现隐患的日期', value: (h) => h.found },
  { column: '整改方式', json: 'mode', meaning: '立即整改或限期整改', value: (h) => h.mode },
  {
    column: '责任人',
    json: 'plan.responsible',
    meaning: '限期整改的责任人（“五落实”之一）',
    value: (h) => orEmpty(h.plan.responsible),
  },
  {
    column: '整改措施',
    json: 'plan.measures',
    meaning: '限期整改的措施（“五落实”之一）',
    value: (h) => orEmpty(h.plan.measures),
  },
  {
    column: '整改资金',
    json: 'plan.funds',
    meaning: '限期整改的资金（“五落实”之一）',
    value: (h) => orEmpty(h.plan.funds),
  },
  {
    column: '整改期限',
    json: 'plan.deadline',
    meaning: '限期整改的期限（“五落实”之一）',
    value: (h) => orEmpty(h.plan.deadline),
  },
  {
    column: '应急预案',
    json: 'plan.emergencyPlan',
    meaning: '整改期间的应急预案（“五落实”之一）',
    value: (h) => orEmpty(h.plan.emergencyPlan),
  },
  {
    column: '交办对象类别',
    json: 'assignedTo.kind',
    meaning: '包村干部、分管同志或站所',
    value: (h) => h.assignedTo.kind,
  },
  { column: '交办对象', json: 'assignedTo.name', meaning: '负责跟踪整改的人员或站所', value: (h) => h.assignedTo.name },
  { column: '状态', json: 'status', meaning: '整改中、已整改或已销号', value: (h) => h.status },
  {
    column: '是否逾期',
    json: 'overdue',
    meaning: '截至当月截至日期，限期整改已过期限仍未整改完成为“是”（JSON 中为 true/false）',
    value: (h) => (h.overdue ? '是' : '否'),
  },
  {
    column: '本月推进情况',
    json: 'progress',
    meaning: '当月整改推进情况，每条反馈一行，写成“日期 内容”（JSON 中为 date、text 的列表；内容可含 Markdown 格式）',
    value: (h) => h.progress.map((e) => `${e.date} ${e.text}`).join('\n'),
  },
  { column: '整改结果', json: 'result', meaning: '整改完成后的结果', value: (h) => orEmpty(h.result) },
  { column: '整改完成日期', json: 'rectified', meaning: '整改完成的日期', value: (h) => orEmpty(h.rectified) },
  {
    column: '销号审核人',
    json: 'closure.reviewer',
    meaning: '审核签字的县政府分管领导',
    value: (h) => orEmpty(h.closure?.reviewer),
  },
  { column: '销号日期', json: 'closure.date', meaning: '办结销号的日期', value: (h) => orEmpty(h.closure?.date) },
  {
    column: '隐患描述',
    json: 'description',
    meaning: '隐患的详细描述（文字，可含分段和列表，格式为 Markdown）',
    value: (h) => h.description,
  },
];

/** The shared writer (lib/csv.ts): neutralised formula-like cells, a BOM and CRLF line ends. */
export { csvField } from '../csv';

/** UTF-8 with a byte-order mark and CRLF line ends: Excel opens it as Chinese text without a wizard. */
export function hazardsCsv(hazards: readonly PublicHazard[]): string {
  return formatCsv([DATA_FIELDS.map((f) => f.column), ...hazards.map((h) => DATA_FIELDS.map((f) => f.value(h)))]);
}

/** 政府信息公开 as published: 发布日期 is the month's `published`; 文号 null when the month has none. */
export interface PublicInfoDocument {
  index: string;
  category: string;
  publisher: string;
  written: string;
  published: string;
  number: string | null;
}

export interface MonthDocument {
  month: IsoMonth;
  cutoff: string;
  published: string;
  /** null when the month's file has no 政府信息公开 block. */
  publicInfo: PublicInfoDocument | null;
  figures: { total: number; open: number; rectified: number; closed: number; overdue: number };
  summary: string;
  revisions: { date: string; reason: string; hazards: string[] }[];
  hazards: PublicHazard[];
}

function monthDocument(ledger: Ledger, month: IsoMonth): MonthDocument {
  const list = ledger.list(month);
  const { total, open, rectified, closed, overdue } = ledger.figures(month);
  return {
    month,
    cutoff: list.cutoff,
    published: list.published,
    publicInfo: list.publicInfo
      ? {
          index: list.publicInfo.index,
          category: list.publicInfo.category,
          publisher: list.publicInfo.publisher,
          written: list.publicInfo.written,
          published: list.published,
          number: list.publicInfo.number ?? null,
        }
      : null,
    figures: { total, open, rectified, closed, overdue },
    summary: list.summary,
    revisions: list.revisions.map((r) => ({ date: r.date, reason: r.reason, hazards: [...r.hazards] })),
    hazards: list.hazards.map((h) => publicHazard(h, list.cutoff)),
  };
}

export interface DatasetInfo {
  township: string;
  campaign: string;
  /** True while the site shows sample data. */
  sample: boolean;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const monthJson = (info: DatasetInfo, ledger: Ledger, month: IsoMonth): string =>
  json({ ...info, ...monthDocument(ledger, month) });

export function monthCsv(ledger: Ledger, month: IsoMonth): string {
  return hazardsCsv(monthDocument(ledger, month).hazards);
}

/** Every published month in full, oldest first. */
export const ledgerJson = (info: DatasetInfo, ledger: Ledger): string =>
  json({ ...info, months: ledger.months.map((m) => monthDocument(ledger, m)) });

/** The month's hazards that carry a location, as GeoJSON points (RFC 7946, longitude-latitude). */
export const monthGeoJsonPath = (month: IsoMonth): string => `/data/${month}.geojson`;

export function monthGeoJson(info: DatasetInfo, ledger: Ledger, month: IsoMonth): string {
  const list = ledger.list(month);
  return json({
    type: 'FeatureCollection',
    ...info,
    month,
    cutoff: list.cutoff,
    features: list.hazards.flatMap((h) =>
      h.location
        ? [
            {
              type: 'Feature',
              id: h.id,
              geometry: { type: 'Point', coordinates: [h.location[0], h.location[1]] },
              properties: publicHazard(h, list.cutoff),
            },
          ]
        : [],
    ),
  });
}

const hasLocations = (ledger: Ledger, month: IsoMonth): boolean =>
  ledger.list(month).hazards.some((h) => h.location !== undefined);

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The month's 调度表 (every village and 全镇合计) as CSV: the grid `npm run office -- report` writes as .xlsx. */
export function progressTableCsv(table: TownshipTable): string {
  return formatCsv(townshipGrid(table));
}

/** The month's 调度表 as JSON: one entry per figure, each village's value (null: not reported) and the total. */
export function progressTableJson(info: DatasetInfo, table: TownshipTable): string {
  return json({
    ...info,
    month: table.month,
    asOf: table.asOf,
    villages: table.villages,
    totalLabel: TOTAL_LABEL,
    figures: table.rows.map((row) => ({
      section: row.sectionTitle,
      no: row.no,
      key: row.key,
      label: row.label,
      unit: row.unit,
      values: Object.fromEntries(table.villages.map((village, i) => [village, row.values[i]])),
      total: row.total,
    })),
  });
}

/** A downloadable file with what /data/ lists about it. */
export interface DataFile {
  path: string;
  label: string;
  format: 'JSON' | 'CSV' | 'GeoJSON';
  month: IsoMonth | undefined;
  /** The month's 调度表 rather than its hazard list. */
  table?: true;
  body: string;
}

/** A data file whose body is made on demand: at county scale the bodies run to hundreds of megabytes. */
export interface DataFileSpec extends Omit<DataFile, 'body'> {
  make: () => string;
}

/** The complete list of open-data files, bodies made on demand (deterministic: same string every call). */
export function dataFileSpecs(
  info: DatasetInfo,
  ledger: Ledger,
  tables: readonly ProgressTable[] = [],
  villages: readonly string[] = [],
): DataFileSpec[] {
  const files: DataFileSpec[] = [
    {
      path: '/data/ledger.json',
      label: '全部月份台账',
      format: 'JSON',
      month: undefined,
      make: () => ledgerJson(info, ledger),
    },
  ];
  for (const month of [...ledger.months].reverse()) {
    files.push(
      { path: `/data/${month}.json`, label: month, format: 'JSON', month, make: () => monthJson(info, ledger, month) },
      { path: `/data/${month}.csv`, label: month, format: 'CSV', month, make: () => monthCsv(ledger, month) },
    );
    if (hasLocations(ledger, month)) {
      files.push({
        path: monthGeoJsonPath(month),
        label: month,
        format: 'GeoJSON',
        month,
        make: () => monthGeoJson(info, ledger, month),
      });
    }
    const table = tables.find((t) => t.month === month);
    if (!table) continue;
    const names = [...villages, ...table.rows.map((r) => r.village).filter((v) => !villages.includes(v))];
    const township = () => townshipTable(table, names);
    files.push(
      {
        path: `/data/${month}-table.json`,
        label: month,
        format: 'JSON',
        month,
        table: true,
        make: () => progressTableJson(info, township()),
      },
      {
        path: `/data/${month}-table.csv`,
        label: month,
        format: 'CSV',
        month,
        table: true,
        make: () => progressTableCsv(township()),
      },
    );
  }
  return files;
}
