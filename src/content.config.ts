import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { HazardList } from './schemas/hazard-list';
import { ProgressTable } from './schemas/progress-table';
import { Site } from './schemas/site';
import { ReceiptEntry } from './schemas/receipt';
import { ContentError, formatIssues } from './lib/content/issues';
import { loadContent } from './lib/content/load-fs';
import type { ContentResult, ContentSet } from './lib/content/content-set';
import { developmentRecipientWarning } from './lib/tips/recipients';

// One read and one validation of the whole content folder per build, shared by the
// three collections: the rules span files, so files cannot be validated one by one.
// A failed read is kept too: the report is thrown once per collection but read and built
// only once, and Astro prints the thrown message, so it is not logged a second time.
let loaded: ContentResult | undefined;
function content(logger: Parameters<Loader['load']>[0]['logger']): ContentSet {
  if (!loaded) {
    loaded = loadContent();
    if (loaded.ok) {
      if (loaded.content.warnings.length) logger.warn(`\n${formatIssues(loaded.content.warnings)}`);
      const insecure = developmentRecipientWarning(loaded.content.site);
      if (insecure) logger.warn(insecure);
    }
  }
  if (!loaded.ok) throw new ContentError(loaded.issues);
  return loaded.content;
}

function ledgerLoader(
  name: string,
  entries: (c: ContentSet) => { id: string; data: Record<string, unknown> }[],
): Loader {
  return {
    name,
    load: async ({ store, logger, generateDigest, watcher }) => {
      // In `astro dev`, an edited content file invalidates the shared read.
      watcher?.on('change', () => (loaded = undefined));
      store.clear();
      for (const { id, data } of entries(content(logger))) store.set({ id, data, digest: generateDigest(data) });
    },
  };
}

export const collections = {
  site: defineCollection({
    loader: ledgerLoader('site', (c) => [{ id: 'site', data: c.site }]),
    schema: Site,
  }),
  hazardLists: defineCollection({
    loader: ledgerLoader('hazard-lists', (c) => c.lists.map(({ list }) => ({ id: list.month, data: list }))),
    schema: HazardList,
  }),
  progressTables: defineCollection({
    loader: ledgerLoader('progress-tables', (c) => c.tables.map(({ table }) => ({ id: table.month, data: table }))),
    schema: ProgressTable,
  }),
  receipts: defineCollection({
    loader: ledgerLoader('receipts', (c) => c.receipts.map((receipt) => ({ id: receipt.key, data: receipt }))),
    schema: ReceiptEntry,
  }),
};
