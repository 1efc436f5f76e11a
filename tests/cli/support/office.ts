/**
 * Runs the real office CLI (`tsx src/cli/office.ts`, as `npm run office` does) against a
 * temporary copy of the sample content, so a test can change files freely.
 */
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * `office` without blocking this process: for tests whose servers (an S3 server, say) run in the
 * test process itself and must keep answering while the CLI talks to them.
 */
export function officeAsync(args: string[], env: Record<string, string>): Promise<Run> {
  const clean = { ...process.env };
  delete clean.NETLIFY_SITE_ID;
  delete clean.NETLIFY_AUTH_TOKEN;
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['src/cli/office.ts', ...args], {
      env: { ...clean, ...env },
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
