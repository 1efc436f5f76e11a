import { getCollection, getEntry } from 'astro:content';
import { Ledger } from '../lib/ledger/ledger';
import type { HazardList } from '../schemas/hazard-list';
import type { ProgressTable } from '../schemas/progress-table';
import type { Site } from '../schemas/site';

/** What every page presents: the site file, the monthly lists and tables, and the ledger over them. */
export interface PublishedContent {
  site: Site;
  lists: HazardList[];
  tables: ProgressTable[];
  ledger: Ledger;
}

let cached: Promise<PublishedContent> | undefined;

/** Loaded once per build from the content collections; pages share the one ledger. */
export function getPublishedContent(): Promise<PublishedContent> {
  return (cached ??= (async () => {
    const site = (await getEntry('site', 'site'))!.data;
    const lists = (await getCollection('hazardLists'))
      .map((e) => e.data)
      .sort((a, b) => a.month.localeCompare(b.month));
    const tables = (await getCollection('progressTables'))
      .map((e) => e.data)
      .sort((a, b) => a.month.localeCompare(b.month));
    return { site, lists, tables, ledger: new Ledger(lists) };
  })());
}
