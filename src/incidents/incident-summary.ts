import type { Accounts } from '../accounts/index.ts';
import { describeIncidentManagerState } from '../incident-manager/index.ts';
import type { RunbookExecution } from '../runbooks/index.ts';
import { buildRunbookExecutionsSection } from '../runbooks/index.ts';
import type { AlertSource } from '../signals/index.ts';
import type { KnownBlock, MrkdwnElement } from '../slack/block-kit.ts';
import { escapeMrkdwn, mrkdwnLink, slackDate, truncate } from '../slack/mrkdwn.ts';
import type { OutboxItem } from '../store/outbox.ts';
import { consoleUrlFor } from './console-links.ts';
import { type Incident, incidentId } from './incident.ts';
import { impactLabel, locationField, statusLabel } from './incident-labels.ts';
import { durationsLine } from './lifecycle.ts';
import { snoozeLine } from './snooze-line.ts';

export interface IncidentSummaryMessage {
  text: string;
  blocks: KnownBlock[];
}

const SOURCE_WORDS: Record<AlertSource, string> = {
  'cloudwatch-alarm': 'CloudWatch alarm',
  'rds-event': 'RDS event',
  'eventbridge-rds': 'EventBridge (RDS)',
  'eventbridge-automation': 'EventBridge (SSM Automation)',
  cloudtrail: 'CloudTrail',
  chatbot: 'AWS Chatbot custom notification',
  'incident-manager': 'Incident Manager',
  unknown: 'Unrecognised SNS message',
  declared: 'Declared in Slack',
};

function field(label: string, value: string): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(`*${label}*\n${value}`, 2000) };
}

function resourceText(resource: NonNullable<Incident['resource']>): string {
  const url = consoleUrlFor(resource);
  return url ? mrkdwnLink(url, resource.id) : escapeMrkdwn(resource.id);
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

/** The incident's runbook executions, titled from the catalog; they ran in warroom's own region. */
export interface SummaryRunbooks {
  executions: readonly RunbookExecution[];
  titleOf: (execution: RunbookExecution) => string;
  region: string;
}

/**
 * `/incident show`: status, impact, who acknowledged, a running snooze, the resource, where the
 * incident stands with Incident Manager (including writes still owed to it and the error holding
 * them up), and the runbooks run on it.
 */
export function buildIncidentSummary(
  incident: Incident,
  unfinishedWrites: readonly OutboxItem[],
  options: { defaultRegion: string; runbooks?: SummaryRunbooks; accounts?: Accounts },
): IncidentSummaryMessage {
  const id = incidentId(incident.seq);
  const acknowledged = incident.acknowledgedBy
    ? `<@${incident.acknowledgedBy}>${incident.acknowledgedAt ? ` ${slackDate(incident.acknowledgedAt)}` : ''}`
    : 'not yet';
  const location = locationField(incident, options.accounts);
  // Only what is known: a declared incident has no resource, account or region to show.
  const fields = [
    field('Status', statusLabel(incident)),
    field('Impact', impactLabel(incident.impact)),
    field('Acknowledged', acknowledged),
    ...(incident.resource ? [field('Resource', resourceText(incident.resource))] : []),
    ...(location ? [field(location.label, location.value)] : []),
    field('Source', SOURCE_WORDS[incident.source]),
    field('Opened', slackDate(incident.openedAt)),
    field('Last change', slackDate(incident.updatedAt)),
  ];
  if (incident.declaredBy) fields.push(field('Declared by', `<@${incident.declaredBy}>`));
  if (incident.channelId) fields.push(field('Channel', `<#${incident.channelId}>`));
  const region = incident.region ?? options.defaultRegion;
  const blocks: KnownBlock[] = [
    section(`*${id}* · ${escapeMrkdwn(truncate(incident.title, 500))}`),
    { type: 'section', fields },
    // Said as the card says it, so whoever asks knows why nobody is being paged or reminded.
    ...(incident.snooze ? [context(snoozeLine(incident.snooze))] : []),
    section(describeIncidentManagerState(incident, unfinishedWrites, region)),
  ];
  const durations = durationsLine(incident);
  if (durations) blocks.push(section(`*Durations*\n${durations} · all times: \`/incident times ${id}\``));
  if (incident.summary) blocks.push(section(`*Resolution*\n${escapeMrkdwn(incident.summary)}`));
  const { runbooks } = options;
  const ran =
    runbooks && buildRunbookExecutionsSection(runbooks.executions, runbooks.titleOf, runbooks.region);
  if (ran) blocks.push(ran);
  blocks.push(context(`Timeline: \`/incident timeline ${id}\``));
  return {
    text: truncate(
      `${id} [${impactLabel(incident.impact)}] ${incident.status}: ${escapeMrkdwn(incident.title)}`,
      3000,
    ),
    blocks,
  };
}
