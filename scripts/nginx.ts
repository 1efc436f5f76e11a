/**
 * Debian's real nginx running the shipped deploy/nginx.conf, with only its ports and paths
 * substituted, inside a throw-away folder: for the deploy-kit test (nginx -t), the self-hosting
 * browser test and the tip intake benchmark.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CHALLENGES_RATE_LIMIT, TIPS_RATE_LIMIT } from '../src/server/rate-limits';

export const NGINX = '/usr/sbin/nginx';
export const SHIPPED_CONFIG = join(import.meta.dirname, '..', 'deploy', 'nginx.conf');

export interface NginxPlan {
  /** Folder for the wrapper config, logs, pid and temporary files. */
  dir: string;
  /** nginx's root (the site must be at webRoot + SITE_BASE). */
  webRoot: string;
  httpsPort: number;
  httpPort: number;
  /** The Node service's port. */
  servicePort: number;
  /** Raise the per-address rate limits (the benchmark sends 200 tips from one address). */
  rates?: { tipsPerMinute: number; challengesPerMinute: number; burst: number };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function replaceAll(text: string, from: string | RegExp, to: string, what: string): string {
  const matched = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!matched)
    throw new Error(`the shipped nginx.conf no longer has ${what} (${String(from)}): update scripts/nginx.ts`);
  return typeof from === 'string' ? text.split(from).join(to) : text.replace(new RegExp(from.source, 'g'), to);
}

/** A self-signed certificate for 127.0.0.1 (openssl). */
export function selfSignedCertificate(dir: string): { certificate: string; key: string } {
  const certificate = join(dir, 'tls.crt');
  const key = join(dir, 'tls.key');
  if (!existsSync(certificate)) {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        certificate,
      ],
      { stdio: 'ignore' },
    );
  }
  return { certificate, key };
}

/**
 * The shipped config with this plan's ports and paths: listen addresses, certificate, web root,
 * access log, the service's port (and, for the benchmark, the rate limits). Every substitution
 * must find its target, so a change to the shipped file cannot silently escape the tests.
 */
export function substitutedConfig(plan: NginxPlan, shipped = readFileSync(SHIPPED_CONFIG, 'utf8')): string {
  const { certificate, key } = selfSignedCertificate(plan.dir);
  let text = shipped;
  text = replaceAll(text, '    listen [::]:80;\n', '', 'the IPv6 port 80 listener');
  text = replaceAll(text, '    listen [::]:443 ssl http2;\n', '', 'the IPv6 port 443 listener');
  text = replaceAll(text, 'listen 80;', `listen 127.0.0.1:${plan.httpPort};`, 'the port 80 listener');
  text = replaceAll(
    text,
    'listen 443 ssl http2;',
    `listen 127.0.0.1:${plan.httpsPort} ssl http2;`,
    'the port 443 listener',
  );
  text = replaceAll(text, '/etc/nginx/tls/nanzhuang-tips.crt', certificate, 'the certificate');
  text = replaceAll(text, '/etc/nginx/tls/nanzhuang-tips.key', key, 'the certificate key');
  text = replaceAll(text, '/srv/nanzhuang-tips/www', plan.webRoot, 'the web root');
  text = replaceAll(
    text,
    '/var/log/nginx/nanzhuang-tips.access.log',
    join(plan.dir, 'site-access.log'),
    'the access log',
  );
  text = replaceAll(text, 'server 127.0.0.1:8787;', `server 127.0.0.1:${plan.servicePort};`, 'the service address');
  if (plan.rates) {
    // The shipped values come from src/server/rate-limits.ts, as the kit wrote them.
    const rate = (zone: string, perMinute: number) => `zone=${zone}:1m rate=${perMinute}r/m;`;
    const burst = (zone: string, value: number) => `zone=${zone} burst=${value} nodelay;`;
    const { tipsPerMinute, challengesPerMinute } = plan.rates;
    text = replaceAll(
      text,
      rate('nanzhuang_tips', TIPS_RATE_LIMIT.perMinute),
      rate('nanzhuang_tips', tipsPerMinute),
      'the tip rate',
    );
    text = replaceAll(
      text,
      rate('nanzhuang_challenges', CHALLENGES_RATE_LIMIT.perMinute),
      rate('nanzhuang_challenges', challengesPerMinute),
      'the challenge rate',
    );
    text = replaceAll(
      text,
      burst('nanzhuang_tips', TIPS_RATE_LIMIT.burst),
      burst('nanzhuang_tips', plan.rates.burst),
      'the tip burst',
    );
    text = replaceAll(
      text,
      burst('nanzhuang_challenges', CHALLENGES_RATE_LIMIT.burst),
      burst('nanzhuang_challenges', plan.rates.burst),
      'the challenge bursts',
    );
  }
  return text;
}

/** nginx.conf around the shipped file: what /etc/nginx/nginx.conf gives it on a Debian server. */
export function writeWrapper(plan: NginxPlan, shipped?: string): string {
  mkdirSync(plan.dir, { recursive: true });
  const site = join(plan.dir, 'nanzhuang-tips.conf');
  writeFileSync(site, substitutedConfig(plan, shipped));
  const temp = (name: string) => join(plan.dir, name);
  const wrapper = join(plan.dir, 'nginx.conf');
  writeFileSync(
    wrapper,
    [
      // As root, workers would otherwise drop to nobody, who cannot read a test's private folders.
      ...(process.getuid?.() === 0 ? ['user root root;'] : []),
      'worker_processes 1;',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '    include /etc/nginx/mime.types;',
      '    default_type application/octet-stream;',
      `    access_log ${temp('http-access.log')};`,
      `    client_body_temp_path ${temp('client_body')};`,
      `    proxy_temp_path ${temp('proxy')};`,
      `    fastcgi_temp_path ${temp('fastcgi')};`,
      `    uwsgi_temp_path ${temp('uwsgi')};`,
      `    scgi_temp_path ${temp('scgi')};`,
      `    include ${site};`,
      '}',
      '',
    ].join('\n'),
  );
  return wrapper;
}

/** `nginx -t`: throws with nginx's own message when the configuration is refused. */
export function testConfig(wrapper: string, dir: string): string {
  return execFileSync(NGINX, ['-t', '-p', dir, '-c', wrapper], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface RunningNginx {
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const { connect } = await import('node:net');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listening on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startNginx(plan: NginxPlan): Promise<RunningNginx> {
  const wrapper = writeWrapper(plan);
  testConfig(wrapper, plan.dir);
  const child = spawn(NGINX, ['-p', plan.dir, '-c', wrapper, '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(plan.httpsPort, 15_000);
  return {
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}
