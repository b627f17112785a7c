import { IMPACT_NAMES, type Incident, incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import { fitLines, linesToSections } from '../slack/section-lines.ts';

/**
 * The storm's members for its card's thread, one compact line each, worst impact first: how every
 * member stays reachable from Slack without a card of its own. What does not fit is counted.
 */
export function buildStormMemberList(
  storm: Incident,
  members: readonly Incident[],
): { text: string; blocks: KnownBlock[] } {
  const sorted = [...members].sort((a, b) => a.impact - b.impact || a.seq - b.seq);
  const lines = sorted.map(
    (member) =>
      `• *${incidentId(member.seq)}* · \`${escapeMrkdwn(member.resource?.id ?? member.title)}\` · ${member.impact} · ${IMPACT_NAMES[member.impact]} · ${member.status} · ${member.signalCount} signal${member.signalCount === 1 ? '' : 's'}`,
  );
  const { kept, dropped } = fitLines(lines, 'first');
  const heading = `*${members.length} incidents in storm ${incidentId(storm.seq)}* — \`/incident show INC-n\` for one, \`/incident split INC-n\` to take one out`;
  const all =
    dropped > 0 ? [heading, ...kept, `… and ${dropped} more (\`/incident list\`)`] : [heading, ...kept];
  return {
    text: `${members.length} incidents in storm ${incidentId(storm.seq)}`,
    blocks: linesToSections(all),
  };
}
