import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import { type ExplainStyle, explainRoute } from './route-explanation.ts';
import type { RouteAnswer } from './route-inquiry.ts';

/** mrkdwn: names in code spans, channels as links Slack renders, everything else escaped. */
const SLACK_STYLE: ExplainStyle = {
  code: (text) => `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``,
  channel: (id) => `<#${id}>`,
  text: escapeMrkdwn,
};

const EFFECT_NOTES = {
  recover: 'records a recovery',
  annotate: 'only adds to an open incident',
} as const;

/** What the answer took for granted: the resource's place, the signal, the impact. */
function assumptions(answer: RouteAnswer & { outcome: 'routed' }): string[] {
  const { code } = SLACK_STYLE;
  const said: string[] = [];
  const name = answer.facts.resourceName ?? '';
  if (answer.assumedRegion) {
    const account = answer.facts.accountId ? `, account ${answer.facts.accountId}` : '';
    said.push(
      `${code(name)} is an RDS DB instance in warroom's account and Region (${answer.assumedRegion}${account}); give an ARN for anything else`,
    );
  }
  const signal = answer.facts.signalTypes[0] ?? '';
  if (answer.signalDefaulted)
    said.push(`signal ${code(signal)}, the default (\`signal=<type>\` for another)`);
  if (answer.impactFrom === 'policy') {
    said.push(
      `impact ${answer.facts.impact}, what the signal policy gives ${code(signal)} (\`impact=<1-5>\` for another)`,
    );
  }
  return said.length > 0 ? [`Assumed: ${said.join(' · ')}`] : [];
}

/** Which tags were read, and from where, or why none were. */
function tagLine(answer: RouteAnswer & { outcome: 'routed' }): string[] {
  if (!answer.readsTags)
    return ['No route has a tag condition, so no tags were read (intake reads none either).'];
  if (answer.tagArn) return [`Tags read with ListTagsForResource on ${SLACK_STYLE.code(answer.tagArn)}.`];
  return [];
}

/**
 * The ephemeral answer to `/incident route`: the assumptions, explainRoute's lines in mrkdwn, the
 * tags read, and a note when the signal would open no incident by itself.
 */
export function buildRouteAnswerText(answer: RouteAnswer): string {
  const { code, channel } = SLACK_STYLE;
  switch (answer.outcome) {
    case 'no-routes':
      return `No routes are configured (\`routes:\` in warroom.yml), so every card goes to ${channel(answer.alertChannel)} and \`escalationRules\` pick its policy. docs/routing.md says how to add routes.`;
    case 'no-such-database':
      return `RDS in ${answer.region} (warroom's Region) has no DB instance ${code(answer.id)}. For a cluster, an alarm, or a database in another account or Region, give its ARN.`;
    case 'routed': {
      const effect = answer.effect === 'recover' || answer.effect === 'annotate' ? answer.effect : undefined;
      const note = effect
        ? [
            `Note: ${code(answer.facts.signalTypes[0] ?? '')} ${EFFECT_NOTES[effect]}; it opens no incident by itself.`,
          ]
        : [];
      return [
        ...assumptions(answer),
        ...explainRoute(answer.decision, answer.facts, answer.alertChannel, SLACK_STYLE),
        ...tagLine(answer),
        ...note,
      ].join('\n');
    }
  }
}
