import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseButtonClick } from '../../../handlers/actions/card-click-payload.ts';
import { clickDedupeKey } from '../../../handlers/actions/perform-card-action.ts';

const fixture: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/slack/slack-block-actions.json', import.meta.url), 'utf8'),
);

function withValue(value: string) {
  const body = fixture as { actions: Array<Record<string, unknown>> };
  return { ...body, actions: [{ ...body.actions[0], value }] };
}

describe('parseButtonClick', () => {
  it('reads the clicker, trigger, card channel, click time and {seq, v} from a block_actions payload', () => {
    const parsed = parseButtonClick(withValue('{"seq":7,"v":3}'));
    expect(parsed).toEqual({
      ok: true,
      click: {
        userId: 'U0123ABCD',
        triggerId: '1234567890123.1234567890.fedcba9876543210fedcba9876543210',
        channelId: 'C0123ABCD',
        actionId: 'incident_ack',
        actionTs: '1715679102.556677',
        ref: { seq: 7, v: 3 },
      },
    });
  });

  it('refuses a value that is not warroom’s (the fixture carries an alarm ARN), keeping who to answer', () => {
    expect(parseButtonClick(fixture)).toMatchObject({
      ok: false,
      target: { userId: 'U0123ABCD', channelId: 'C0123ABCD' },
    });
    expect(parseButtonClick(withValue('{"seq":-1,"v":0}')).ok).toBe(false);
  });

  it('keys a click by action, user and action_ts, so only a redelivery of the same click matches', () => {
    const parsed = parseButtonClick(withValue('{"seq":7,"v":3}'));
    if (!parsed.ok) throw new Error('expected a click');
    expect(clickDedupeKey(parsed.click)).toBe('slack-click:incident_ack:U0123ABCD:1715679102.556677');
    expect(clickDedupeKey({ ...parsed.click, actionTs: undefined })).toBeUndefined();
  });
});
