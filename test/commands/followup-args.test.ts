import { describe, expect, it } from 'vitest';
import { followupCommand } from '../../commands/followup.ts';

describe('/incident followup arguments', () => {
  it('reads the id, the text, a trailing owner and due date in either order', () => {
    expect(followupCommand.parse('INC-4 Add an alarm <@U0BOB|bob> in 3d')).toEqual({
      ok: true,
      args: { id: 4, title: 'Add an alarm', owner: 'U0BOB', dueText: 'in 3d' },
    });
    expect(followupCommand.parse('Add an alarm 2026-12-01 <@U0BOB>')).toEqual({
      ok: true,
      args: { id: undefined, title: 'Add an alarm', owner: 'U0BOB', dueText: '2026-12-01' },
    });
  });

  it('reads a trailing @name as the owner to look up, as Slack sends an unescaped mention', () => {
    expect(followupCommand.parse('INC-1 Alert on replica lag @alice in 3d')).toEqual({
      ok: true,
      args: { id: 1, title: 'Alert on replica lag', ownerName: '@alice', dueText: 'in 3d' },
    });
    expect(followupCommand.parse('tomorrow is fine, says @bob.baker tomorrow')).toEqual({
      ok: true,
      args: { id: undefined, title: 'tomorrow is fine, says', ownerName: '@bob.baker', dueText: 'tomorrow' },
    });
  });

  it('keeps mentions inside the text, and a quoted text whole', () => {
    expect(followupCommand.parse('7 "ask <@U0CAROL> about the replica"')).toEqual({
      ok: true,
      args: { id: 7, title: 'ask <@U0CAROL> about the replica' },
    });
  });

  it('refuses a follow-up with no text, or one too long', () => {
    expect(followupCommand.parse('INC-4 <@U0BOB> tomorrow')).toEqual({
      ok: false,
      problem: 'Write what needs doing after the id.',
    });
    const long = followupCommand.parse(`INC-4 ${'x'.repeat(501)}`);
    expect(long.ok).toBe(false);
  });
});
