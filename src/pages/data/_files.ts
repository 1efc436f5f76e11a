import { dataFiles, type DataFile } from '../../lib/disclosure/open-data';
import { disclosureContext } from '../_context';

/** The open-data files of this build: the endpoints serve them, /data/ lists them with checksums. */
export async function openDataFiles(): Promise<DataFile[]> {
  const { site, ledger } = await disclosureContext();
  return dataFiles({ township: site.township, campaign: site.campaign, sample: site.sample }, ledger);
}
