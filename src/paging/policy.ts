import type { Impact, Incident } from '../incidents/index.ts';
import type { AlertSource, ResourceKind } from '../signals/index.ts';

/**
 * Who a stage pings: a Slack user (`U…`/`W…`), a user group (`S…`, mentioned in the thread and
 * each member sent a DM), `rotation:<name>` (whoever is on call when the stage fires) or
 * `contact:<alias or ARN>` (an SSM Contacts engagement, plus the Slack user with the contact's email).
 */
export type NotifyTarget = string;

/** `contact:` + an SSM Contacts alias (lower-case, as AWS allows) or a contact/escalation-plan ARN. */
export const CONTACT_TARGET =
  /^contact:([a-z0-9_-]{1,255}|arn:aws(-cn|-us-gov)?:ssm-contacts:[a-z0-9-]+:\d{12}:contact\/[a-z0-9_-]+)$/;

export interface EscalationStage {
  /** Time after the incident opened. */
  afterMs: number;
  notify: NotifyTarget[];
}

export interface EscalationPolicy {
  name: string;
  stages: EscalationStage[];
  /** When set, the last stage is pinged again this long after it last fired, until acknowledged. */
  repeatLastEveryMs?: number;
}

export interface EscalationRule {
  when: { impactAtMost?: Impact; resourceKind?: ResourceKind; source?: AlertSource };
  policy: string;
}

/** `escalation`, `escalationRules` and `reminders` from the YAML. */
export interface EscalationConfig {
  policies: Record<string, EscalationPolicy>;
  rules: EscalationRule[];
  /** An acknowledged incident quiet this long gets a reminder in its thread. */
  reminders?: { afterMs: number };
}

export const NO_ESCALATION: EscalationConfig = { policies: {}, rules: [] };

function matches(rule: EscalationRule, incident: Incident): boolean {
  const { impactAtMost, resourceKind, source } = rule.when;
  if (impactAtMost !== undefined && incident.impact > impactAtMost) return false;
  if (resourceKind !== undefined && incident.resource?.kind !== resourceKind) return false;
  if (source !== undefined && incident.source !== source) return false;
  return true;
}

/**
 * The policy its route names, when one does (`routes:`); else the first rule that matches; else
 * `default`; undefined means no escalation.
 */
export function choosePolicy(config: EscalationConfig, incident: Incident): EscalationPolicy | undefined {
  const routed = incident.route?.policy;
  if (routed && config.policies[routed]) return config.policies[routed];
  const rule = config.rules.find((candidate) => matches(candidate, incident));
  return config.policies[rule?.policy ?? 'default'];
}

/** How a target is written in a Slack message: `<@U…>`, `<!subteam^S…>`, or the rotation's name. */
export function mentionOf(target: NotifyTarget): string {
  if (target.startsWith('rotation:') || target.startsWith('contact:')) return `\`${target}\``;
  return target.startsWith('S') ? `<!subteam^${target}>` : `<@${target}>`;
}
