import type { KnownBlock } from '../slack/block-kit.ts';
import { BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import { IMPACT_NAMES } from './impact.ts';
import { type Incident, incidentId } from './incident.ts';

/** How many members a storm card names; the rest are counted. */
const NAMED = 8;

/**
 * The storm part of a card. A storm's card names its members, worst impact first (then oldest),
 * and counts the rest; a member's card (one posted before the storm formed) says where it went.
 */
export function buildStormSection(incident: Incident, members: readonly Incident[]): KnownBlock[] {
  if (incident.stormSeq !== undefined) {
    return [
      {
        type: 'context',
        block_id: BLOCK_IDS.cardStorm,
        elements: [
          {
            type: 'mrkdwn',
            text: `🌩️ Joined storm ${incidentId(incident.stormSeq)}: acknowledge, page and resolve it there. This incident stays reachable as ${incidentId(incident.seq)}.`,
          },
        ],
      },
    ];
  }
  if (!incident.storm) return [];
  const sorted = [...members].sort((a, b) => a.impact - b.impact || a.seq - b.seq);
  // Open: nobody has acknowledged it yet (as the Status field says of any incident).
  const open = sorted.filter((member) => member.status === 'open').length;
  const lines = sorted.slice(0, NAMED).map((member) => {
    const name = member.resource?.id ?? member.title;
    return `• ${incidentId(member.seq)} · ${escapeMrkdwn(name)} · ${member.impact} · ${IMPACT_NAMES[member.impact]} · ${member.status}`;
  });
  const rest = sorted.length - NAMED;
  if (rest > 0) lines.push(`… and ${rest} more (\`/incident list\`, or the card's thread)`);
  // The card's Account field names the account and Region; the storm adds where in it they run.
  const where = describeStormZones(members, incident.storm.zones);
  const header = `*🌩️ Storm: ${sorted.length} resources* (${open} open) · ${escapeMrkdwn(incident.storm.what)}${where ? ` · ${where}` : ''}`;
  return [
    {
      type: 'section',
      block_id: BLOCK_IDS.cardStorm,
      text: { type: 'mrkdwn', text: truncate(`${header}\n${lines.join('\n')}`, 3000) },
    },
  ];
}

/**
 * Where a storm's members run: `AZs us-east-1a (12), us-east-1b (8)`, most members first (then by
 * name). Members with no known zone are left out; with none known, undefined (never "unknown").
 */
export function describeStormZones(
  members: readonly Incident[],
  zones: Readonly<Record<string, string>> | undefined,
): string | undefined {
  const counts = new Map<string, number>();
  for (const member of members) {
    const zone = member.resource ? zones?.[member.resource.id.toLowerCase()] : undefined;
    if (zone) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const listed = [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([zone, count]) => `${escapeMrkdwn(zone)} (${count})`);
  return `${listed.length === 1 ? 'AZ' : 'AZs'} ${listed.join(', ')}`;
}
