/**
 * Runs a command and measures its wall time and peak memory. Memory is the peak of the
 * summed resident set of the whole process tree, polled from /proc: `astro build` and
 * Pagefind start children, and /usr/bin/time would only see the largest single one.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measured {
  command: string;
  wallMs: number;
  peakRssBytes: number;
  code: number;
  /** Last lines of stdout and stderr, for failures. */
  tail: string;
}

const PAGE = 4096;

function processTable(): Map<number, { ppid: number; rss: number }> {
  const table = new Map<number, { ppid: number; rss: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // `pid (comm) state ppid …` — comm may hold spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const rss = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]) * PAGE;
      table.set(Number(name), { ppid: Number(fields[1]), rss });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** Summed RSS of `root` and all its descendants. */
export function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Print the command's output as it runs. */
  echo?: boolean;
}

export function measure(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peak = 0;
    const poll = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({
        command: [command, ...args].join(' '),
        wallMs: performance.now() - started,
        peakRssBytes: peak,
        code: code ?? 1,
        tail,
      });
    });
  });
}

// Pure, with the other figures' helpers (unit-tested there).
export { median } from './report';
