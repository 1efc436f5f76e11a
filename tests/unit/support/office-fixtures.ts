/** Small hand-written content for the office tool tests: one village list, two months. */
import type { Site } from '../../../src/schemas/site';

export const SITE = {
  sample: true,
  villages: [
    { slug: 'nanzhuang', name: '南庄村' },
    { slug: 'beizhuang', name: '北庄村' },
  ],
} as unknown as Site;

export const JUNE = `# 示例数据：企业、人员均为虚构。
# 2023年6月隐患清单
month: 2023-06
cutoff: 2023-06-25
published: 2023-06-28
summary: |
  六月概述。
revisions: []
hazards:
  # 加油站，限期整改
  - id: NZ-2023-0001
    title: 加油站卸油口未设防溢装置
    unit: 南庄镇示例加油站
    village: 南庄村
    sector: 危险化学品
    source: 执法检查
    found: 2023-06-10
    description: |
      卸油口无防溢。
    mode: 限期整改
    plan:
      responsible: 张某某
      measures: 加装防溢装置
      funds: 2万元
      deadline: 2023-07-20
      emergencyPlan: 现场配备灭火器材
    assignedTo: { kind: 包村干部, name: 李某某 }
    status: 整改中
    progress:
      - date: 2023-06-15
        text: 已采购设备。
  - id: NZ-2023-0002
    title: 餐馆液化气无报警装置
    unit: 北庄示例饭店
    village: 北庄村
    sector: 燃气
    source: 企业自查
    found: 2023-06-12
    description: 未装燃气报警器。
    mode: 立即整改
    assignedTo: { kind: 站所, name: 南庄市场监管所 }
    status: 已整改
    progress: [{ date: 2023-06-20, text: 已安装报警器。 }]
    result: 已安装燃气泄漏报警装置。
    rectified: 2023-06-20
  - id: NZ-2023-0003
    title: 仓库堵塞疏散通道
    unit: 南庄示例仓储
    village: 南庄村
    sector: 消防
    source: 群众举报
    found: 2023-06-05
    description: 疏散通道堆放货物。
    mode: 立即整改
    assignedTo: { kind: 站所, name: 南庄派出所 }
    status: 已销号
    progress: [{ date: 2023-06-08, text: 已清理。 }]
    result: 货物已清走。
    rectified: 2023-06-08
    closure: { reviewer: 县政府分管领导王某某, date: 2023-06-22 }
`;
