import { join, relative, resolve } from 'node:path';
import { chinaDay } from '../../schemas/common';

/** Where a command writes text: process.stdout in a terminal, a recorder in tests. */
export interface Writer {
  write(text: string): unknown;
}

/**
 * Everything a command takes from the process it runs in. Only src/cli/office.ts builds one
 * from the real process; tests pass their own environment, writers and clock.
 */
export interface OfficeIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: Writer;
  stderr: Writer;
  now(): Date;
  /** The folder the command was run in: relative paths are read from it and shown against it. */
  cwd: string;
}

/** An office command: its arguments (after the command's words) in, an exit code out (or its promise). */
export type OfficeCommand = (args: string[], io: OfficeIo) => number | Promise<number>;

export interface Printer {
  log: (line?: string) => void;
  warn: (line?: string) => void;
}

/** `log` and `warn` as console has them, one line each, onto the command's writers. */
export function printer(io: OfficeIo): Printer {
  return {
    log: (line = '') => io.stdout.write(`${line}\n`),
    warn: (line = '') => io.stderr.write(`${line}\n`),
  };
}

/** The content folder: CONTENT_DIR, or `content/` where the command was run. */
export const contentDirOf = (io: OfficeIo): string => io.env.CONTENT_DIR ?? join(io.cwd, 'content');

/** A path the clerk typed, resolved against where the command was run. */
export const pathArg = (io: OfficeIo, path: string): string => resolve(io.cwd, path);

/** Today in China, by the command's clock. */
export const today = (io: OfficeIo): string => chinaDay(io.now());

/** A path as the clerk should read it: relative to where the command was run. */
export function shown(io: OfficeIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
