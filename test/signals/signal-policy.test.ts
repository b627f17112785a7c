import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isImpact } from '../../src/incidents/impact.ts';
import {
  DEFAULT_SIGNAL_POLICY,
  decideSignal,
  matchesSignal,
  SIGNAL_EFFECTS,
  type SignalPolicyRule,
} from '../../src/signals/signal-policy.ts';

describe('matchesSignal', () => {
  it('matches exactly without a wildcard, and * as any run of characters', () => {
    expect(matchesSignal('rds-event:failover', 'rds-event:failover')).toBe(true);
    expect(matchesSignal('rds-event:failover', 'rds-event:global-failover')).toBe(false);
    expect(matchesSignal('rds-event:*', 'rds-event:low-storage')).toBe(true);
    expect(matchesSignal('cloudtrail:*:shared', 'cloudtrail:ModifyDBClusterSnapshotAttribute:shared')).toBe(
      true,
    );
    expect(matchesSignal('cloudtrail:*:shared', 'cloudtrail:ModifyDBSnapshotAttribute:unshared')).toBe(false);
    expect(matchesSignal('*', 'anything:at-all')).toBe(true);
  });

  it('treats regular-expression characters in patterns literally', () => {
    expect(matchesSignal('a.b', 'axb')).toBe(false);
    expect(matchesSignal('a(b)*', 'a(b)c')).toBe(true);
  });
});

describe('decideSignal with the defaults', () => {
  it.each([
    ['cloudwatch-alarm:ALARM', 'open', 3],
    ['cloudwatch-alarm:OK', 'recover', 3],
    ['cloudwatch-alarm:INSUFFICIENT_DATA', 'annotate', 3],
    ['rds-event:failover', 'open', 2],
    ['rds-event:failure', 'open', 2],
    ['rds-event:low-storage', 'open', 2],
    ['rds-event:availability', 'open', 3],
    ['rds-event:backup', 'annotate', 3],
    ['rds-event:maintenance', 'annotate', 3],
    ['rds-event:notification', 'annotate', 3],
    ['rds-event:configuration-change', 'annotate', 3],
    ['rds-event:creation', 'annotate', 3],
    ['rds-event:read-replica', 'annotate', 3],
    ['rds-event:recovery', 'annotate', 3],
    ['rds-event:restoration', 'annotate', 3],
    ['rds-event:unknown', 'annotate-or-open', 4],
    ['rds-event:serverless', 'annotate', 3],
    ['rds-change:deleted-without-final-snapshot', 'open', 2],
    ['rds-change:public', 'open', 2],
    ['rds-change:deleted', 'open', 3],
    ['rds-change:backups-off', 'open', 3],
    ['rds-change:deletion-protection-off', 'open', 4],
    ['rds-event:subscription-notice', 'annotate', 3],
    ['cloudtrail:ModifyDBSnapshotAttribute:public', 'open', 2],
    ['cloudtrail:ModifyDBClusterSnapshotAttribute:public', 'open', 2],
    ['cloudtrail:ModifyDBSnapshotAttribute:shared', 'open', 4],
    ['cloudtrail:ModifyDBSnapshotAttribute:unshared', 'annotate', 3],
    ['cloudtrail:ModifyDBSnapshotAttribute:failed', 'annotate', 3],
    ['cloudtrail:CreateDBSnapshot', 'annotate', 3],
    ['cloudtrail:CreateDBClusterSnapshot', 'annotate', 3],
    ['cloudtrail:RebootDBInstance', 'annotate', 3],
    ['chatbot:custom', 'open', 3],
    ['incident-manager:open', 'open', 3],
    ['incident-manager:resolved', 'recover', 3],
    ['incident-manager:unreadable', 'open', 3],
    ['unknown:raw', 'open', 4],
    ['something-new:entirely', 'open', 4],
  ])('%s → %s, impact %i', (signalType, effect, impact) => {
    expect(decideSignal(signalType, undefined, [])).toEqual({ effect, impact });
  });

  it('lets the first rule matching any of several signal types decide', () => {
    // RDS-EVENT-0195 is both maintenance and failure: the failure row comes first.
    expect(decideSignal(['rds-event:maintenance', 'rds-event:failure'], undefined, [])).toEqual({
      effect: 'open',
      impact: 2,
    });
    // An EventBridge notification about an ID warroom does not know still reaches Slack.
    expect(decideSignal(['rds-event:notification', 'rds-event:unknown'], undefined, [])).toEqual({
      effect: 'annotate-or-open',
      impact: 4,
    });
    // CloudTrail and RDS judge a deletion alike, through the rds-change row.
    expect(decideSignal(['cloudtrail:DeleteDBInstance', 'rds-change:deleted'], undefined, [])).toEqual(
      decideSignal(['rds-event:deletion', 'rds-change:deleted'], undefined, []),
    );
    expect(
      decideSignal(
        ['cloudtrail:DeleteDBInstance', 'rds-change:deleted-without-final-snapshot'],
        undefined,
        [],
      ),
    ).toEqual({ effect: 'open', impact: 2 });
  });

  it('uses the impact the message suggests when the rule has none', () => {
    expect(decideSignal('chatbot:custom', 1, [])).toEqual({ effect: 'open', impact: 1 });
    expect(decideSignal('incident-manager:open', 2, [])).toEqual({ effect: 'open', impact: 2 });
  });

  it("prefers the rule's impact over the message's", () => {
    expect(decideSignal('cloudwatch-alarm:ALARM', 1, [])).toEqual({ effect: 'open', impact: 3 });
  });

  it('orders the defaults so that no rule hides a later one', () => {
    DEFAULT_SIGNAL_POLICY.forEach((rule, index) => {
      const earlier = DEFAULT_SIGNAL_POLICY.slice(0, index).find((r) => matchesSignal(r.match, rule.match));
      expect(earlier, `${rule.match} is hidden by ${earlier?.match}`).toBeUndefined();
    });
  });
});

