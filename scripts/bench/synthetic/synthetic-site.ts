import type { z } from 'zod';
import type { Site } from '../../../src/schemas/site';

export type SiteInput = z.input<typeof Site>;

/** URL codes of the notice's sectors, as in content/site.yaml. */
const SECTOR_SLUGS = {
  危险化学品: 'hazardous-chemicals',
  交通运输: 'transport',
  建筑施工: 'construction',
  燃气: 'gas',
  冶金工贸: 'metallurgy-trade',
  文化旅游: 'culture-tourism',
  消防: 'fire',
  高层建筑安全: 'high-rise',
  食品安全: 'food-safety',
  财产: 'property',
  能源: 'energy',
  校园安全: 'campus',
  养老机构: 'elderly-care',
  医疗卫生机构: 'medical',
} as const;

/** A county-sized site file for synthetic content: clearly sample data, the development tip key. */
export function syntheticSite(villages: readonly string[]): SiteInput {
  return {
    sample: true,
    county: '示例县',
    township: '示例镇',
    campaign: '重大事故隐患专项排查整治行动（性能测试示例数据）',
    notice: {
      number: '示政发〔2023〕1号',
      title: '关于印发重大事故隐患专项排查整治行动实施方案的通知',
      date: '2023-05-12',
    },
    office: {
      name: '示例镇重大事故隐患专项排查整治行动领导组办公室',
      department: '社会事务办',
      phone: '0000-0000000（示例）',
      mailbox: 'example@example.org（示例）',
      address: '示例镇人民政府（示例地址）',
    },
    villages: villages.map((name, i) => ({ slug: `v${String(i + 1).padStart(3, '0')}`, name })),
    stations: [{ slug: 'safety', name: '示例镇应急管理站' }],
    sectors: Object.entries(SECTOR_SLUGS).map(([name, slug]) => ({ slug, name: name as keyof typeof SECTOR_SLUGS })),
    phases: [
      { name: '排查整治', start: '2023-05-16', end: '2024-12-31', description: '企业自查自改，部门精准执法。' },
      { name: '巩固提高', start: '2025-01-01', end: '2025-12-31', description: '健全长效工作机制。' },
    ],
    leadership: [{ role: '组长', name: '示例', title: '' }],
    tipRecipients: [
      {
        label: '开发用公钥（示例）',
        recipient: 'age1522crswrq3h7a5r7t4w28x9d9f9lu3wkcrevad9va3cqhn86349shljttc',
        development: true,
      },
    ],
  };
}
