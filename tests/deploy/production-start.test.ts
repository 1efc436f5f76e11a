/**
 * The production server (src/server/main.ts, run here from its sources; tests/deploy/server-build.test.ts
 * runs the built file a county runs) refuses to start rather than run unsafely: without a store, without
 * the proof-of-work key, or on an S3 server that ignores conditional create.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startS3 } from '../stores/support/s3-server';

const KEY = 'start-test-hmac-key-0123456789abcdef0123456789';

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const clean = { ...process.env };
  for (const name of ['TIP_STORE', 'TIP_POW_HMAC_KEY', 'S3_ENDPOINT']) delete clean[name];
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/node', ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...clean, PORT: '0', ...env },
      timeout: 60_000,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // Started means it works: stop it and report.
    child.stdout.on('data', () => {
      if (output.includes('举报服务已启动')) child.kill('SIGTERM');
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the production server’s start-up', () => {
  it('needs TIP_STORE: there are no Netlify Blobs on a server of one’s own', async () => {
    const run = await start({ TIP_POW_HMAC_KEY: KEY });
    expect(run.code).toBe(1);
    expect(run.output).toContain('请设置 TIP_STORE');
  });

  it('needs TIP_POW_HMAC_KEY of at least 32 characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    try {
      const run = await start({ TIP_STORE: `file:${dir}`, TIP_POW_HMAC_KEY: 'short' });
      expect(run.code).toBe(1);
      expect(run.output).toContain('请设置 TIP_POW_HMAC_KEY');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts on a file store and says where the queue is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    try {
      const run = await start({ TIP_STORE: `file:${dir}`, TIP_POW_HMAC_KEY: KEY });
      expect(run.output).toContain(`举报队列：文件夹 ${dir}`);
      expect(run.output).toContain('/api/tips');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an S3 server that ignores If-None-Match: *', async () => {
    const s3 = await startS3({ enforceConditionalCreate: false });
    try {
      const run = await start({ ...s3.env, TIP_STORE: `s3://${s3.bucket}/q`, TIP_POW_HMAC_KEY: KEY });
      expect(run.code).toBe(1);
      expect(run.output).toContain('不支持“不存在才写入”');
    } finally {
      await s3.stop();
    }
  });
});
