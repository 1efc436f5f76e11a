/**
 * `npm run office -- <command>`: the township office's tools. Each command is a thin
 * wrapper over src/lib/office/ (and the shared content and tip libraries); this file
 * only dispatches and turns errors into Chinese messages and exit codes.
 */
import { OfficeError, UsageError } from './office/args';
import { tipsSweep } from './office/challenges';
import { HELP } from './office/help';
import { keysNew } from './office/keys';
import { monthCheck, monthNew } from './office/month';
import { tableImport, tableTemplate } from './office/table';
import { tipsReply } from './office/conversation';
import { tipsExport, tipsList, tipsPromote, tipsShow, tipsTriage } from './office/tips';

type Command = (args: string[]) => void | number | Promise<void | number>;

const COMMANDS: Record<string, Command> = {
  'keys new': keysNew,
  'month new': monthNew,
  'month check': monthCheck,
  'table import': tableImport,
  'table template': tableTemplate,
  'tips list': tipsList,
  'tips show': tipsShow,
  'tips triage': tipsTriage,
  'tips promote': tipsPromote,
  'tips reply': tipsReply,
  'tips export': tipsExport,
  'tips sweep': tipsSweep,
};

async function main(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
  if (!group || ['help', '-h', '--help'].includes(group)) {
    console.log(HELP);
    return 0;
  }
  const command = COMMANDS[`${group} ${action ?? ''}`];
  if (!command) {
    console.error(`不认识的命令：${[group, action].filter(Boolean).join(' ')}\n\n${HELP}`);
    return 2;
  }
  try {
    return (await command(rest)) ?? 0;
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
