/**
 * The queue in a directory on the server (`TIP_STORE=file:/var/lib/nanzhuang-tips`): a
 * `QueueStore` (src/lib/tips/queue.ts) for hosts without Netlify Blobs or an object store.
 *
 * Layout: `<root>/<store>/<key>`, one file per entry: a first line of JSON
 * `{"v":1,"metadata":{…}}`, then the value's bytes exactly as given (for a tip, the age file).
 * Folders are mode 0700 and files 0600: readable only by the service user.
 *
 * Writes: the entry is written to a temporary file in the same folder, flushed to disk (fsync),
 * and only then given its name — by `link()` for create-if-absent (fails with EEXIST when the
 * name exists, atomically, for any number of writers in any number of processes), by `rename()`
 * for an overwrite — after which the folder is flushed too. A reader never sees half an entry, and
 * a write whose promise resolved survives a power cut.
 *
 * Time of day: the file's modification and access times, and its folder's, are set to midnight
 * (China time) of the day written, so `ls -l` shows the day only. The inode change time (ctime)
 * and birth time cannot be set from user space; see docs/threat-model.md.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, link, mkdir, open, readdir, rename, stat, unlink, utimes, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { chinaDay } from '../../schemas/common';
import { EntryStore, STORE_KEY, toBytes, type SetOptions, type StoredEntry } from './entry-store';

const TEMP_PREFIX = '.tmp-';
const HEADER_VERSION = 1;
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export class StoreKeyError extends Error {}

function checkName(name: string, what: string): string {
  if (!STORE_KEY.test(name)) throw new StoreKeyError(`${what} not allowed in a file store: ${JSON.stringify(name)}`);
  return name;
}

/** Midnight, China time, of the day `now` falls on there. */
export function midnightInChina(now: Date): Date {
  return new Date(`${chinaDay(now)}T00:00:00+08:00`);
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseEntry(bytes: Uint8Array, path: string): StoredEntry {
  const newline = bytes.indexOf(0x0a);
  const header =
    newline < 0 ? undefined : (JSON.parse(Buffer.from(bytes.subarray(0, newline)).toString('utf8')) as unknown);
  const h = header as { v?: unknown; metadata?: unknown } | undefined;
  if (h?.v !== HEADER_VERSION || typeof h.metadata !== 'object' || h.metadata === null) {
    throw new Error(`not an entry of this store: ${path}`);
  }
  return { metadata: h.metadata as Record<string, unknown>, data: bytes.subarray(newline + 1) };
}

/** Reads the first line only: metadata without the (up to 5 MB) value. */
async function readHeader(handle: FileHandle, path: string): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const buffer = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    chunks.push(chunk);
    position += bytesRead;
    if (chunk.includes(0x0a)) break;
  }
  return parseEntry(new Uint8Array(Buffer.concat(chunks)), path).metadata;
}

export interface FileStoreOptions {
  /** The clock, for tests: only its day is ever written. */
  now?: () => Date;
}

export class FileStore extends EntryStore {
  readonly directory: string;
  private ready: Promise<void> | undefined;
  private readonly now: () => Date;

  constructor(root: string, name: string, options: FileStoreOptions = {}) {
    super();
    this.directory = join(root, checkName(name, 'store name'));
    this.now = options.now ?? (() => new Date());
  }

  /** Creates the folder (0700) on first use, and refuses one others can read. */
  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.directory, { recursive: true, mode: DIR_MODE });
      const mode = (await stat(this.directory)).mode & 0o777;
      if (mode & 0o077) await chmod(this.directory, DIR_MODE);
    })();
    return this.ready;
  }

  private path(key: string): string {
    return join(this.directory, checkName(key, 'key'));
  }

  protected async read(key: string): Promise<StoredEntry | null> {
    const path = this.path(key);
    let handle: FileHandle;
    try {
      handle = await open(path, constants.O_RDONLY);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
    try {
      return parseEntry(new Uint8Array(await handle.readFile()), path);
    } finally {
      await handle.close();
    }
  }

  async getMetadata(key: string): Promise<{ metadata: Record<string, unknown> } | null> {
    const path = this.path(key);
    let handle: FileHandle;
    try {
      handle = await open(path, constants.O_RDONLY);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
    try {
      return { metadata: await readHeader(handle, path) };
    } finally {
      await handle.close();
    }
  }

  async set(key: string, data: Blob | string | ArrayBuffer, options: SetOptions = {}): Promise<{ modified: boolean }> {
    const path = this.path(key);
    await this.prepare();
    const header = JSON.stringify({ v: HEADER_VERSION, metadata: options.metadata ?? {} });
    const bytes = await toBytes(data);
    const day = midnightInChina(this.now());

    const temp = join(this.directory, `${TEMP_PREFIX}${randomBytes(12).toString('hex')}`);
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
    try {
      await handle.chmod(FILE_MODE); // whatever the umask
      await handle.writeFile(Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), bytes]));
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => {});
      throw error;
    }
    await handle.close();
    await utimes(temp, day, day);

    let modified = true;
    try {
      if (options.onlyIfNew) {
        try {
          await link(temp, path);
        } catch (error) {
          if (!isCode(error, 'EEXIST')) throw error;
          modified = false;
        }
        await unlink(temp);
      } else {
        await rename(temp, path);
      }
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
    if (modified) await this.settleFolder(day);
    return { modified };
  }

  /** Flushes the folder (the new name is on disk) and sets its times to the day. */
  private async settleFolder(day: Date): Promise<void> {
    await utimes(this.directory, day, day).catch(() => {});
    await fsyncPath(this.directory);
  }

  async list(): Promise<{ blobs: { key: string }[] }> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { blobs: [] };
      throw error;
    }
    return { blobs: names.filter((n) => !n.startsWith('.') && STORE_KEY.test(n)).map((key) => ({ key })) };
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.path(key));
    } catch (error) {
      if (isCode(error, 'ENOENT')) return;
      throw error;
    }
    await this.settleFolder(midnightInChina(this.now()));
  }
}
