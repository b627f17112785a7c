import type { Impact } from '../incidents/index.ts';
import type { Alert } from './alert.ts';

/**
 * What a signal does: `open` opens an incident (or updates the open one for the same resource),
 * `annotate` only adds to an open incident's timeline, `recover` records a recovery, and
 * `annotate-or-open` annotates the open incident or, when there is none, opens one: for signals
 * that must reach Slack but should not change an incident that is already open.
 */
export type SignalEffect = 'open' | 'annotate' | 'recover' | 'annotate-or-open';

export const SIGNAL_EFFECTS: readonly SignalEffect[] = ['open', 'annotate', 'recover', 'annotate-or-open'];

/**
 * One row of the policy table. `match` is a signal type where `*` stands for any run of
 * characters (`rds-event:*`, `cloudtrail:*:public`). Without `impact`, the impact the message
 * suggests applies, else 3.
 */
export interface SignalPolicyRule {
  match: string;
  effect: SignalEffect;
  impact?: Impact;
}

/**
 * The defaults, most specific first (the first match wins). docs/signals.md shows this table and
 * a test keeps the two identical; change both together.
 */
export const DEFAULT_SIGNAL_POLICY: readonly SignalPolicyRule[] = [
  { match: 'cloudwatch-alarm:ALARM', effect: 'open', impact: 3 },
  { match: 'cloudwatch-alarm:OK', effect: 'recover' },
  { match: 'cloudwatch-alarm:INSUFFICIENT_DATA', effect: 'annotate' },
  { match: 'rds-change:deleted-without-final-snapshot', effect: 'open', impact: 2 },
  { match: 'rds-change:public', effect: 'open', impact: 2 },
  { match: 'rds-change:deleted', effect: 'open', impact: 3 },
  { match: 'rds-change:backups-off', effect: 'open', impact: 3 },
  { match: 'rds-change:deletion-protection-off', effect: 'open', impact: 4 },
  { match: 'rds-event:failover', effect: 'open', impact: 2 },
  { match: 'rds-event:global-failover', effect: 'open', impact: 2 },
  { match: 'rds-event:failure', effect: 'open', impact: 2 },
  { match: 'rds-event:low-storage', effect: 'open', impact: 2 },
  { match: 'rds-event:availability', effect: 'open', impact: 3 },
  { match: 'rds-event:deletion', effect: 'open', impact: 4 },
  { match: 'rds-event:unknown', effect: 'annotate-or-open', impact: 4 },
  { match: 'rds-event:backup', effect: 'annotate' },
  { match: 'rds-event:backtrack', effect: 'annotate' },
  { match: 'rds-event:configuration-change', effect: 'annotate' },
  { match: 'rds-event:creation', effect: 'annotate' },
  { match: 'rds-event:maintenance', effect: 'annotate' },
  { match: 'rds-event:notification', effect: 'annotate' },
  { match: 'rds-event:read-replica', effect: 'annotate' },
  { match: 'rds-event:recovery', effect: 'annotate' },
  { match: 'rds-event:restoration', effect: 'annotate' },
  { match: 'rds-event:security', effect: 'annotate' },
  { match: 'rds-event:security-patching', effect: 'annotate' },
  { match: 'rds-event:*', effect: 'annotate' },
  { match: 'cloudtrail:*:failed', effect: 'annotate' },
  { match: 'cloudtrail:*:public', effect: 'open', impact: 2 },
  { match: 'cloudtrail:*:shared', effect: 'open', impact: 4 },
  { match: 'cloudtrail:*:unshared', effect: 'annotate' },
  { match: 'cloudtrail:CreateDBSnapshot', effect: 'annotate' },
  { match: 'cloudtrail:CreateDBClusterSnapshot', effect: 'annotate' },
  { match: 'cloudtrail:*', effect: 'annotate' },
  { match: 'chatbot:*', effect: 'open' },
  { match: 'incident-manager:resolved', effect: 'recover' },
  { match: 'incident-manager:open', effect: 'open' },
  { match: 'incident-manager:unreadable', effect: 'open' },
  { match: 'unknown:raw', effect: 'open', impact: 4 },
  { match: '*', effect: 'open', impact: 4 },
];

/** The impact used when neither the rule nor the message gives one: Medium. */
export const DEFAULT_SIGNAL_IMPACT: Impact = 3;

/** True when `signalType` matches `pattern`, where `*` matches any run of characters (even none). */
export function matchesSignal(pattern: string, signalType: string): boolean {
  if (!pattern.includes('*')) return pattern === signalType;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(signalType);
}

/**
 * Decides what a signal does. Overrides (warroom.yml `signals:`) are consulted before the
 * defaults and the first rule matching any of the signal types wins (a message can carry several:
 * an RDS event with two categories, a risky change besides the API call). Impact: the rule's, else
 * the one the message suggests, else 3. The final `*` default guarantees a decision.
 */
export function decideSignal(
  signalTypes: string | readonly string[],
  suggestedImpact: Impact | undefined,
  overrides: readonly SignalPolicyRule[],
): { effect: SignalEffect; impact: Impact } {
  const types = typeof signalTypes === 'string' ? [signalTypes] : signalTypes;
  const fits = (rule: SignalPolicyRule) => types.some((type) => matchesSignal(rule.match, type));
  const rule = overrides.find(fits) ?? DEFAULT_SIGNAL_POLICY.find(fits);
  return {
    effect: rule?.effect ?? 'open',
    impact: rule?.impact ?? suggestedImpact ?? DEFAULT_SIGNAL_IMPACT,
  };
}

/** Every signal type an alert carries: its own first, then the others. */
export function signalTypesOf(alert: Pick<Alert, 'signalType' | 'otherSignalTypes'>): string[] {
  return [alert.signalType, ...(alert.otherSignalTypes ?? [])];
}
