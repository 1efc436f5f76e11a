import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { getStore, type Store } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { TIPS_STORE } from '../../lib/tips/queue';
import { CHALLENGES_STORE } from '../../lib/tips/spent-challenges';
import { TRIAGE_STORE } from '../../lib/office/triage';
import { projectRoot } from './files';

export interface Queue {
  /** Which queue this is, said at the top of every tips command. */
  description: string;
  tips: Store;
  triage: Store;
  /** The proof-of-work replay guard: only `tips sweep` touches it. */
  challenges: Store;
  close(): Promise<void>;
}

/** The site ID under which NetlifyDev (npm start) keeps its local Blobs: "0" unless linked. */
function localSiteId(directory: string): string {
  const entries = join(directory, 'entries');
  const sites = existsSync(entries) ? readdirSync(entries) : [];
  return process.env.OFFICE_BLOBS_SITE_ID ?? (sites.length === 1 ? sites[0]! : '0');
}

/**
 * Production when NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN are set; otherwise the local
 * store that `npm start` uses (NetlifyDev keeps it under .netlify/blobs-serve), opened
 * from this process by starting a Blobs server of our own on the same folder.
 */
export async function openQueue(): Promise<Queue> {
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
