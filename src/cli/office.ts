/**
 * `npm run office -- <command>`: the township office's tools. The commands (src/cli/office/) are
 * functions of their arguments and an `OfficeIo`; this file, the only one that touches the
 * process, hands them its environment, output, clock and folder, and sets the exit code.
 */
import { runOffice } from './office/run';

process.exitCode = await runOffice(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  cwd: process.cwd(),
});
