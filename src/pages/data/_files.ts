import { byteLength, dataFileSpecs, sha256Hex, type DataFile, type DataFileSpec } from '../../lib/disclosure/open-data';
import { disclosureContext } from '../_context';

/** A file as /data/ lists it: size and SHA-256 of exactly the string its endpoint serves. */
export interface ListedDataFile extends Omit<DataFile, 'body'> {
  bytes: number;
  sha256: string;
}

let specs: Promise<DataFileSpec[]> | undefined;
let listed: Promise<ListedDataFile[]> | undefined;

function openDataSpecs(): Promise<DataFileSpec[]> {
  return (specs ??= disclosureContext().then(({ site, ledger }) =>
    dataFileSpecs({ township: site.township, campaign: site.campaign, sample: site.sample }, ledger),
  ));
}

/**
 * The open-data files of this build, listed once: /data/ shows them with checksums and the
 * endpoints are generated from the list. Bodies are made one at a time and not kept — at county
 * scale (50,000 hazards) they are half a gigabyte — and remade by the endpoint that serves them.
 */
export function openDataIndex(): Promise<ListedDataFile[]> {
  return (listed ??= openDataSpecs().then((all) =>
    all.map(({ make, ...file }) => {
      const body = make();
      return { ...file, bytes: byteLength(body), sha256: sha256Hex(body) };
    }),
  ));
}

/** The body of one open-data file, e.g. `/data/2023-07.csv`. */
export async function openDataBody(path: string): Promise<Pick<DataFile, 'format' | 'body'> | undefined> {
  const spec = (await openDataSpecs()).find((f) => f.path === path);
  return spec && { format: spec.format, body: spec.make() };
}
