/**
 * The W3C Nu HTML Checker (npm `vnu-jar`, run with the system Java): HTML pages as the W3C
 * validator checks them, and XML files against a RELAX NG schema (the Atom feeds against RFC 4287's).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const JAR = join(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');

/** One problem, `file:line.column-line.column: error: message` as the checker writes it. */
export type NuProblem = string;

function run(args: string[]): Promise<NuProblem[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-jar', JAR, '--errors-only', '--format', 'gnu', ...args]);
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => err.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    // Exit code 1 means "found errors"; anything else non-zero means the checker did not run.
    child.on('close', (code) => {
      const lines = Buffer.concat(err).toString().split('\n').filter(Boolean);
      if (code === 0 || code === 1) resolve(lines);
      else reject(new Error(`vnu exited ${code}: ${lines.join('\n')}`));
    });
  });
}

/** Errors in HTML files (warnings and info are not reported). */
export const checkHtml = (files: readonly string[]): Promise<NuProblem[]> => run(['--skip-non-html', ...files]);

/** Errors in XML files against a RELAX NG (compact syntax) schema. */
export const checkXml = (schema: string, files: readonly string[]): Promise<NuProblem[]> =>
  run(['--xml', '--schema', `file://${schema}`, ...files]);
