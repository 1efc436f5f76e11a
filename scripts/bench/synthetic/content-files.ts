import { CONTENT_LAYOUT, monthFileName } from '../../../src/lib/content/folder';
import type { SyntheticContent } from './synthetic-ledger';
import { toYaml } from './yaml-emit';

/** A file to write under a content folder: path relative to it, and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

const NOTICE = '示例数据：由性能测试生成器生成，单位和人员均为虚构。';

/** The content folder for synthetic content, laid out exactly as content/ (lib/content/folder.ts). */
export function contentFiles(content: SyntheticContent): ContentFile[] {
  return [
    { path: CONTENT_LAYOUT.site, text: toYaml(content.site, NOTICE) },
    ...content.lists.map((list) => ({
      path: `${CONTENT_LAYOUT.hazardLists}/${monthFileName(list.month)}`,
      text: toYaml(list, NOTICE),
    })),
    ...content.tables.map((table) => ({
      path: `${CONTENT_LAYOUT.progressTables}/${monthFileName(table.month)}`,
      text: toYaml(table, NOTICE),
    })),
    { path: CONTENT_LAYOUT.receipts, text: toYaml({ receipts: content.receipts }, NOTICE) },
    { path: CONTENT_LAYOUT.map, text: `${JSON.stringify(content.map)}\n` },
  ];
}
