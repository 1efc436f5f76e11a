import type { IsoDate } from '../../schemas/common';
import { ASSIGNEE_KINDS, RECTIFICATION_MODES, SOURCES, STATUSES, type Hazard } from '../../schemas/hazard';
import { SECTORS } from '../../schemas/sector';
import type { Site } from '../../schemas/site';
import { fieldLabel } from '../content/labels';

/**
 * The hazard ledger (隐患台账) as a sheet: one row per hazard, one column per field, headed in the
 * notice's terms. The export writes these columns, the import reads them back by header (so a
 * clerk may reorder or hide columns), and the 填报说明 sheet explains each one.
 *
 * tipKey is deliberately not a column: a workbook is mailed and copied around the office, and the
 * link from a hazard to an informant's receipt stays in the content file only.
 */

type ColumnKind = 'text' | 'date' | 'choice' | 'progress' | 'coordinate';

export interface LedgerColumn {
  header: string;
  /** Where the value lives in a hazard (and in its YAML item). */
  path: readonly string[];
  kind: ColumnKind;
  width: number;
  /** 填报说明 for the column. */
  meaning: string;
  /** The drop-down list; `strict` lists refuse other values in Excel/WPS. */
  choices?: (context: ChoiceContext) => readonly string[];
  strict?: boolean;
  /** A `coordinate` column's place in `location` ([经度, 纬度]). */
  index?: 0 | 1;
  /**
   * Columns added after the first workbooks went out: a workbook without them still imports, and
   * leaves what they hold as it is in the file.
   */
  optional?: boolean;
}

export interface ChoiceContext {
  site: Site;
  /** Names hazards have been handed to in the ledger so far. */
  assignees: readonly string[];
}

