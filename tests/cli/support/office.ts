/**
 * Runs the office commands against a temporary copy of the sample content, so a test can change
 * files freely: `office` calls them in this process (`runOffice`, with the test's environment and
 * writers that record what they print); `spawnOffice` runs the real `npm run office` entry in a
 * process of its own, for the few tests of the entry itself.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { runOffice } from '../../../src/cli/office/run';
import { TEST_HMAC_KEY } from '../../functions/support/tip-line';

export interface Workspace {
  dir: string;
  content: string;
  env: Record<string, string>;
  remove(): void;
}

export function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'office-'));
  const content = join(dir, 'content');
  cpSync('content', content, { recursive: true });
  return {
    dir,
    content,
    env: { CONTENT_DIR: content },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for messages that may go to either. */
  output: string;
}

/** This process's environment without production credentials: those in a developer's shell must never reach a test run. */
function testEnv(env: Record<string, string>): Record<string, string | undefined> {
  const clean: Record<string, string | undefined> = { ...process.env };
  delete clean.NETLIFY_SITE_ID;
  delete clean.NETLIFY_AUTH_TOKEN;
  return { ...clean, ...env };
}

/** `npm run office -- <args>` in this process, with `env` added to the environment and a clock at `now`. */
export async function office(
  args: string[],
  env: Record<string, string>,
  { now = () => new Date() }: { now?: () => Date } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runOffice(args, {
    env: testEnv(env),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now,
    cwd: process.cwd(),
  });
  return { status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** The real `npm run office` entry (`tsx src/cli/office.ts`) in a process of its own. */
export function spawnOffice(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['src/cli/office.ts', ...args], {
      env: testEnv(env),
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
}

/** The workspace's tip queue in a local Netlify Blobs server, as `npm start` keeps one. */
export interface OfficeQueue {
  /** The server's folder, which the office commands open (OFFICE_BLOBS_DIR). */
  blobs: string;
  /** The Blobs context the handlers and getStore use in this process. */
  context: { siteID: string; token: string; edgeURL: string; uncachedEdgeURL: string };
  /** The workspace's environment with OFFICE_BLOBS_DIR; the commands find the site ID themselves. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the server in the workspace, points this process's Blobs context at it and sets a test
 * proof-of-work key for the tip handlers; `stop` undoes both.
 */
export async function startOfficeQueue(ws: Workspace, name: string): Promise<OfficeQueue> {
  const blobs = join(ws.dir, 'blobs');
  const context = { siteID: `${name}-test-site`, token: `${name}-test-token`, edgeURL: '', uncachedEdgeURL: '' };
  const server = new BlobsServer({ directory: blobs, token: context.token, logger: () => {} });
  const { port } = await server.start();
  context.edgeURL = context.uncachedEdgeURL = `http://localhost:${port}`;
  setEnvironmentContext(context);
  process.env.TIP_POW_HMAC_KEY = TEST_HMAC_KEY;
  return {
    blobs,
    context,
    env: { ...ws.env, OFFICE_BLOBS_DIR: blobs },
    async stop() {
      delete process.env.TIP_POW_HMAC_KEY;
      await server.stop();
    },
  };
}
