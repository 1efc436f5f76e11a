/**
 * Which store holds the queue: environment variable `TIP_STORE`, read the same way by the tip
 * functions (on Netlify and under `npm run serve:production`) and by the office command line.
 *
 *   TIP_STORE unset or `netlify`   Netlify Blobs (the function's own site; the office CLI passes
 *                                  the site and token it reaches it with, see
 *                                  src/cli/office/queue.ts)
 *   TIP_STORE=file:/var/lib/…      a directory on this server (src/server/stores/file.ts)
 *   TIP_STORE=s3://bucket/prefix   an S3-compatible bucket (src/server/stores/s3.ts), with
 *                                  S3_ENDPOINT, S3_REGION and the standard credential variables
 *
 * Every one of them is a `QueueStore` (src/lib/tips/queue.ts): the tip intake, the sweep and the
 * office tools do not know which they talk to. `tipStores` is the one place that chooses.
 */
import { isAbsolute, resolve } from 'node:path';
import { getStore } from '@netlify/blobs';
import type { QueueStore } from '../../lib/tips/queue';
import { FileStore } from './file';
import { parseS3Url, type S3Location } from './s3-url';

export const TIP_STORE_VARIABLE = 'TIP_STORE';

export type TipStoreSetting =
  { kind: 'netlify' } | { kind: 'file'; directory: string } | { kind: 's3'; location: S3Location; url: string };

export class TipStoreSettingError extends Error {}

/** Reads a `TIP_STORE` value; throws with a message naming the accepted forms. */
export function parseTipStore(value: string | undefined): TipStoreSetting {
  const setting = value?.trim() ?? '';
  if (setting === '' || setting === 'netlify') return { kind: 'netlify' };
  if (setting.startsWith('file:')) {
    const path = setting.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path)
      throw new TipStoreSettingError(`${TIP_STORE_VARIABLE}=file: needs a folder, e.g. file:/var/lib/nanzhuang-tips`);
    return { kind: 'file', directory: isAbsolute(path) ? path : resolve(path) };
  }
  if (setting.startsWith('s3://')) {
    try {
      return { kind: 's3', location: parseS3Url(setting), url: setting };
    } catch (error) {
      throw new TipStoreSettingError(`${TIP_STORE_VARIABLE}: ${(error as Error).message}`);
    }
  }
  throw new TipStoreSettingError(
    `${TIP_STORE_VARIABLE}=${setting} is not a store: use netlify, file:/absolute/folder or s3://bucket/prefix`,
  );
}

/** The environment the choice is read from: process.env in a function or the server, the command's in the CLI. */
export type StoreEnv = Readonly<Record<string, string | undefined>>;

/** A short description for logs and the office CLI, without credentials. */
export function describeTipStore(setting: TipStoreSetting, env: StoreEnv = process.env): string {
  switch (setting.kind) {
    case 'netlify':
      return 'Netlify Blobs';
    case 'file':
      return `文件夹 ${setting.directory}`;
    case 's3':
      return `对象存储 ${setting.url}${env.S3_ENDPOINT ? `（${env.S3_ENDPOINT}）` : ''}`;
  }
}

/** How to reach Netlify Blobs from outside a function (the office CLI): a site and a token, maybe a local server. */
export interface NetlifyAccess {
  siteID: string;
  token: string;
  edgeURL?: string;
  uncachedEdgeURL?: string;
}

export interface TipStores {
  /** The store `name` (tips, tip-challenges, tip-triage, tip-digest) as `TIP_STORE` in `env` says. */
  open(name: string): Promise<QueueStore>;
  /** Closes the S3 clients these stores opened (a command-line run ends at once instead of idling). */
  close(): Promise<void>;
}

/**
 * The stores `TIP_STORE` in `env` chooses. Self-hosted stores are opened once per set (one S3
 * client, one folder check); Netlify's are made per call, as `getStore` reads the function's
 * environment each time, unless `netlify` says how to reach them from outside.
 */
export function tipStores(env: StoreEnv, netlify?: NetlifyAccess): TipStores {
  const opened = new Map<string, Promise<QueueStore>>();
  const clients = new Map<string, Promise<import('@aws-sdk/client-s3').S3Client>>();

  async function openS3(setting: { location: S3Location }, name: string): Promise<QueueStore> {
    // Loaded only when used: Netlify's functions never pay for the S3 client.
    const { S3Store, s3ClientConfig } = await import('./s3');
    const config = s3ClientConfig(env);
    const id = JSON.stringify(config);
    let client = clients.get(id);
    if (!client) {
      client = import('@aws-sdk/client-s3').then(({ S3Client }) => new S3Client(config));
      clients.set(id, client);
    }
    return new S3Store(await client, setting.location, name);
  }

  return {
    open(name) {
      const setting = parseTipStore(env[TIP_STORE_VARIABLE]);
      if (setting.kind === 'netlify') return Promise.resolve(getStore({ name, consistency: 'strong', ...netlify }));
      const id = `${env[TIP_STORE_VARIABLE]}\n${env.S3_ENDPOINT ?? ''}\n${name}`;
      let store = opened.get(id);
      if (!store) {
        store =
          setting.kind === 'file' ? Promise.resolve(new FileStore(setting.directory, name)) : openS3(setting, name);
        // A failed open (e.g. the SDK missing) is not remembered: the next request tries again.
        store.catch(() => opened.delete(id));
        opened.set(id, store);
      }
      return store;
    },
    async close() {
      const all = [...clients.values()];
      clients.clear();
      opened.clear();
      for (const client of await Promise.allSettled(all)) if (client.status === 'fulfilled') client.value.destroy();
    },
  };
}

/** The stores of this process's environment: what the tip functions and the production server use. */
const processStores = tipStores(process.env);

/** The store `name` as this process's `TIP_STORE` says (see `tipStores`). */
export const openTipStore = (name: string): Promise<QueueStore> => processStores.open(name);

/** Closes this process's S3 clients (see `tipStores`). */
export const closeTipStores = (): Promise<void> => processStores.close();
