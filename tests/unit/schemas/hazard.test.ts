import { describe, expect, it } from 'vitest';
import { Hazard } from '../../../src/schemas/hazard';

/** A valid 限期整改 hazard, as a clerk writes it (before defaults). */
const base = (): Record<string, unknown> => ({
  id: 'NZ-2023-0004',
  title: '脚手架连墙件缺失',
  unit: '某建筑公司',
  village: '西堡村',
  sector: '建筑施工',
  source: '执法检查',
  found: '2023-06-14',
  description: '描述',
  mode: '限期整改',
  plan: {
    responsible: '钱某某',
    measures: '补设连墙件',
    funds: '约 6 万元',
    deadline: '2023-07-10',
    emergencyPlan: '停止作业',
  },
  assignedTo: { kind: '包村干部', name: '曹某某' },
  status: '整改中',
});

/** `path: message` for every issue, in order. */
function issues(value: Record<string, unknown>): string[] {
  const result = Hazard.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
const rectified = () => ({ ...base(), status: '已整改', result: '已整改完毕', rectified: '2023-07-08' });
const closed = () => ({
  ...rectified(),
  status: '已销号',
  closure: { reviewer: '县政府分管领导 某某某', date: '2023-08-10' },
});

describe('Hazard', () => {
  it('accepts a complete hazard in every status', () => {
    expect(issues(base())).toEqual([]);
    expect(issues(rectified())).toEqual([]);
    expect(issues(closed())).toEqual([]);
  });

  it('fills defaults for what a fixed-at-once hazard leaves out', () => {
    const { plan: _plan, ...rest } = base();
    const hazard = Hazard.parse({ ...rest, mode: '立即整改' });
    expect(hazard.plan).toEqual({});
    expect(hazard.progress).toEqual([]);
  });

  it.each([
    ['responsible', '限期整改必须填写责任人'],
    ['measures', '限期整改必须填写整改措施'],
    ['funds', '限期整改必须填写整改资金'],
    ['deadline', '限期整改必须填写整改期限'],
    ['emergencyPlan', '限期整改必须填写应急预案'],
  ])('needs %s for 限期整改', (field, message) => {
    const hazard = base();
    delete (hazard.plan as Record<string, unknown>)[field];
    expect(issues(hazard)).toEqual([`plan.${field}: ${message}`]);
  });

  it('names all five at once when the plan is missing', () => {
    const { plan: _plan, ...hazard } = base();
    expect(issues(hazard)).toEqual([
      'plan.responsible: 限期整改必须填写责任人',
      'plan.measures: 限期整改必须填写整改措施',
      'plan.funds: 限期整改必须填写整改资金',
      'plan.deadline: 限期整改必须填写整改期限',
      'plan.emergencyPlan: 限期整改必须填写应急预案',
    ]);
  });

  it('needs a result and date once rectified', () => {
    const { result: _r, rectified: _d, ...hazard } = rectified();
    expect(issues(hazard)).toEqual([
      'result: 已整改的隐患必须填写整改结果',
      'rectified: 已整改的隐患必须填写整改完成日期',
    ]);
  });

  it('needs the reviewer and date to close', () => {
    const { closure: _c, ...hazard } = closed();
    expect(issues(hazard)).toEqual(['closure: 已销号的隐患必须填写审核人和销号日期']);
    expect(issues({ ...closed(), closure: { date: '2023-08-10' } })).toEqual(['closure.reviewer: 必须填写']);
    expect(issues({ ...closed(), closure: { reviewer: '某某某' } })).toEqual(['closure.date: 必须填写']);
  });

  it('rejects a sign-off or a fix date on a hazard still open', () => {
    expect(issues({ ...closed(), status: '已整改' })).toEqual([
      'closure: 只有已销号的隐患才填写办结销号；如已销号请修改状态',
    ]);
    expect(issues({ ...base(), rectified: '2023-07-08' })).toEqual([
      'rectified: 状态为整改中，不应填写整改完成日期；如已整改请修改状态',
    ]);
  });

  it('keeps dates real and in order', () => {
    expect(issues({ ...base(), found: '2023-02-30' })).toEqual([
      'found: 应为真实日期，格式 YYYY-MM-DD（如 2023-06-25）',
    ]);
    expect(issues({ ...rectified(), rectified: '2023-06-13' })).toEqual(['rectified: 整改完成日期不能早于发现日期']);
    expect(issues({ ...closed(), closure: { reviewer: '某某某', date: '2023-07-07' } })).toEqual([
      'closure.date: 销号日期不能早于整改完成日期',
    ]);
  });

  it('rejects unknown keys, nested ones too', () => {
    expect(issues({ ...base(), titel: 'x' })).toEqual([': 未知字段：「titel」，请检查字段名拼写（区分大小写）']);
    const hazard = base();
    const plan = hazard.plan as Record<string, unknown>;
    plan.deadlne = plan.deadline;
    delete plan.deadline;
    expect(issues(hazard)).toEqual([
      'plan: 未知字段：「deadlne」，请检查字段名拼写（区分大小写）',
      'plan.deadline: 限期整改必须填写整改期限',
    ]);
    expect(issues({ ...base(), supervision: { by: '县应急管理局', since: '2023-06-20', note: 'x' } })).toEqual([
      'supervision: 未知字段：「note」，请检查字段名拼写（区分大小写）',
    ]);
  });

  it.each([
    ['sector', '燃汽', /^sector: 应为以下行业领域之一：危险化学品、.*医疗卫生机构$/],
    ['source', '自查', /^source: 应为以下来源之一：企业自查、执法检查、群众举报、上级交办$/],
    ['status', '已完成', /^status: 应为以下状态之一：整改中、已整改、已销号$/],
    ['mode', '马上整改', /^mode: 应为 立即整改 或 限期整改$/],
  ])('lists the allowed values for %s', (field, value, message) => {
    const result = issues({ ...base(), [field]: value });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatch(message);
  });

  it('rejects a malformed number', () => {
    expect(issues({ ...base(), id: 'NZ-23-4' })).toEqual(['id: 隐患编号格式应为 NZ-2023-0001']);
  });

  it('reports cross-field problems together with field errors', () => {
    const hazard: Record<string, unknown> = { ...base(), sector: '燃汽' };
    delete (hazard.plan as Record<string, unknown>).deadline;
    expect(issues(hazard)).toEqual([expect.stringMatching(/^sector: /), 'plan.deadline: 限期整改必须填写整改期限']);
  });
});

describe('Hazard location', () => {
  const base = {
    id: 'NZ-2023-0001',
    title: '隐患',
    unit: '单位',
    village: '甲村',
    sector: '燃气',
    source: '企业自查',
    found: '2023-06-01',
    description: '描述',
    mode: '立即整改',
    assignedTo: { kind: '包村干部', name: '张三' },
    status: '整改中',
  };
  const messages = (location: unknown) => {
    const result = Hazard.safeParse({ ...base, location });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('is optional, and [longitude, latitude] when given', () => {
    expect(messages(undefined)).toEqual([]);
    expect(messages([112.05, 37.45])).toEqual([]);
    expect(Hazard.parse({ ...base, location: [112.05, 37.45] }).location).toEqual([112.05, 37.45]);
  });

  it('says how to write it, in Chinese', () => {
    expect(messages('112.05, 37.45')).toEqual(['location: 应写成 [经度, 纬度]，如 [112.05, 37.45]']);
    expect(messages([112.05])).toEqual(['location: 应写成 [经度, 纬度]，如 [112.05, 37.45]']);
    expect(messages([37.45, 212.05])).toEqual(['location.1: 纬度应在 -90 到 90 之间']);
    expect(messages([181, 37])).toEqual(['location.0: 经度应在 -180 到 180 之间']);
    expect(messages(['112', 37])).toEqual(['location.0: 经度应为数字']);
  });
});
