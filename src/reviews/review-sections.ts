import {
  automationExecutionUrlFor,
  formatDuration,
  IMPACT_NAMES,
  impactStartOf,
  incidentManagerUrlFor,
  lifecycleDurations,
  type TimelineEntry,
  utcDateTime,
} from '../incidents/index.ts';
import type { ReviewInput } from './review-input.ts';
import {
  actorText,
  escapeMarkdown,
  link,
  oneLine,
  personText,
  quoteBlock,
  reviewText,
} from './review-markdown.ts';

const by = (id: string | undefined, input: ReviewInput) => (id ? ` by ${personText(id, input.naming)}` : '');

/** Summary and impact: what it was, the resolution summary, and every impact change with who and when. */
export function summarySection(input: ReviewInput): string[] {
  const { incident, naming } = input;
  const lines = ['## Summary and impact', ''];
  lines.push(`**Impact:** ${incident.impact} · ${IMPACT_NAMES[incident.impact]}`);
  if (incident.resource)
    lines.push(`**Resource:** ${escapeMarkdown(`${incident.resource.id} (${incident.resource.kind})`)}`);
  if (incident.accountId) lines.push(`**Account:** ${escapeMarkdown(incident.accountId)}`);
  lines.push(`**Region:** ${escapeMarkdown(incident.region ?? input.defaultRegion)}`);
  if (incident.incidentManagerArn)
    lines.push(
      link(
        'Incident Manager record',
        incidentManagerUrlFor(incident.incidentManagerArn, incident.region ?? input.defaultRegion),
      ),
    );
  if (input.cardUrl) lines.push(link('Incident card in Slack', input.cardUrl));
  lines.push(
    '',
    incident.summary
      ? quoteBlock(reviewText(incident.summary, naming))
      : '_No resolution summary was given._',
  );
  const changes = input.timeline.filter((entry) => entry.kind === 'impact');
  if (changes.length > 0) {
    lines.push('', '### Impact changes', '');
    for (const entry of changes)
      lines.push(
        `- ${utcDateTime(entry.at)} · ${actorText(entry.actor, naming)}: ${escapeMarkdown(entry.from ?? '?')} → ${escapeMarkdown(entry.to ?? '?')}`,
      );
  }
  return lines;
}

/** Every lifecycle moment in UTC, then the durations (src/incidents/lifecycle.ts), correct across days. */
export function lifecycleSection(input: ReviewInput): string[] {
  const { incident } = input;
  const rows: Array<[string, string]> = [
    ['Impact started', utcDateTime(impactStartOf(incident))],
    [
      incident.source === 'declared' ? 'Declared' : 'Detected',
      `${utcDateTime(incident.openedAt)}${by(incident.declaredBy, input)}`,
    ],
  ];
  if (incident.acknowledgedAt)
    rows.push([
      'Acknowledged',
      `${utcDateTime(incident.acknowledgedAt)}${by(incident.acknowledgedBy, input)}`,
    ]);
  if (incident.mitigatedAt) rows.push(['Mitigated', utcDateTime(incident.mitigatedAt)]);
  for (const past of incident.resolutions ?? []) {
    rows.push(['Resolved', `${utcDateTime(past.resolvedAt)}${by(past.resolvedBy, input)}`]);
    rows.push([
      'Reopened',
      `${utcDateTime(past.reopenedAt)}${by(past.reopenedBy, input)}: ${oneLine(reviewText(past.reason, input.naming))}`,
    ]);
  }
  if (incident.resolvedAt && incident.status === 'resolved')
    rows.push(['Resolved', `${utcDateTime(incident.resolvedAt)}${by(incident.resolvedBy, input)}`]);
  const durations = lifecycleDurations(incident);
  const spans: Array<[string, number | undefined]> = [
    ['Time to acknowledge', durations.toAcknowledge],
    ['Time to mitigate', durations.toMitigate],
    ['Time to resolve', durations.toResolve],
    ['Impact duration', durations.impact],
  ];
  for (const [label, ms] of spans) if (ms !== undefined) rows.push([label, formatDuration(ms)]);
  return [
    '## Timeline of the response',
    '',
    '| Moment | When (UTC) |',
    '| --- | --- |',
    ...rows.map(([a, b]) => `| ${a} | ${b} |`),
  ];
}

