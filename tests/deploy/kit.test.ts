/**
 * The deploy kit and its one source: netlify.toml's [[headers]], deploy/nginx.conf, the systemd
 * units and the production server all give the headers of src/server/headers.ts, and the committed
 * files are exactly what `npm run deploy:kit` makes (edit the source, run it, commit both).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllHeaders } from '@netlify/headers-parser';
import { DEFAULT_KIT, kitFiles, nginxConfig, NETLIFY_BEGIN, withNetlifyHeaders } from '../../scripts/deploy-kit/kit';
import { CONTENT_SECURITY_POLICY, HEADER_RULES, headersFor, ruleMatches } from '../../src/server/headers';
import { API_RULES } from '../../src/server/production';
import { startProductionServer, type RunningServer } from './support/production-server';
import { freePort, NGINX, testConfig, writeWrapper } from '../../scripts/nginx';

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

describe('one source for the headers', () => {
  it('the committed deploy kit is what the source makes (run `npm run deploy:kit` after editing it)', () => {
    for (const [path, text] of Object.entries(kitFiles(DEFAULT_KIT))) {
      expect(readFileSync(path, 'utf8'), `${path} drifted from scripts/deploy-kit/kit.ts`).toBe(text);
    }
    const toml = readFileSync('netlify.toml', 'utf8');
    expect(toml).toContain(NETLIFY_BEGIN);
    expect(toml, 'netlify.toml [[headers]] drifted from src/server/headers.ts').toBe(withNetlifyHeaders(toml));
  });

  it('Netlify’s own parser reads netlify.toml as exactly the rules of the source', async () => {
    const { headers, errors } = await parseAllHeaders({
      headersFiles: [],
      netlifyConfigPath: 'netlify.toml',
      configHeaders: [],
      minimal: true,
    });
    expect(errors).toEqual([]);
    expect(headers.map((h) => ({ for: h.for, values: h.values }))).toEqual(
      HEADER_RULES.map((r) => ({ for: r.for, values: r.values })),
    );
  });

  it('nginx.conf gives every location the merged headers of the rules matching its paths', () => {
    const conf = readFileSync('deploy/nginx.conf', 'utf8');
    const base = DEFAULT_KIT.base;
    const blocks = [...conf.matchAll(/location (= )?(\S+) \{\n([\s\S]*?)\n {4}\}/g)];
    const headersOf = (location: string) => {
      const block = blocks.find((b) => b[2] === location);
      expect(block, location).toBeDefined();
      return Object.fromEntries(
        [...block![3]!.matchAll(/add_header (\S+) "([^"]*)" always;/g)].map((m) => [m[1]!, m[2]!]),
      );
    };
    for (const path of ['/', '/report/', '/receipt/', '/receipts.json']) {
      expect(headersOf(`${base}${path.slice(1)}`), path).toEqual(headersFor(path));
    }
    for (const path of ['/api/tips', '/api/tips/challenge', '/api/']) {
      expect(headersOf(`${base}${path.slice(1)}`), path).toEqual(headersFor(path, API_RULES));
    }
    // Every site path a page of each type has is covered by a location with its headers.
    for (const path of ['/hazards/NZ-2023-0001/', '/data/ledger.json', '/pagefind/pagefind.js', '/404.html']) {
      expect(headersFor(path)).toEqual(headersOf(base));
    }
  });

  it('the CSP is the same string everywhere and allows nothing inline but its hashes', () => {
    expect(readFileSync('netlify.toml', 'utf8')).toContain(`Content-Security-Policy = "${CONTENT_SECURITY_POLICY}"`);
    expect(readFileSync('deploy/nginx.conf', 'utf8')).toContain(
      `add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`,
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('matches paths the way Netlify does', () => {
    expect(ruleMatches('/*', '/anything/at/all')).toBe(true);
    expect(ruleMatches('/report/*', '/report/')).toBe(true);
    expect(ruleMatches('/report/*', '/report')).toBe(true);
    expect(ruleMatches('/report/*', '/reports/')).toBe(false);
    expect(ruleMatches('/receipts.json', '/receipts.json')).toBe(true);
    expect(ruleMatches('/receipts.json', '/receipts.json.bak')).toBe(false);
  });
});

describe('the production server applies the same headers', () => {
  let origin: string;
  let server: RunningServer;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'prod-dist-'));
    for (const dir of ['report', 'receipt', 'hazards/NZ-2023-0001']) mkdirSync(join(dist, dir), { recursive: true });
    for (const page of [
      'index.html',
      '404.html',
      'report/index.html',
      'receipt/index.html',
      'hazards/NZ-2023-0001/index.html',
    ]) {
      writeFileSync(join(dist, page), `<!doctype html><title>${page}</title>`);
    }
    writeFileSync(join(dist, 'receipts.json'), '{"receipts":[]}');
    server = await startProductionServer(dist, '/nanzhuang/yinhuan/');
    origin = server.origin;
  });
  afterAll(() => server.stop());

  const headersOf = (res: Response) => {
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k] = v));
    return out;
  };

  it('static pages of each kind, under the base path', async () => {
    for (const path of ['/', '/report/', '/receipt/', '/receipts.json', '/hazards/NZ-2023-0001/']) {
      const res = await fetch(`${origin}/nanzhuang/yinhuan${path}`);
      expect(res.status, path).toBe(200);
      expect(headersOf(res), path).toMatchObject(lower(headersFor(path)));
    }
  });

  it('a missing page: 404.html with the site headers; a folder without its slash is redirected', async () => {
    const missing = await fetch(`${origin}/nanzhuang/yinhuan/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('404.html');
    expect(headersOf(missing)).toMatchObject(lower(headersFor('/')));
    const folder = await fetch(`${origin}/nanzhuang/yinhuan/report?x=1`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/nanzhuang/yinhuan/report/?x=1');
    const bare = await fetch(`${origin}/nanzhuang/yinhuan`, { redirect: 'manual' });
    expect(bare.headers.get('location')).toBe('/nanzhuang/yinhuan/');
    const outside = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(outside.headers.get('location')).toBe('/nanzhuang/yinhuan/');
    expect((await fetch(`${origin}/nanzhuang/yinhuan/../../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${origin}/nanzhuang/yinhuan/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

  it('the functions at their paths, with and without the base, with the API rules over their own headers', async () => {
    for (const url of ['/api/tips/challenge', '/nanzhuang/yinhuan/api/tips/challenge']) {
      const res = await fetch(`${origin}${url}`);
      expect(res.status, url).toBe(200);
      const headers = headersOf(res);
      expect(headers['cache-control']).toBe('no-store');
      expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    const wrongMethod = await fetch(`${origin}/api/tips`);
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as { code: string }).code).toBe('method_not_allowed');
    expect((await fetch(`${origin}/api/tips/limited`)).status).toBe(429);
  });
});

describe('the shipped configurations are accepted by the real programs', () => {
  it('nginx -t accepts deploy/nginx.conf (ports and paths substituted) in an http block', async () => {
    expect(spawnSync(NGINX, ['-v']).status, `nginx is needed at ${NGINX} (apt-get install nginx)`).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'nginx-kit-'));
    try {
      const plan = {
        dir,
        webRoot: join(dir, 'www'),
        httpsPort: await freePort(),
        httpPort: await freePort(),
        servicePort: 8787,
      };
      expect(() => testConfig(writeWrapper(plan), dir)).not.toThrow();
      // A kit made for the root of a domain is valid too.
      expect(() => testConfig(writeWrapper(plan, nginxConfig({ ...DEFAULT_KIT, base: '/' })), dir)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('systemd-analyze verify accepts the units, when systemd is there', () => {
    const analyze = spawnSync('systemd-analyze', ['--version']);
    if (analyze.status !== 0) return; // no systemd on this machine: nothing to ask
    const dir = mkdtempSync(join(tmpdir(), 'units-'));
    try {
      const units = [
        'nanzhuang-tips.service',
        'nanzhuang-tips-sweep.service',
        'nanzhuang-tips-sweep.timer',
        'nanzhuang-tips-digest.service',
        'nanzhuang-tips-digest.timer',
      ];
      for (const name of units) {
        // ExecStart's program is /usr/bin/node, which exists here, so verify checks the whole unit.
        writeFileSync(join(dir, name), readFileSync(join('deploy', name), 'utf8'));
      }
      const run = spawnSync(
        'systemd-analyze',
        [
          'verify',
          '--man=no',
          ...['nanzhuang-tips.service', 'nanzhuang-tips-sweep.timer', 'nanzhuang-tips-digest.timer'].map((n) =>
            join(dir, n),
          ),
        ],
        {
          encoding: 'utf8',
        },
      );
      const complaints = `${run.stdout}${run.stderr}`
        .split('\n')
        .filter(
          (line) =>
            line.includes(dir) && !/Failed to (create|set up)|WorkingDirectory|EnvironmentFile|ExecStart/.test(line),
        );
      expect(complaints).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the unit runs unprivileged, hardened, with a private state folder', () => {
    const unit = readFileSync('deploy/nanzhuang-tips.service', 'utf8');
    for (const line of [
      'User=nanzhuang-tips',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'PrivateTmp=yes',
      'StateDirectory=nanzhuang-tips',
      'StateDirectoryMode=0700',
      'UMask=0077',
      'CapabilityBoundingSet=',
      'Environment=TIP_STORE=file:/var/lib/nanzhuang-tips',
    ]) {
      expect(unit).toContain(`${line}\n`);
    }
    expect(readFileSync('deploy/nanzhuang-tips-sweep.timer', 'utf8')).toContain('OnCalendar=hourly');
  });

  it('the daily digest runs `tips digest --send` at 09:00 China time, under the same hardening', () => {
    const unit = readFileSync('deploy/nanzhuang-tips-digest.service', 'utf8');
    expect(unit).toContain(
      'ExecStart=/usr/bin/node /srv/nanzhuang-tips/app/build/server/office.mjs tips digest --send\n',
    );
    expect(unit).toContain('EnvironmentFile=/etc/nanzhuang-tips/env\n');
    expect(unit).toContain('NoNewPrivileges=yes\n');
    const timer = readFileSync('deploy/nanzhuang-tips-digest.timer', 'utf8');
    expect(timer).toContain('OnCalendar=*-*-* 09:00:00 Asia/Shanghai\n');
    const calendar = spawnSync('systemd-analyze', ['calendar', '*-*-* 09:00:00 Asia/Shanghai'], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
    });
    if (calendar.status === null) return; // no systemd-analyze here
    expect(calendar.status, calendar.stderr).toBe(0);
    expect(calendar.stdout).toMatch(/Next elapse: .* 01:00:00 UTC/);
  });
});
