import { dataFiles, type DataFile } from '../../lib/disclosure/open-data';
import { disclosureContext } from '../_context';

let cached: Promise<DataFile[]> | undefined;

/**
 * The open-data files of this build: the endpoints serve them, /data/ lists them with checksums.
 * Made once per build: every endpoint asks for the whole list, and remaking it per file
 * (the full ledger as JSON, every month as JSON and CSV) grew with months × hazards.
 */
export function openDataFiles(): Promise<DataFile[]> {
  return (cached ??= disclosureContext().then(({ site, ledger }) =>
    dataFiles({ township: site.township, campaign: site.campaign, sample: site.sample }, ledger),
  ));
}
