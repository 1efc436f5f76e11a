import { ContentError, formatIssues } from '../lib/content/issues';
import { contentFingerprint } from '../lib/content/folder';
import { loadContent } from '../lib/content-set/load';
import type { Ledger } from '../lib/ledger/ledger';
import { developmentRecipientWarning } from '../lib/tips/recipients';
import type { HazardList } from '../schemas/hazard-list';
import type { ProgressTable } from '../schemas/progress-table';
import type { ReceiptEntry } from '../schemas/receipt';
import type { Site } from '../schemas/site';
import type { VillageMap } from '../schemas/village-map';

/** What every page presents: the site file, the monthly lists and tables, the ledger, tip receipts. */
export interface PublishedContent {
  site: Site;
  lists: HazardList[];
  tables: ProgressTable[];
  ledger: Ledger;
  receipts: ReceiptEntry[];
  /** The villages' boundaries, when the content has a map file. */
  map: VillageMap | undefined;
}

/**
 * The content folder is read and validated here, in the process that renders the pages, once
 * per build: at county scale (166 MB of YAML) copying it through Astro's content store cost more
 * time and memory than reading it. In `astro dev` it is read again whenever a content file changes.
 * Broken content throws the ContentError report, which stops the build before any page is written.
 */
let loaded: { fingerprint: string | undefined; content: Promise<PublishedContent> } | undefined;

function load(): PublishedContent {
  const result = loadContent();
  if (!result.ok) throw new ContentError(result.issues);
  const { site, lists, tables, ledger, receipts, map, warnings } = result.content;
  if (warnings.length) console.warn(`\n${formatIssues(warnings)}`);
  const insecure = developmentRecipientWarning(site);
  if (insecure) console.warn(insecure);
  return { site, lists: lists.map((l) => l.list), tables: tables.map((t) => t.table), ledger, receipts, map };
}

/** The published content; pages share the one ledger. */
export function getPublishedContent(): Promise<PublishedContent> {
  const fingerprint = import.meta.env.DEV ? contentFingerprint() : undefined;
  if (!loaded || loaded.fingerprint !== fingerprint) {
    // A failed read is kept too: every page awaits it, the report is built once.
    loaded = { fingerprint, content: Promise.resolve().then(load) };
  }
  return loaded.content;
}

/**
 * A value made from the published content once per content: once per build, again after a
 * content edit in `astro dev`. For page data that is costly to derive and shared by many pages.
 */
export function perContent<T>(make: (content: PublishedContent) => T | Promise<T>): () => Promise<T> {
  const made = new WeakMap<PublishedContent, Promise<T>>();
  return async () => {
    const content = await getPublishedContent();
    let value = made.get(content);
    if (!value) made.set(content, (value = Promise.resolve(make(content))));
    return value;
  };
}
