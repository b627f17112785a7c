import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import { formatDuration } from './duration-text.ts';
import { type Incident, incidentId } from './incident.ts';
import { durationsLine, impactStartOf } from './lifecycle.ts';
import { utcDateTime } from './typed-time.ts';

function by(userId: string | undefined): string {
  return userId ? ` by <@${userId}>` : '';
}

/** Where the impact start came from, since a person may have set it. */
function impactStartSource(incident: Incident): string {
  if (incident.impactStartSetBy) return `set${by(incident.impactStartSetBy)}`;
  return incident.impactStartedAt ? 'the first signal’s own time' : 'when it was opened';
}

/** One line per lifecycle time that exists, in order; each undone resolution with its reopen. */
export function lifecycleLines(incident: Incident): string[] {
  const detected = incident.source === 'declared' ? 'Declared' : 'Detected (first signal received)';
  const lines = [
    `Impact started: ${utcDateTime(impactStartOf(incident))} (${impactStartSource(incident)})`,
    `${detected}: ${utcDateTime(incident.openedAt)}${incident.source === 'declared' ? by(incident.declaredBy) : ''}`,
  ];
  if (incident.acknowledgedAt)
    lines.push(`Acknowledged: ${utcDateTime(incident.acknowledgedAt)}${by(incident.acknowledgedBy)}`);
  if (incident.mitigatedAt) lines.push(`Mitigated: ${utcDateTime(incident.mitigatedAt)}`);
  for (const past of incident.resolutions ?? []) {
    const lasted = formatDuration(Math.max(0, past.reopenedAt.getTime() - past.resolvedAt.getTime()));
    lines.push(
      `Resolved: ${utcDateTime(past.resolvedAt)}${by(past.resolvedBy)}${past.summary ? `: ${escapeMrkdwn(truncate(past.summary, 300))}` : ''}`,
      `Reopened: ${utcDateTime(past.reopenedAt)}${by(past.reopenedBy)}, ${lasted} later: ${escapeMrkdwn(truncate(past.reason, 300))}`,
    );
  }
  if (incident.status === 'resolved' && incident.resolvedAt)
    lines.push(`Resolved: ${utcDateTime(incident.resolvedAt)}${by(incident.resolvedBy)}`);
  return lines;
}

/** `/incident times`: every lifecycle time in UTC (as `started` reads them back), then the durations. */
export function buildLifecycleTimes(incident: Incident): { text: string; blocks: KnownBlock[] } {
  const id = incidentId(incident.seq);
  const durations = durationsLine(incident) ?? 'No durations yet: nobody has acknowledged or resolved it.';
  const text = truncate(
    `*${id}* · ${escapeMrkdwn(truncate(incident.title, 300))}\n${lifecycleLines(incident).join('\n')}\n*${durations}*`,
    3000,
  );
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Times in UTC. Correct when impact started with \`/incident started ${id} <time>\`.`,
          },
        ],
      },
    ],
  };
}
