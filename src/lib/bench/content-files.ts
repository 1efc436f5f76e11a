import type { SyntheticContent } from './synthetic-ledger';
import { toYaml } from './yaml-emit';

/** A file to write under a content folder: path relative to it, and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

const NOTICE = '示例数据：由性能测试生成器生成，单位和人员均为虚构。';

/** The content folder for synthetic content, laid out exactly as content/. */
export function contentFiles(content: SyntheticContent): ContentFile[] {
  return [
    { path: 'site.yaml', text: toYaml(content.site, NOTICE) },
    ...content.lists.map((list) => ({
      path: `hazard-lists/${list.month}.yaml`,
      text: toYaml(list, NOTICE),
    })),
    ...content.tables.map((table) => ({
      path: `progress-tables/${table.month}.yaml`,
      text: toYaml(table, NOTICE),
    })),
    { path: 'receipts.yaml', text: toYaml({ receipts: content.receipts }, NOTICE) },
  ];
}
