import { PROGRESS_SECTIONS, type ProgressFigure } from '../../schemas/progress-table';

/** Chinese names of content-file fields, for messages. Dotted paths win over single keys. */
const PATH_LABELS: Record<string, string> = {
  'closure.date': '销号日期',
  'closure.reviewer': '销号审核人',
  'supervision.by': '督办部门',
  'supervision.since': '挂牌督办日期',
  'assignedTo.kind': '交办对象类别',
  'assignedTo.name': '交办对象',
  'notice.number': '文号',
  'notice.title': '文件标题',
  'notice.date': '发文日期',
  'revisions.date': '修订日期',
  'phases.start': '阶段开始日期',
  'phases.end': '阶段结束日期',
  'leadership.title': '单位职务',
  'cadre.name': '包村干部姓名',
  'cadre.title': '包村干部职务',
  'cadre.phone': '包村干部电话',
  'leader.name': '分管领导姓名',
  'leader.title': '分管领导职务',
  'leader.phone': '分管领导电话',
  'publicInfo.number': '文号',
  'properties.slug': '村代码',
  'geometry.type': '边界类型',
  'progress.date': '推进情况日期',
  'progress.text': '推进情况',
};

const KEY_LABELS: Record<string, string> = {
  id: '编号',
  title: '隐患名称',
  unit: '单位/场所',
  village: '所在村',
  location: '位置',
  features: '村界',
  geometry: '边界',
  coordinates: '坐标',
  properties: '属性',
  type: '类型',
  sector: '行业领域',
  source: '来源',
  supervision: '挂牌督办',
  found: '发现日期',
  description: '隐患描述',
  mode: '整改方式',
  plan: '五落实',
  responsible: '责任人',
  measures: '措施',
  funds: '资金',
  deadline: '期限',
  emergencyPlan: '应急预案',
  assignedTo: '交办对象',
  status: '状态',
  progress: '推进情况',
  result: '整改结果',
  rectified: '整改完成日期',
  closure: '办结销号',
  reviewer: '审核人',
  tipKey: '举报回执查询码',
  month: '月份',
  cutoff: '截至日期',
  published: '公开日期',
  summary: '本月概述',
  revisions: '修订记录',
  reason: '修订原因',
  hazards: '隐患清单',
  asOf: '截至日期',
  rows: '调度表',
  sample: '示例数据标记',
  county: '县',
  township: '镇',
  campaign: '专项行动名称',
  office: '办公室',
  phone: '举报电话',
  mailbox: '举报邮箱',
  address: '地址',
  department: '科室',
  villages: '村',
  stations: '站所',
  sectors: '行业领域',
  phases: '行动阶段',
  leadership: '领导组',
  tipRecipients: '举报解密公钥',
  recipient: '公钥',
  slug: '代码',
  name: '名称',
  label: '说明',
  role: '职务',
  date: '日期',
  receipts: '举报回执',
  key: '查询码',
  received: '收到日期',
  updated: '更新日期',
  note: '公开说明',
  hazard: '隐患编号',
  cadre: '包村干部',
  leader: '分管领导',
  website: '网站信息',
  sponsor: '主办单位',
  identifier: '网站标识码',
  icp: 'ICP备案号',
  publicSecurity: '公安机关备案号',
  publicInfo: '政府信息公开',
  index: '索引号',
  category: '主题分类',
  publisher: '发布机构',
  written: '成文日期',
};

for (const section of PROGRESS_SECTIONS) {
  KEY_LABELS[section.key] = section.title;
  for (const item of section.items) {
    for (const figure of item.figures as readonly ProgressFigure[]) {
      const part = figure.part ? `（${figure.part}）` : '';
      KEY_LABELS[figure.key] = `${section.title}${item.no} ${item.label}${part}（${figure.unit}）`;
    }
  }
}

/** Label for the field at `path` (numeric segments are list positions and are skipped). */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (keys.length === 0) return undefined;
  const last2 = keys.slice(-2).join('.');
  return PATH_LABELS[last2] ?? KEY_LABELS[keys.at(-1)!] ?? keys.at(-1);
}
