import type { RouteDecision, RouteFacts } from './route.ts';

/**
 * How the pieces of an explanation are written: plain for a terminal (`routes:check`), mrkdwn for
 * Slack (names in code spans, channels as links, everything else escaped).
 */
export interface ExplainStyle {
  /** A name or value worth setting apart: a resource, a route, a signal type, a tag. */
  code(text: string): string;
  channel(id: string): string;
  /** Any other words, some of them from AWS or the config. */
  text(text: string): string;
}

export const PLAIN_STYLE: ExplainStyle = { code: (text) => text, channel: (id) => id, text: (text) => text };

/** The signal routed, in one line: what, where, which signal, how bad. */
function describeFacts(facts: RouteFacts, style: ExplainStyle): string {
  const { code, text } = style;
  const what = facts.resourceName
    ? `${code(facts.resourceName)} (${facts.resourceKind})`
    : 'a signal about no resource';
  const account = facts.accountName ? `${text(facts.accountName)} (${facts.accountId})` : facts.accountId;
  const where = [account, facts.stage ? `stage ${text(facts.stage)}` : undefined, facts.region].filter(
    Boolean,
  );
  const tags =
    facts.tags.state === 'read'
      ? `tags ${
          Object.entries(facts.tags.tags)
            .map(([key, value]) => code(`${key}=${value}`))
            .join(', ') || 'none'
        }`
      : facts.tags.state === 'failed'
        ? 'tags not read'
        : 'no tags to read';
  const signals = facts.signalTypes.map(code).join(' / ');
  return [what, ...where, `signal ${signals}`, `impact ${facts.impact}`, tags].join(' · ');
}

/**
 * Where a signal goes and why, as lines: `/incident route` and `npm run routes:check` both say it,
 * so a team sees the same reasons in Slack and in CI. Plain unless given another style.
 */
export function explainRoute(
  decision: RouteDecision,
  facts: RouteFacts,
  alertChannel: string,
  style: ExplainStyle = PLAIN_STYLE,
): string[] {
  const { code, channel, text } = style;
  const lines = [describeFacts(facts, style)];
  const taken = decision.steps.find((step) => step.outcome === 'matched');
  if (taken) {
    const policy = decision.policy ? `policy ${code(decision.policy)}` : 'the policy escalationRules pick';
    const team = decision.team ? `team ${code(decision.team)}` : 'no owning team';
    lines.push(`→ ${code(taken.route)}: channel ${channel(decision.channel)}, ${policy}, ${team}`);
    lines.push(`  because ${text(taken.because.join('; '))}`);
  } else {
    lines.push(
      `→ no route matches: the alert channel ${channel(alertChannel)}, the policy escalationRules pick`,
    );
  }
  for (const step of decision.steps.filter((entry) => entry.outcome !== 'matched')) {
    lines.push(`  not ${code(step.route)}: ${text(step.because.join('; '))}`);
  }
  if (decision.tagsUnavailable) {
    lines.push(`Routes that need tags were passed over: ${text(decision.tagsUnavailable)}.`);
  }
  return lines;
}
