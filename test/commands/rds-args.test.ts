import { describe, expect, it } from 'vitest';
import { rdsCommand } from '../../commands/rds.ts';

describe('/incident rds arguments', () => {
  it('reads an optional id and the action', () => {
    expect(rdsCommand.parse('status')).toEqual({ ok: true, args: { id: undefined, action: 'status' } });
    expect(rdsCommand.parse('INC-42 check')).toEqual({ ok: true, args: { id: 42, action: 'check' } });
    expect(rdsCommand.parse('7 SNAPSHOT')).toEqual({ ok: true, args: { id: 7, action: 'snapshot' } });
  });

  it('reads logs with an optional file and line count, 50 lines by default', () => {
    expect(rdsCommand.parse('logs')).toMatchObject({ args: { action: 'logs', file: undefined, lines: 50 } });
    expect(rdsCommand.parse('logs 200')).toMatchObject({ args: { file: undefined, lines: 200 } });
    expect(rdsCommand.parse('inc-3 logs error/postgresql.log.2026-11-22-09')).toMatchObject({
      args: { id: 3, file: 'error/postgresql.log.2026-11-22-09', lines: 50 },
    });
    expect(rdsCommand.parse('logs error/mysql-error.log 20')).toMatchObject({
      args: { file: 'error/mysql-error.log', lines: 20 },
    });
  });

  it('refuses what it cannot read, saying what is wrong', () => {
    expect(rdsCommand.parse('')).toEqual({
      ok: false,
      problem: 'Say what to do: status, check, logs or snapshot.',
    });
    expect(rdsCommand.parse('reboot')).toEqual({
      ok: false,
      problem: '`reboot` is not something `rds` does; try status, check, logs or snapshot.',
    });
    expect(rdsCommand.parse('logs 501')).toEqual({ ok: false, problem: 'The line count must be 1 to 500.' });
    expect(rdsCommand.parse('logs 0')).toEqual({ ok: false, problem: 'The line count must be 1 to 500.' });
    expect(rdsCommand.parse('logs a b')).toEqual({ ok: false, problem: '`b` is not a line count.' });
    expect(rdsCommand.parse('status now')).toEqual({
      ok: false,
      problem: '`status` takes nothing after it.',
    });
  });
});
