import { spawnSync } from 'node:child_process';

/** Runs git in `cwd` with a fixed author (for history tests in temporary repositories); throws on an error. */
export function git(cwd: string, ...args: string[]): void {
  const run = spawnSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}${run.stdout}`);
}
