import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BlobsServer } from '@netlify/blobs/server';
import { DIGEST_STORE } from '../../lib/tips/digest';
import { TIPS_STORE, type QueueStore } from '../../lib/tips/queue';
import { ARCHIVED_STORE } from '../../lib/tips/retention';
import { CHALLENGES_STORE } from '../../lib/tips/spent-challenges';
import { TRIAGE_STORE } from '../../lib/tip-handling/triage';
import {
  describeTipStore,
  parseTipStore,
  tipStores,
  TIP_STORE_VARIABLE,
  type NetlifyAccess,
} from '../../server/stores/select';
import { OfficeError } from './args';
import { projectRoot } from './files';
import type { OfficeIo } from './io';

export interface Queue {
  /** Which queue this is, said at the top of every tips command. */
  description: string;
  tips: QueueStore;
  triage: QueueStore;
  /** The proof-of-work replay guard: only `tips sweep` touches it. */
  challenges: QueueStore;
  /** The days a digest went out: only `tips digest --send` touches it. */
  digest: QueueStore;
  /** Items archived but kept for a while (lib/tips/retention.ts): `tips archive` and `tips sweep`. */
  archived: QueueStore;
  close(): Promise<void>;
}

/** The site ID under which NetlifyDev (npm start) keeps its local Blobs: "0" unless linked. */
function localSiteId(io: OfficeIo, directory: string): string {
  const entries = join(directory, 'entries');
  const sites = existsSync(entries) ? readdirSync(entries) : [];
  return io.env.OFFICE_BLOBS_SITE_ID ?? (sites.length === 1 ? sites[0]! : '0');
}

interface Reach {
  description: string;
  netlify?: NetlifyAccess;
  close?: () => Promise<void>;
}

/**
 * How this command reaches Netlify Blobs: production when NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN
 * are set; otherwise the local store that `npm start` uses (NetlifyDev keeps it under
 * .netlify/blobs-serve), opened by starting a Blobs server of our own on the same folder.
 */
async function reachNetlify(io: OfficeIo): Promise<Reach> {
  const siteID = io.env.NETLIFY_SITE_ID;
  const token = io.env.NETLIFY_AUTH_TOKEN;
  if (siteID && token) {
    return { description: `正式网站的举报队列（Netlify 站点 ${siteID.slice(0, 8)}…）`, netlify: { siteID, token } };
  }
  const directory = io.env.OFFICE_BLOBS_DIR ?? join(projectRoot, '.netlify', 'blobs-serve');
  const serverToken = randomBytes(16).toString('hex');
  const server = new BlobsServer({ directory, token: serverToken, logger: () => {} });
  const { port } = await server.start();
  const url = `http://localhost:${port}`;
  return {
    description: `本机测试用的举报队列（npm start 的本地存储 ${directory}），不是正式网站`,
    netlify: { siteID: localSiteId(io, directory), token: serverToken, edgeURL: url, uncachedEdgeURL: url },
    close: () => server.stop(),
  };
}

/**
 * The queue the tip function writes, chosen as it chooses (`TIP_STORE`, src/server/stores/select.ts):
 * a folder or an S3 bucket on a self-hosted server, otherwise Netlify Blobs reached from here.
 */
export async function openQueue(io: OfficeIo): Promise<Queue> {
  let setting;
  try {
    setting = parseTipStore(io.env[TIP_STORE_VARIABLE]);
  } catch (error) {
    throw new OfficeError(`环境变量 ${TIP_STORE_VARIABLE} 设置有误：${(error as Error).message}`);
  }
  const reach: Reach =
    setting.kind === 'netlify'
      ? await reachNetlify(io)
      : { description: `自建服务器的举报队列（${describeTipStore(setting, io.env)}）` };
  const stores = tipStores(io.env, reach.netlify);
  return {
    description: reach.description,
    tips: await stores.open(TIPS_STORE),
    triage: await stores.open(TRIAGE_STORE),
    challenges: await stores.open(CHALLENGES_STORE),
    digest: await stores.open(DIGEST_STORE),
    archived: await stores.open(ARCHIVED_STORE),
    close: async () => {
      await stores.close();
      await reach.close?.();
    },
  };
}
