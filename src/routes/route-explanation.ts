import type { RouteDecision, RouteFacts } from './route.ts';

/** The signal routed, in one line: what, where, which signal, how bad. */
function describeFacts(facts: RouteFacts): string {
  const what = facts.resourceName
    ? `${facts.resourceName} (${facts.resourceKind})`
    : 'a signal about no resource';
  const account = facts.accountName ? `${facts.accountName} (${facts.accountId})` : facts.accountId;
  const where = [account, facts.stage ? `stage ${facts.stage}` : undefined, facts.region].filter(Boolean);
  const tags =
    facts.tags.state === 'read'
      ? `tags ${
          Object.entries(facts.tags.tags)
            .map(([key, value]) => `${key}=${value}`)
            .join(', ') || 'none'
        }`
      : facts.tags.state === 'failed'
        ? 'tags not read'
        : 'no tags to read';
  return [what, ...where, `signal ${facts.signalTypes.join(' / ')}`, `impact ${facts.impact}`, tags].join(
    ' · ',
  );
}

/**
 * Where a signal goes and why, as plain lines: `/incident route` and `npm run routes:check` both
 * say it, so a team sees the same reasons in Slack and in CI.
 */
export function explainRoute(decision: RouteDecision, facts: RouteFacts, alertChannel: string): string[] {
  const lines = [describeFacts(facts)];
  const taken = decision.steps.find((step) => step.outcome === 'matched');
  if (taken) {
    const policy = decision.policy ? `policy ${decision.policy}` : 'the policy escalationRules pick';
    const team = decision.team ? `team ${decision.team}` : 'no owning team';
    lines.push(`→ ${taken.route}: channel ${decision.channel}, ${policy}, ${team}`);
    lines.push(`  because ${taken.because.join('; ')}`);
  } else {
    lines.push(`→ no route matches: the alert channel ${alertChannel}, the policy escalationRules pick`);
  }
  for (const step of decision.steps.filter((entry) => entry.outcome !== 'matched')) {
    lines.push(`  not ${step.route}: ${step.because.join('; ')}`);
  }
  if (decision.tagsUnavailable) {
    lines.push(`Routes that need tags were passed over: ${decision.tagsUnavailable}.`);
  }
  return lines;
}
