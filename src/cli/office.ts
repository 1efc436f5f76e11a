/**
 * `npm run office -- <command>`: the township office's tools. Each command is a thin
 * wrapper over src/lib/office/ (and the shared content and tip libraries); this file
 * only dispatches and turns errors into Chinese messages and exit codes.
 */
import { OfficeError, UsageError } from './office/args';
import { tipsSweep } from './office/tips-sweep';
import { tipsDigest } from './office/tips-digest';
import { due } from './office/due';
import { HELP } from './office/help';
import { keysNew } from './office/keys';
import { ledgerExport, ledgerImport } from './office/ledger';
import { monthCheck, monthNew } from './office/month';
import { report } from './office/report';
import { tableImport, tableTemplate } from './office/table';
import { tipsReply } from './office/tips-reply';
import { tipsExport, tipsList, tipsPromote, tipsShow, tipsTriage } from './office/tips';

type Command = (args: string[]) => void | number | Promise<void | number>;

const COMMANDS: Record<string, Command> = {
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
  'tips sweep': tipsSweep,
  'tips digest': tipsDigest,
};

async function main(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
  if (!group || ['help', '-h', '--help'].includes(group)) {
    console.log(HELP);
    return 0;
  }
  // One-word commands (`report 2023-12 …`, `due --month 2024-01`) take the next word as their first argument.
  const single = COMMANDS[group];
  const command = single ?? COMMANDS[`${group} ${action ?? ''}`];
  const args = single ? [action, ...rest].filter((a): a is string => a !== undefined) : rest;
  if (!command) {
    console.error(`不认识的命令：${[group, action].filter(Boolean).join(' ')}\n\n${HELP}`);
    return 2;
  }
  try {
    return (await command(args)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`✗ ${error.message}\n\n运行 npm run office -- help 查看用法。`);
      return 2;
    }
    if (error instanceof OfficeError) {
      console.error(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
