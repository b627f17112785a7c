import { describe, expect, it } from 'vitest';
import { buildFollowUpList, buildHomeFollowUps, readScope } from '../../src/followups/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { FollowUp } from '../../src/store/follow-up-store.ts';

const now = new Date('2026-11-22T09:30:00Z');

const followUp = (n: number, extra: Partial<FollowUp> = {}): FollowUp => ({
  id: `fu-${String(n).padStart(10, '0')}`,
  seq: 4,
  title: `Fix <thing> ${n}`,
  status: 'open',
  createdBy: 'U0ALICE',
  createdAt: now,
  statusAt: now,
  ...extra,
});

type Section = { type: string; text?: { text: string }; accessory?: { action_id: string; value: string } };

describe('the follow-up list', () => {
  it('shows each follow-up with status, owner, due (overdue marked), its OpsItem and the button that applies', () => {
    const { text, blocks } = buildFollowUpList(
      [
        followUp(1, { owner: 'U0BOB', due: '2026-11-20', opsItemId: 'oi-0123456789ab' }),
        followUp(2, { status: 'done', doneBy: 'U0CAROL', doneAt: now }),
      ],
      { kind: 'incident', seq: 4 },
      now,
      'eu-west-1',
    );
    expect(text).toBe('Follow-ups of INC-4: 1 open, 1 done.');
    const [open, done] = blocks.slice(1) as Section[];
    expect(open?.text?.text).toBe(
      '⬜ *Fix &lt;thing&gt; 1* · INC-4 · owner <@U0BOB> · due 2026-11-20 ⚠️ overdue · <https://eu-west-1.console.aws.amazon.com/systems-manager/opsitems/oi-0123456789ab?region=eu-west-1|oi-0123456789ab>',
    );
    expect(open?.accessory).toMatchObject({
      action_id: ACTION_IDS.followUpDone,
      value: 'fu-0000000001|seq:4',
    });
    expect(done?.text?.text).toBe('✅ *Fix &lt;thing&gt; 2* · INC-4 · no owner · done by <@U0CAROL>');
    expect(done?.accessory).toMatchObject({ action_id: ACTION_IDS.followUpReopen });
  });

  it('stays within a message’s 50 blocks, counting the rest', () => {
    const many = Array.from({ length: 45 }, (_, n) => followUp(n));
    const { blocks } = buildFollowUpList(many, { kind: 'open' }, now, 'us-east-1');
    expect(blocks).toHaveLength(42);
    expect(JSON.stringify(blocks.at(-1))).toContain('…and 5 more.');
  });

  it('reads back the scope a button carries, and nothing else', () => {
    expect(readScope('seq:12')).toEqual({ kind: 'incident', seq: 12 });
    expect(readScope('mine')).toEqual({ kind: 'mine' });
    expect(readScope('theirs')).toBeUndefined();
  });
});

describe('App Home follow-ups', () => {
  it('shows at most ten with Done buttons, names the command for the rest, and nothing when there are none', () => {
    const blocks = buildHomeFollowUps(
      Array.from({ length: 12 }, (_, n) => followUp(n)),
      now,
      'us-east-1',
      14,
    ) as Section[];
    expect(blocks[0]).toMatchObject({ type: 'header' });
    expect(blocks.filter((block) => block.accessory?.action_id === ACTION_IDS.followUpDone)).toHaveLength(10);
    expect(JSON.stringify(blocks)).toContain('…and 2 more: `/incident followups mine`.');
    expect(buildHomeFollowUps([], now, 'us-east-1', 14)).toEqual([]);
  });
});