describe('decideSignal with overrides', () => {
  const overrides: SignalPolicyRule[] = [
    { match: 'rds-event:read-replica', effect: 'open', impact: 3 },
    { match: 'rds-event:*', effect: 'open' },
    { match: 'rds-event:failure', effect: 'open', impact: 1 },
  ];

  it('consults overrides before the defaults', () => {
    expect(decideSignal('rds-event:read-replica', undefined, overrides)).toEqual({
      effect: 'open',
      impact: 3,
    });
  });

  it('lets the first matching override win, even a wildcard before a specific rule', () => {
    expect(decideSignal('rds-event:failure', undefined, overrides)).toEqual({ effect: 'open', impact: 3 });
    expect(decideSignal('rds-event:failure', 4, overrides)).toEqual({ effect: 'open', impact: 4 });
  });

  it('consults overrides for every signal type before any default', () => {
    const quiet: SignalPolicyRule[] = [{ match: 'rds-change:deletion-protection-off', effect: 'annotate' }];
    expect(
      decideSignal(['cloudtrail:ModifyDBInstance', 'rds-change:deletion-protection-off'], undefined, quiet),
    ).toEqual({ effect: 'annotate', impact: 3 });
  });

  it('falls through to the defaults for signals no override matches', () => {
    expect(decideSignal('cloudwatch-alarm:OK', undefined, overrides)).toEqual({
      effect: 'recover',
      impact: 3,
    });
  });
});

describe('docs/signals.md', () => {
  const doc = readFileSync(new URL('../../docs/signals.md', import.meta.url), 'utf8');
  const table = /<!-- signal-policy:start -->([\s\S]*?)<!-- signal-policy:end -->/.exec(doc)?.[1] ?? '';

  function rowsOf(markdown: string): SignalPolicyRule[] {
    return markdown
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [match = '', effect = '', impact = ''] = line
          .split('|')
          .slice(1)
          .map((cell) => cell.trim());
        const number = Number(impact);
        return {
          match: match.replace(/^`|`$/g, ''),
          effect: effect as SignalPolicyRule['effect'],
          ...(isImpact(number) ? { impact: number } : {}),
        };
      });
  }

  it('shows exactly the default policy, in order', () => {
    const rows = rowsOf(table);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(DEFAULT_SIGNAL_POLICY.map((r) => ({ ...r })));
  });

  it('only uses known effects and writes "from message" where a rule has no impact', () => {
    for (const line of table.split('\n').filter((l) => l.startsWith('| `'))) {
      const [, , effect = '', impact = ''] = line.split('|').map((c) => c.trim());
      expect(SIGNAL_EFFECTS).toContain(effect);
      expect(['1', '2', '3', '4', '5', 'from message']).toContain(impact);
    }
  });
});
