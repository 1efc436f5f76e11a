/**
 * Runs the real office CLI (`tsx src/cli/office.ts`, as `npm run office` does) against a
 * temporary copy of the sample content, so a test can change files freely.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export function office(args: string[], env: Record<string, string>): Run {
  const clean = { ...process.env };
  // Production credentials in the developer's shell must never reach a test run.
  delete clean.NETLIFY_SITE_ID;
  delete clean.NETLIFY_AUTH_TOKEN;
  const result = spawnSync('node_modules/.bin/tsx', ['src/cli/office.ts', ...args], {
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}
