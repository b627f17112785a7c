import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { PeopleNames, plainMarkup } from '../../src/incident-manager/people-names.ts';
import { createLogger } from '../../src/logger.ts';

function names(options: { failUsers?: boolean } = {}) {
  const calls: string[] = [];
  const clock = new ManualClock('2026-11-22T09:30:00Z');
  const slack = {
    async personName(id: string) {
      calls.push(`users.info ${id}`);
      if (options.failUsers) throw new Error('ratelimited');
      return ({ U0ALICE: 'Alice Archer', U0BOB: 'Bob Baker' } as Record<string, string>)[id];
    },
    async listUsergroups() {
      calls.push('usergroups.list');
      return [{ id: 'S0SRE', handle: 'sre' }];
    },
  };
  const people = new PeopleNames({ slack, clock, logger: createLogger({ level: 'silent' }) });
  return { people, calls, clock };
}

describe('PeopleNames', () => {
  it('names people and groups, asking Slack once per person within the hour', async () => {
    const { people, calls, clock } = names();
    const text = 'warroom: <@U0ALICE> paged <@U0BOB|bob> and <!subteam^S0SRE>';
    expect(await people.plainText(text)).toBe('warroom: Alice Archer paged Bob Baker and @sre');
    await people.plainText(text);
    expect(calls).toEqual(['users.info U0ALICE', 'users.info U0BOB', 'usergroups.list']);
    clock.advance(3_600_001);
    await people.plainText('<@U0ALICE>');
    expect(calls.at(-1)).toBe('users.info U0ALICE');
  });

  it('falls back to the id in words when Slack does not know the person or cannot answer', async () => {
    expect(await names().people.plainText('<@U0GONE> left')).toBe('Slack user U0GONE left');
    const failing = names({ failUsers: true });
    expect(await failing.people.plainText('<@U0ALICE> acked')).toBe('Slack user U0ALICE acked');
    // Not cached: the next write asks again.
    await failing.people.plainText('<@U0ALICE>');
    expect(failing.calls.filter((call) => call === 'users.info U0ALICE')).toHaveLength(2);
  });
});

describe('plainMarkup', () => {
  it("turns Slack's dates, links, channels and pings into words", () => {
    expect(
      plainMarkup(
        'at <!date^1795338600^{time}|09:10 UTC> see <https://x.example/a|the runbook> in <#C0INC|inc-4> <!here>',
      ),
    ).toBe('at 09:10 UTC see the runbook (https://x.example/a) in #inc-4 @here');
  });
});
