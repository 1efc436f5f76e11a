import { sha256Hex } from '../../lib/bytes';
import { byteLength, dataFileSpecs, type DataFile, type DataFileSpec } from '../../lib/disclosure/open-data';
import { perContent } from '../../data/content';

/** A file as /data/ lists it: size and SHA-256 of exactly the string its endpoint serves. */
export interface ListedDataFile extends Omit<DataFile, 'body'> {
  bytes: number;
  sha256: string;
}

type Checksum = Pick<ListedDataFile, 'bytes' | 'sha256'>;

/**
 * The open-data files of this build, bodies made on demand. At county scale (50,000 hazards)
 * the bodies are half a gigabyte, so none is kept: each endpoint makes its body, serves it and
 * notes its size and checksum for /data/, which the build renders after the endpoints. A body
 * whose checksum was not noted (`astro dev`, or another order) is made again for /data/.
 */
const openData = perContent(({ site, ledger, tables }) => ({
  specs: dataFileSpecs(
    { township: site.township, campaign: site.campaign, sample: site.sample },
    ledger,
    tables,
    site.villages.map((v) => v.name),
  ),
  checksums: new Map<string, Checksum>(),
}));

const checksum = async (body: string): Promise<Checksum> => ({
  bytes: byteLength(body),
  sha256: await sha256Hex(body),
});

/** The paths of the open-data files, e.g. `/data/2023-07.csv`. */
export async function openDataPaths(): Promise<string[]> {
  return (await openData()).specs.map((file) => file.path);
}

/** What /data/ lists: every file with its size and checksum. */
export async function openDataIndex(): Promise<ListedDataFile[]> {
  const { specs, checksums } = await openData();
  return Promise.all(
    specs.map(async ({ make, ...file }: DataFileSpec) => ({
      ...file,
      ...(checksums.get(file.path) ?? (await checksum(make()))),
    })),
  );
}

/** The body of one open-data file, e.g. `/data/2023-07.csv`. */
export async function openDataBody(path: string): Promise<Pick<DataFile, 'format' | 'body'> | undefined> {
  const { specs, checksums } = await openData();
  const spec = specs.find((f) => f.path === path);
  if (!spec) return undefined;
  const body = spec.make();
  checksums.set(path, await checksum(body));
  return { format: spec.format, body };
}
