/**
 * The production server as a county runs it: `npm run build:server` bundles it into
 * build/server/main.mjs, which starts on the system's Node 20 from a folder with no node_modules
 * and no sources, and answers on a file store and on an S3 store (the AWS SDK inside the bundle).
 * And src/server/functions.ts, the list the bundle mounts, is every module of netlify/functions/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_EXTERNAL, buildServer } from '../../scripts/build-server.mjs';
import { FUNCTION_MODULES } from '../../src/server/functions';
import { functionRoutes, loadFunctionRoutes } from '../../src/server/production';
import { startS3 } from '../stores/support/s3-server';

const SYSTEM_NODE = '/usr/bin/node';
const KEY = 'build-test-hmac-key-0123456789abcdef0123456789';

describe('the functions the server mounts', () => {
  it('src/server/functions.ts lists every module of netlify/functions/, and they give the same routes', async () => {
    const files = readdirSync('netlify/functions').filter((f) => /\.(mts|mjs|ts|js)$/.test(f));
    expect(Object.keys(FUNCTION_MODULES).sort()).toEqual(files.sort());
    const listed = functionRoutes(FUNCTION_MODULES).map(({ path, name }) => ({ path, name }));
    const found = (await loadFunctionRoutes('netlify/functions')).map(({ path, name }) => ({ path, name }));
    expect(listed).toEqual(found);
    expect(listed.map((r) => r.path)).toContain('/api/tips');
  });
});

describe('the built server on the system Node, with no node_modules', () => {
  let work: string;
  let main: string;
  let external: string[];
  let officeExternal: string[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'server-build-'));
    const built = await buildServer({ out: join(work, 'out') });
    external = built.external;
    officeExternal = built.office.external;
    // What a county copies: build/server only.
    cpSync(join(work, 'out'), join(work, 'app', 'build', 'server'), { recursive: true });
    main = join(work, 'app', 'build', 'server', 'main.mjs');
    expect(existsSync(built.outfile)).toBe(true);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function start(env: Record<string, string>) {
    const clean = { ...process.env };
    for (const name of ['TIP_STORE', 'TIP_POW_HMAC_KEY', 'S3_ENDPOINT', 'NODE_PATH', 'NODE_OPTIONS'])
      delete clean[name];
    const child = spawn(SYSTEM_NODE, [main], {
      cwd: join(work, 'app'),
      env: { ...clean, PORT: '0', TIP_POW_HMAC_KEY: KEY, DIST_DIR: join(work, 'app', 'dist'), ...env },
      timeout: 60_000,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      child.stdout.on('data', () => {
        if (output.includes('举报服务已启动')) child.kill('SIGTERM');
      });
      child.on('close', (code) => resolve({ code, output }));
    });
  }

  it('the bundle imports nothing but Node’s own modules', () => {
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter((path) => !isBuiltin(path))).toEqual([]);
  });

  it('the office bundle imports only Node’s modules and the packages its photo and PDF commands load', () => {
    expect(officeExternal.filter((path) => !isBuiltin(path)).sort()).toEqual([...OFFICE_EXTERNAL].sort());
  });

  it('the timers’ office commands run from the bundle: tips sweep on a file store, with the site file', () => {
    cpSync('content', join(work, 'app', 'content'), { recursive: true });
    const clean = { ...process.env };
    for (const name of ['TIP_STORE', 'NODE_PATH', 'NODE_OPTIONS', 'CONTENT_DIR']) delete clean[name];
    const run = spawnSync(SYSTEM_NODE, [join(work, 'app', 'build', 'server', 'office.mjs'), 'tips', 'sweep'], {
      cwd: join(work, 'app'),
      env: { ...clean, TIP_STORE: `file:${join(work, 'office-queue')}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('防滥用校验记录');
  });

  it('runs on Node 20', () => {
    const version = spawn(SYSTEM_NODE, ['--version']);
    return new Promise<void>((resolve) => {
      let out = '';
      version.stdout.on('data', (d: Buffer) => (out += d.toString()));
      version.on('close', () => {
        expect(out).toMatch(/^v20\./);
        resolve();
      });
    });
  });

  it('starts on a file store and mounts the tip functions', async () => {
    const run = await start({ TIP_STORE: `file:${join(work, 'queue')}` });
    expect(run.output).toContain(`举报队列：文件夹 ${join(work, 'queue')}`);
    expect(run.output).toContain('/api/tips/challenge、/api/tips/limited、/api/tips');
    expect(run.output).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
  });

  it('refuses to start without a store, in Chinese, as the sources do', async () => {
    const run = await start({});
    expect(run.code).toBe(1);
    expect(run.output).toContain('请设置 TIP_STORE');
  });

  it('starts on an S3 store that honours conditional create (the AWS SDK is in the bundle)', async () => {
    const s3 = await startS3({ enforceConditionalCreate: true });
    try {
      const run = await start({ ...s3.env, TIP_STORE: `s3://${s3.bucket}/q` });
      expect(run.output).toContain(`举报队列：对象存储 s3://${s3.bucket}/q`);
      expect(run.output).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    } finally {
      await s3.stop();
    }
  }, 60_000);
});
