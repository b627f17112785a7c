import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseDatabaseMenuClick,
  parseRemediationClick,
} from '../../../handlers/actions/database-click-payload.ts';
import { ACTION_IDS } from '../../../src/slack/ids.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/slack/slack-block-actions.json', import.meta.url), 'utf8'),
) as { actions: Array<Record<string, unknown>> };

function withAction(action: Record<string, unknown>) {
  return { ...fixture, actions: [{ ...fixture.actions[0], ...action }] };
}

const overflow = (value: string) =>
  withAction({
    type: 'overflow',
    action_id: ACTION_IDS.databaseMenu,
    value: undefined,
    selected_option: { text: { type: 'plain_text', text: 'Database check' }, value },
  });

describe('parseDatabaseMenuClick', () => {
  it('reads the incident, the card version and the choice from the chosen option', () => {
    const parsed = parseDatabaseMenuClick(overflow('{"seq":7,"v":3,"do":"logs"}'));
    expect(parsed).toMatchObject({
      ok: true,
      click: {
        userId: 'U0123ABCD',
        channelId: 'C0123ABCD',
        actionId: ACTION_IDS.databaseMenu,
        ref: { seq: 7, v: 3 },
        choice: 'logs',
      },
    });
  });

  it('refuses a choice warroom does not offer, or a value that is not its JSON, keeping who to answer', () => {
    for (const value of ['{"seq":7,"v":3,"do":"reboot"}', 'logs', '{"seq":0,"v":3,"do":"logs"}']) {
      expect(parseDatabaseMenuClick(overflow(value))).toMatchObject({
        ok: false,
        target: { userId: 'U0123ABCD', channelId: 'C0123ABCD' },
      });
    }
  });
});

describe('parseRemediationClick', () => {
  it('reads the runbook beside the incident a ✗ button names', () => {
    const parsed = parseRemediationClick(withAction({ value: '{"seq":7,"v":3,"runbook":"enable-backups"}' }));
    expect(parsed).toMatchObject({ ok: true, click: { ref: { seq: 7, v: 3 }, runbookId: 'enable-backups' } });
  });

  it('refuses a button value without a runbook', () => {
    expect(parseRemediationClick(withAction({ value: '{"seq":7,"v":3}' }))).toMatchObject({
      ok: false,
      target: { userId: 'U0123ABCD' },
    });
  });
});
