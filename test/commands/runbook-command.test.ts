import { describe, expect, it } from 'vitest';
import { runbookCommand } from '../../commands/runbook.ts';

describe('/incident runbook arguments', () => {
  it('takes an optional id, an optional runbook and key=value pairs', () => {
    expect(runbookCommand.parse('')).toEqual({
      ok: true,
      args: { id: undefined, runbookId: undefined, overrides: {} },
    });
    expect(runbookCommand.parse('INC-4')).toEqual({
      ok: true,
      args: { id: 4, runbookId: undefined, overrides: {} },
    });
    expect(runbookCommand.parse('4 enable-backups BackupRetentionPeriod=14 PreferredBackupWindow=')).toEqual({
      ok: true,
      args: {
        id: 4,
        runbookId: 'enable-backups',
        overrides: { BackupRetentionPeriod: '14', PreferredBackupWindow: '' },
      },
    });
    expect(runbookCommand.parse('reboot-instance')).toMatchObject({
      ok: true,
      args: { id: undefined, runbookId: 'reboot-instance' },
    });
  });

  it('takes a quoted value with spaces as one value, without its quotes', () => {
    expect(runbookCommand.parse('INC-4 tag-instance Note="nightly batch" Owner=“db team”')).toEqual({
      ok: true,
      args: { id: 4, runbookId: 'tag-instance', overrides: { Note: 'nightly batch', Owner: 'db team' } },
    });
  });

  it('says what is wrong with a bad word', () => {
    expect(runbookCommand.parse('INC-4 Reboot!')).toEqual({
      ok: false,
      problem: expect.stringContaining('is not a runbook id'),
    });
    expect(runbookCommand.parse('INC-4 enable-backups 14')).toEqual({
      ok: false,
      problem: expect.stringContaining('is not key=value'),
    });
    expect(runbookCommand.parse('INC-4 Key=1')).toEqual({
      ok: false,
      problem: 'Name the runbook before its values.',
    });
  });
});