/** Pages (from the timeline and SSM Contacts engagements), then each person's first action. */
export function peopleSection(input: ReviewInput): string[] {
  const { naming } = input;
  const lines = ['## Who was paged and who responded', ''];
  const pages = input.timeline.filter((entry) => entry.text.startsWith('paged '));
  for (const entry of pages)
    lines.push(
      `- ${utcDateTime(entry.at)} · ${actorText(entry.actor, naming)} ${oneLine(reviewText(entry.text, naming))}`,
    );
  for (const engagement of input.engagements) {
    const accepted = engagement.acceptedAt
      ? `, accepted ${utcDateTime(engagement.acceptedAt)}`
      : ', never accepted';
    lines.push(
      `- ${utcDateTime(engagement.startedAt)} · engaged ${escapeMarkdown(engagement.contactAlias)} (SSM Contacts)${engagement.slackUser ? ` = ${personText(engagement.slackUser, naming)}` : ''}${accepted}`,
    );
  }
  if (pages.length === 0 && input.engagements.length === 0) lines.push('- Nobody was paged by warroom.');
  lines.push('', '**Responders** (first action):', '');
  const seen = new Set<string>();
  for (const entry of input.timeline) {
    if (!/^[UW][A-Z0-9]+$/.test(entry.actor) || seen.has(entry.actor)) continue;
    seen.add(entry.actor);
    lines.push(
      `- ${personText(entry.actor, naming)} · ${utcDateTime(entry.at)}: ${oneLine(reviewText(cut(entry.text, 200), naming))}`,
    );
  }
  if (seen.size === 0) lines.push('- Nobody acted on it in Slack.');
  return lines;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The whole timeline: dates always (a review is read days later), names as names, AWS text escaped. */
export function timelineSection(input: ReviewInput): string[] {
  const lines = ['## Full timeline', ''];
  for (const entry of input.timeline) lines.push(timelineItem(entry, input));
  return lines;
}

function timelineItem(entry: TimelineEntry, input: ReviewInput): string {
  const change =
    entry.from !== undefined && entry.to !== undefined
      ? ` (${escapeMarkdown(entry.from)} → ${escapeMarkdown(entry.to)})`
      : '';
  const what = entry.kind === 'note' ? 'added a note: ' : entry.kind === 'update' ? 'posted an update: ' : '';
  return `- **${utcDateTime(entry.at)}** · ${actorText(entry.actor, input.naming)} ${what}${oneLine(reviewText(entry.text, input.naming))}${change}`;
}

/** What AWS said: the signals and recoveries, and the latest signal's facts. */
export function awsSection(input: ReviewInput): string[] {
  const lines = ['## What AWS said', ''];
  const signals = input.timeline.filter(
    (entry) =>
      entry.actor.startsWith('aws:') &&
      (entry.kind === 'signal' || entry.kind === 'recovery' || entry.kind === 'opened'),
  );
  for (const entry of signals)
    lines.push(
      `- ${utcDateTime(entry.at)} · ${actorText(entry.actor, input.naming)}: ${oneLine(escapeMarkdown(entry.text))}`,
    );
  if (signals.length === 0) lines.push('- No AWS signal: the incident was declared in Slack.');
  const facts = input.incident.latestSignal.facts.filter((fact) => fact.value.trim() !== '');
  if (facts.length > 0) {
    lines.push('', `**Latest signal:** ${escapeMarkdown(input.incident.latestSignal.title)}`, '');
    for (const fact of facts)
      lines.push(`- ${escapeMarkdown(fact.label)}: ${oneLine(escapeMarkdown(fact.value))}`);
  }
  return lines;
}

/** Each runbook run: who ran it, how it ended, and its Automation console page. */
export function runbookSection(input: ReviewInput): string[] {
  const lines = ['## Runbook runs', ''];
  for (const run of input.executions) {
    const region = input.incident.region ?? input.defaultRegion;
    const approved = run.approvedBy ? `, approved by ${personText(run.approvedBy, input.naming)}` : '';
    const ended = run.finishedAt ? `, finished ${utcDateTime(run.finishedAt)}` : '';
    const failure = run.failureMessage ? `: ${oneLine(escapeMarkdown(cut(run.failureMessage, 500)))}` : '';
    lines.push(
      `- ${utcDateTime(run.startedAt)} · **${escapeMarkdown(run.runbookId)}** (${escapeMarkdown(run.document)}) by ${personText(run.requestedBy, input.naming)}${approved}: **${escapeMarkdown(run.status)}**${ended}${failure} · ${link('execution', automationExecutionUrlFor(run.executionId, region))}`,
    );
  }
  if (input.executions.length === 0) lines.push('- No runbook was run.');
  return lines;
}

/** Pictures of metrics and snapshots warroom took, where they are (the card's thread). */
export function picturesSection(input: ReviewInput): string[] {
  const taken = input.timeline.filter(
    (entry) => entry.actor === 'warroom' && /^pictured |snapshot/i.test(entry.text),
  );
  if (taken.length === 0) return ['## Metric pictures', '', '- None were taken.'];
  const where = input.cardUrl ? ` (${link("in the card's thread", input.cardUrl)})` : '';
  return [
    '## Metric pictures',
    '',
    ...taken.map((entry) => `- ${utcDateTime(entry.at)} · ${oneLine(escapeMarkdown(entry.text))}${where}`),
  ];
}

/** Notes, status updates and kept messages, whole (the timeline shows them on one line). */
export function notesSection(input: ReviewInput): string[] {
  const lines = ['## Notes and updates', ''];
  const kept = input.timeline.filter(
    (entry) => entry.kind === 'note' || entry.kind === 'update' || entry.kind === 'message',
  );
  for (const entry of kept) {
    const kind = entry.kind === 'update' ? 'Update' : entry.kind === 'note' ? 'Note' : 'Message';
    lines.push(
      `**${kind}** · ${utcDateTime(entry.at)} · ${actorText(entry.actor, input.naming)}`,
      '',
      quoteBlock(reviewText(entry.text, input.naming)),
      '',
    );
  }
  if (kept.length === 0) lines.push('- No notes or updates were written.');
  return lines;
}
