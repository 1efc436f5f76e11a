/**
 * The office commands by name, and how their errors become Chinese messages and exit codes.
 * `runOffice` is what `npm run office` runs (src/cli/office.ts) and what the tests call.
 */
import { OfficeError, UsageError } from './args';
import { due } from './due';
import { HELP } from './help';
import { printer, type OfficeCommand, type OfficeIo } from './io';
import { keysNew } from './keys';
import { ledgerExport, ledgerImport } from './ledger';
import { monthCheck, monthNew } from './month';
import { report } from './report';
import { tableImport, tableTemplate } from './table';
import { tipsArchive } from './tips-archive';
import { tipsDigest } from './tips-digest';
import { tipsExport } from './tips-export';
import { tipsList } from './tips-list';
import { tipsPromote } from './tips-promote';
import { tipsReply } from './tips-reply';
import { tipsShow } from './tips-show';
import { tipsSweep } from './tips-sweep';
import { tipsTriage } from './tips-triage';

const COMMANDS: Record<string, OfficeCommand> = {
  due,
  'keys new': keysNew,
  'ledger export': ledgerExport,
  'ledger import': ledgerImport,
  'month new': monthNew,
  'month check': monthCheck,
  'table import': tableImport,
  'table template': tableTemplate,
  report,
  'tips list': tipsList,
  'tips show': tipsShow,
  'tips triage': tipsTriage,
  'tips promote': tipsPromote,
  'tips reply': tipsReply,
  'tips export': tipsExport,
  'tips archive': tipsArchive,
  'tips sweep': tipsSweep,
  'tips digest': tipsDigest,
};

/** Runs `npm run office -- <argv>` with `io`; its exit code (2: typed wrong, 1: cannot be done). */
export async function runOffice(argv: readonly string[], io: OfficeIo): Promise<number> {
  const { log, warn } = printer(io);
  const [group, action, ...rest] = argv;
  if (!group || ['help', '-h', '--help'].includes(group)) {
    log(HELP);
    return 0;
  }
  // One-word commands (`report 2023-12 …`, `due --month 2024-01`) take the next word as their first argument.
  const single = COMMANDS[group];
  const command = single ?? COMMANDS[`${group} ${action ?? ''}`];
  const args = single ? [action, ...rest].filter((a): a is string => a !== undefined) : rest;
  if (!command) {
    warn(`不认识的命令：${[group, action].filter(Boolean).join(' ')}\n\n${HELP}`);
    return 2;
  }
  return runCommand(command, args, io);
}

/** Runs one command, its errors turned into Chinese messages and exit codes. */
export async function runCommand(command: OfficeCommand, args: string[], io: OfficeIo): Promise<number> {
  const { warn } = printer(io);
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`✗ ${error.message}\n\n运行 npm run office -- help 查看用法。`);
      return 2;
    }
    if (error instanceof OfficeError) {
      warn(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  }
}