export const LEDGER_SHEET = '台账';
export const GUIDE_SHEET = '填报说明';
/** The label of the 填报说明 cell that says which month's list the workbook was exported from. */
export const MONTH_LABEL = '清单月份';

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  {
    header: '隐患编号',
    path: ['id'],
    kind: 'text',
    width: 15,
    meaning: '逐项编号，一经使用永不改变。新增隐患请留空，导入时自动取下一个编号；不要修改已有编号',
  },
  { header: '隐患名称', path: ['title'], kind: 'text', width: 28, meaning: '一句话概括隐患' },
  { header: '单位/场所', path: ['unit'], kind: 'text', width: 24, meaning: '隐患所在的企业、单位或场所' },
  {
    header: '所在村',
    path: ['village'],
    kind: 'choice',
    width: 10,
    meaning: '从下拉列表选择，须与网站村名单一致',
    choices: ({ site }) => site.villages.map((v) => v.name),
    strict: true,
  },
  {
    header: '经度',
    path: ['location'],
    kind: 'coordinate',
    index: 0,
    width: 11,
    meaning:
      '隐患在地图上的位置（与纬度同时填写）：十进制度数，如 112.0578；须在所在村的村界内。不上地图的，经度、纬度都留空',
    optional: true,
  },
  {
    header: '纬度',
    path: ['location'],
    kind: 'coordinate',
    index: 1,
    width: 11,
    meaning: '隐患在地图上的位置（与经度同时填写）：十进制度数，如 37.4428',
    optional: true,
  },
  {
    header: '行业领域',
    path: ['sector'],
    kind: 'choice',
    width: 12,
    meaning: '实施方案列明的行业领域，从下拉列表选择',
    choices: () => SECTORS,
    strict: true,
  },
  {
    header: '来源',
    path: ['source'],
    kind: 'choice',
    width: 10,
    meaning: '企业自查、执法检查、群众举报或上级交办',
    choices: () => SOURCES,
    strict: true,
  },
  { header: '挂牌督办部门', path: ['supervision', 'by'], kind: 'text', width: 14, meaning: '未挂牌督办的留空' },
  {
    header: '挂牌督办日期',
    path: ['supervision', 'since'],
    kind: 'date',
    width: 12,
    meaning: '挂牌督办开始日期；填写督办部门时必须填写',
  },
  { header: '发现日期', path: ['found'], kind: 'date', width: 12, meaning: '不能晚于本月截至日期（25日）' },
  {
    header: '隐患描述',
    path: ['description'],
    kind: 'text',
    width: 40,
    meaning: '发现了什么问题、可能造成什么后果；不得写举报人信息',
  },
  {
    header: '整改方式',
    path: ['mode'],
    kind: 'choice',
    width: 10,
    meaning: '立即整改或限期整改；限期整改必须填写责任人、措施、资金、期限、应急预案（五落实）',
    choices: () => RECTIFICATION_MODES,
    strict: true,
  },
  { header: '责任人', path: ['plan', 'responsible'], kind: 'text', width: 16, meaning: '五落实之一（限期整改必填）' },
  { header: '整改措施', path: ['plan', 'measures'], kind: 'text', width: 30, meaning: '五落实之一（限期整改必填）' },
  { header: '整改资金', path: ['plan', 'funds'], kind: 'text', width: 16, meaning: '五落实之一（限期整改必填）' },
  {
    header: '整改期限',
    path: ['plan', 'deadline'],
    kind: 'date',
    width: 12,
    meaning: '五落实之一（限期整改必填）；过期仍未整改的，网站标为“逾期”',
  },
  {
    header: '应急预案',
    path: ['plan', 'emergencyPlan'],
    kind: 'text',
    width: 30,
    meaning: '五落实之一（限期整改必填）：整改期间的临时管控和应急措施',
  },
  {
    header: '交办对象类别',
    path: ['assignedTo', 'kind'],
    kind: 'choice',
    width: 12,
    meaning: '包村干部、分管同志或站所',
    choices: () => ASSIGNEE_KINDS,
    strict: true,
  },
  {
    header: '交办对象',
    path: ['assignedTo', 'name'],
    kind: 'choice',
    width: 14,
    meaning: '负责跟踪整改、每周四书面反馈的人员或站所；下拉列表列出已有的，也可直接填写',
    choices: ({ site, assignees }) => [
      ...new Set([
        ...site.villages.flatMap((v) => (v.cadre ? [v.cadre.name] : [])),
        ...site.sectors.flatMap((s) => (s.leader ? [s.leader.name] : [])),
        ...site.stations.map((s) => s.name),
        ...assignees,
      ]),
    ],
  },
  {
    header: '状态',
    path: ['status'],
    kind: 'choice',
    width: 10,
    meaning: '整改中 → 已整改 → 已销号，只能向前；已整改须填整改结果和完成日期，已销号还须填销号审核人和日期',
    choices: () => STATUSES,
    strict: true,
  },
  {
    header: '本月推进情况',
    path: ['progress'],
    kind: 'progress',
    width: 50,
    meaning:
      '每周四的书面反馈，每条一行，行首写日期再写内容（如 2024-01-11 周报：……）；日期不能早于发现日期、不能晚于截至日期',
  },
  { header: '整改结果', path: ['result'], kind: 'text', width: 30, meaning: '已整改、已销号的必须填写' },
  {
    header: '整改完成日期',
    path: ['rectified'],
    kind: 'date',
    width: 12,
    meaning: '已整改、已销号的必须填写；整改中的不得填写；不能早于发现日期',
  },
  { header: '销号审核人', path: ['closure', 'reviewer'], kind: 'text', width: 18, meaning: '审核签字的县政府分管领导' },
  {
    header: '销号日期',
    path: ['closure', 'date'],
    kind: 'date',
    width: 12,
    meaning: '已销号的必须填写；不能早于整改完成日期',
  },
];

/** The column a content issue's field label points to (`期限` → 整改期限), for messages by cell. */
export function columnForLabel(label: string | undefined): LedgerColumn | undefined {
  if (!label) return undefined;
  return LEDGER_COLUMNS.find(
    (c) =>
      c.header === label ||
      fieldLabel(c.path) === label ||
      (c.kind === 'progress' && label.startsWith(fieldLabel(['progress'])!)) ||
      // A missing group (挂牌督办, 办结销号) is reported on the group: point at its first column.
      (c.path.length === 2 && fieldLabel([c.path[0]!]) === label),
  );
}

/** A progress entry as a line of its cell. */
export const progressLine = (entry: { date: IsoDate; text: string }): string => `${entry.date} ${entry.text}`;

/** The value a column shows for a hazard, as text (dates as YYYY-MM-DD; empty when absent). */
export function columnText(hazard: Hazard, column: LedgerColumn): string {
  if (column.kind === 'progress') return hazard.progress.map(progressLine).join('\n');
  if (column.kind === 'coordinate') return hazard.location ? String(hazard.location[column.index ?? 0]) : '';
  let value: unknown = hazard;
  for (const key of column.path) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
}

/** Excel column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
