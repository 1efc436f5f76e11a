import { z } from 'zod';

/** The sectors named in the notice (行业领域), in its order; 财产 is kept as written there. */
export const SECTORS = [
  '危险化学品',
  '交通运输',
  '建筑施工',
  '燃气',
  '冶金工贸',
  '文化旅游',
  '消防',
  '高层建筑安全',
  '食品安全',
  '财产',
  '能源',
  '校园安全',
  '养老机构',
  '医疗卫生机构',
] as const;
export const Sector = z.enum(SECTORS, { error: `应为以下行业领域之一：${SECTORS.join('、')}` });
export type Sector = z.output<typeof Sector>;
