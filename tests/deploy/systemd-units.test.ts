/**
 * The systemd units of the deploy kit are modelled (scripts/deploy-kit/kit.ts: an object per unit,
 * its sections as key/value lists) and written by one function, unitFile.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIT,
  digestServiceUnit,
  EXEC_START,
  kitFiles,
  systemdServiceUnit,
  sweepServiceUnit,
  unitFile,
} from '../../scripts/deploy-kit/kit';

describe('systemd units', () => {
  it('writes comments, then the sections in systemd’s order, a blank line between them', () => {
    const text = unitFile({
      comment: ['top'],
      Install: [['WantedBy', 'timers.target']],
      Unit: [['Description', 'd']],
      Timer: [{ comment: 'why' }, ['OnCalendar', 'hourly']],
    });
    expect(text).toBe(
      '# top\n[Unit]\nDescription=d\n\n[Timer]\n# why\nOnCalendar=hourly\n\n[Install]\nWantedBy=timers.target\n',
    );
  });

  it('refuses a value that would spill onto a second line', () => {
    expect(() => unitFile({ comment: [], Unit: [['Description', 'a\nExecStart=/bin/sh']] })).toThrow(/spans lines/);
  });

  it('each service runs its one command, and the kit writes exactly these units', () => {
    const execStarts = (unit: ReturnType<typeof systemdServiceUnit>) =>
      (unit.Service ?? []).flatMap((e) => ('comment' in e || e[0] !== 'ExecStart' ? [] : [e[1]]));
    expect(execStarts(systemdServiceUnit())).toEqual([EXEC_START.service(DEFAULT_KIT)]);
    expect(execStarts(sweepServiceUnit())).toEqual([EXEC_START.sweep(DEFAULT_KIT)]);
    expect(execStarts(digestServiceUnit())).toEqual([EXEC_START.digest(DEFAULT_KIT)]);
    const service = kitFiles()['deploy/nanzhuang-tips.service'];
    expect(service).toBe(unitFile(systemdServiceUnit()));
    expect(service).toContain(`\nExecStart=${EXEC_START.service(DEFAULT_KIT)}\n`);
  });
});
