import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { TIPS_STORE, type QueueStore } from '../../lib/tips/queue';
import { CHALLENGES_STORE } from '../../lib/tips/spent-challenges';
import { TRIAGE_STORE } from '../../lib/tip-handling/triage';
import {
  closeTipStores,
  describeTipStore,
  openTipStore,
  parseTipStore,
  TIP_STORE_VARIABLE,
} from '../../server/stores/select';
import { OfficeError } from './args';
import { projectRoot } from './files';

export interface Queue {
  /** Which queue this is, said at the top of every tips command. */
  description: string;
  tips: QueueStore;
  triage: QueueStore;
  /** The proof-of-work replay guard: only `tips sweep` touches it. */
  challenges: QueueStore;
  close(): Promise<void>;
}

/** The site ID under which NetlifyDev (npm start) keeps its local Blobs: "0" unless linked. */
function localSiteId(directory: string): string {
  const entries = join(directory, 'entries');
  const sites = existsSync(entries) ? readdirSync(entries) : [];
  return process.env.OFFICE_BLOBS_SITE_ID ?? (sites.length === 1 ? sites[0]! : '0');
}

/**
 * The store `TIP_STORE` names (a folder or an S3 bucket on a self-hosted server, see
 * src/server/stores/select.ts), as the tip function there writes it. Otherwise Netlify Blobs:
 * production when NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN are set; otherwise the local
 * store that `npm start` uses (NetlifyDev keeps it under .netlify/blobs-serve), opened
 * from this process by starting a Blobs server of our own on the same folder.
 */
export async function openQueue(): Promise<Queue> {
  let setting;
  try {
    setting = parseTipStore(process.env[TIP_STORE_VARIABLE]);
  } catch (error) {
    throw new OfficeError(`环境变量 ${TIP_STORE_VARIABLE} 设置有误：${(error as Error).message}`);
  }
  if (setting.kind !== 'netlify') {
    return {
      description: `自建服务器的举报队列（${describeTipStore(setting)}）`,
      tips: await openTipStore(TIPS_STORE),
      triage: await openTipStore(TRIAGE_STORE),
      challenges: await openTipStore(CHALLENGES_STORE),
      close: closeTipStores,
    };
  }
  const siteID = process.env.NETLIFY_SITE_ID;
  const token = process.env.NETLIFY_AUTH_TOKEN;
  if (siteID && token) {
    return {
      description: `正式网站的举报队列（Netlify 站点 ${siteID.slice(0, 8)}…）`,
      tips: getStore({ name: TIPS_STORE, siteID, token, consistency: 'strong' }),
      triage: getStore({ name: TRIAGE_STORE, siteID, token, consistency: 'strong' }),
      challenges: getStore({ name: CHALLENGES_STORE, siteID, token, consistency: 'strong' }),
      close: async () => {},
    };
  }
  const directory = process.env.OFFICE_BLOBS_DIR ?? join(projectRoot, '.netlify', 'blobs-serve');
  const serverToken = randomBytes(16).toString('hex');
  const server = new BlobsServer({ directory, token: serverToken, logger: () => {} });
  const { port } = await server.start();
  const url = `http://localhost:${port}`;
  const options = { siteID: localSiteId(directory), token: serverToken, edgeURL: url, uncachedEdgeURL: url };
  return {
    description: `本机测试用的举报队列（npm start 的本地存储 ${directory}），不是正式网站`,
    tips: getStore({ name: TIPS_STORE, ...options, consistency: 'strong' }),
    triage: getStore({ name: TRIAGE_STORE, ...options, consistency: 'strong' }),
    challenges: getStore({ name: CHALLENGES_STORE, ...options, consistency: 'strong' }),
    close: () => server.stop(),
  };
}
