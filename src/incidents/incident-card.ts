import type { Accounts } from '../accounts/index.ts';
import type { AlertSource } from '../signals/index.ts';
import type { Button, KnownBlock, MrkdwnElement } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS, CARD_METADATA_EVENT_TYPE } from '../slack/ids.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import { buildSignalSections } from './card-signals.ts';
import { consoleUrlFor, incidentManagerUrlFor } from './console-links.ts';
import { IMPACT_NAMES, type Impact } from './impact.ts';
import { type Incident, incidentId } from './incident.ts';
import { buildIncidentActions } from './incident-actions.ts';
import { locationField } from './incident-labels.ts';
import { INCIDENT_STATUS_LABELS, incidentStatusText } from './incident-status-text.ts';
import { buildLifecycleBlocks } from './lifecycle-blocks.ts';
import { snoozeLine } from './snooze-line.ts';
import { buildStormSection } from './storm-section.ts';

const IMPACT_EMOJI: Record<Impact, string> = { 1: '🔴', 2: '🟠', 3: '🟡', 4: '🔵', 5: '⚪' };

/** Who opened the incident, after its opening time: "Today 09:00 by a CloudWatch alarm". */
const OPENED_BY: Record<AlertSource, string> = {
  'cloudwatch-alarm': 'by a CloudWatch alarm',
  'rds-event': 'by an RDS event',
  'eventbridge-rds': 'by an RDS event (EventBridge)',
  'eventbridge-automation': 'by an SSM Automation event',
  cloudtrail: 'by a CloudTrail API call',
  chatbot: 'by an AWS Chatbot custom notification',
  'incident-manager': 'in Incident Manager',
  unknown: 'by an unrecognised SNS message',
  declared: 'in Slack',
};

const RESOURCE_LABELS: Record<string, string> = {
  'rds-instance': 'RDS instance',
  'rds-cluster': 'Aurora/RDS cluster',
  'rds-snapshot': 'RDS snapshot',
  'rds-cluster-snapshot': 'RDS cluster snapshot',
  'ec2-instance': 'EC2 instance',
  'autoscaling-group': 'Auto Scaling group',
  'ebs-volume': 'EBS volume',
  'load-balancer': 'load balancer',
  'target-group': 'target group',
  'lambda-function': 'Lambda function',
  'sqs-queue': 'SQS queue',
  'sns-topic': 'SNS topic',
  'dynamodb-table': 'DynamoDB table',
  'ecs-cluster': 'ECS cluster',
  'ecs-service': 'ECS service',
  'kinesis-stream': 'Kinesis stream',
  'elasticache-cluster': 'ElastiCache cluster',
  'api-gateway': 'API Gateway API',
  's3-bucket': 'S3 bucket',
  'cloudwatch-alarm': 'CloudWatch alarm',
  other: 'resource',
};

export interface IncidentCard {
  text: string;
  blocks: KnownBlock[];
  metadata: { event_type: string; event_payload: Record<string, string | number> };
}

function field(label: string, value: string): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(`*${label}*\n${value}`, 2000) };
}

/** Labels the card's own fields use: a signal's fact with one of them would read as a second field. */
const CARD_FIELD_LABELS = new Set(['impact', 'status', 'resource', 'account', 'region', 'opened', 'team']);

/**
 * The card's fields, each once and only when known (no dashes for what a declared incident lacks).
 * The resource is plain text: the "Open in AWS console" button is the card's one console link.
 */
function cardFields(incident: Incident, impact: string, accounts?: Accounts): MrkdwnElement[] {
  const { resource } = incident;
  const location = locationField(incident, accounts);
  return [
    field('Impact', impact),
    field('Status', incidentStatusText(incident)),
    ...(resource
      ? [
          field(
            'Resource',
            `${escapeMrkdwn(resource.id)} (${RESOURCE_LABELS[resource.kind] ?? resource.kind})`,
          ),
        ]
      : []),
    ...(location ? [field(location.label, location.value)] : []),
    ...(incident.route?.team ? [field('Team', escapeMrkdwn(incident.route.team))] : []),
    field('Opened', `${slackDate(incident.openedAt)} ${openedBy(incident)}`),
    ...(incident.channelId ? [field('Incident channel', `<#${incident.channelId}>`)] : []),
  ];
}

/** A declared incident names who declared it with a real mention; anything else, its AWS source. */
function openedBy(incident: Incident): string {
  const { source, declaredBy } = incident;
  if (source === 'declared' && declaredBy && /^[UW][A-Z0-9]+$/.test(declaredBy)) return `by <@${declaredBy}>`;
  return OPENED_BY[source];
}

/**
 * The latest signal's facts, less empty ones, those that would repeat a card field's label, and one
 * that repeats the signal's detail (an alarm without a description shows its reason as the detail).
 */
function factsBlock(incident: Incident): KnownBlock | undefined {
  const { facts: all, detail } = incident.latestSignal;
  const facts = all.filter(
    (fact) =>
      fact.value.trim() !== '' &&
      !CARD_FIELD_LABELS.has(fact.label.trim().toLowerCase()) &&
      escapeMrkdwn(fact.value.trim()) !== detail.trim(),
  );
  if (facts.length === 0) return undefined;
  return {
    type: 'section',
    block_id: BLOCK_IDS.cardFacts,
    fields: facts.slice(0, 10).map((fact) => field(escapeMrkdwn(fact.label), escapeMrkdwn(fact.value))),
  };
}

function linkButtons(incident: Incident, region: string): Button[] {
  const buttons: Button[] = [];
  const url = consoleUrlFor(incident.resource);
  if (url) {
    buttons.push({
      type: 'button',
      action_id: ACTION_IDS.openConsole,
      text: { type: 'plain_text', text: 'Open in AWS console' },
      url,
    });
  }
  if (incident.incidentManagerArn) {
    buttons.push({
      type: 'button',
      action_id: ACTION_IDS.openIncidentManager,
      text: { type: 'plain_text', text: 'Open in Incident Manager' },
      url: incidentManagerUrlFor(incident.incidentManagerArn, region),
    });
  }
  return buttons;
}

/** How many signals came; when the card cannot show them all, where they all are. */
function signalCountText(count: number, id: string): string {
  if (count === 0) return 'no AWS signal yet';
  if (count === 1) return '1 signal';
  return `${count} signals, all in \`/incident timeline ${id}\``;
}

/**
 * The incident card: one message per incident, posted once and then updated in place. Pure: the
 * same incident gives the same blocks, and every text is cut to Slack's limits.
 */
export function buildIncidentCard(
  incident: Incident,
  options: {
    defaultRegion: string;
    offerRunbooks?: boolean;
    offerPaging?: boolean;
    /** A storm's member incidents, listed on its card. */
    members?: readonly Incident[];
    /** `accounts:`: the account's name instead of its id. */
    accounts?: Accounts;
  },
): IncidentCard {
  const id = incidentId(incident.seq);
  const impact = `${incident.impact} · ${IMPACT_NAMES[incident.impact]}`;
  // A resolved card must not look live: the impact's red or orange gives way to a check mark.
  const mark = incident.status === 'resolved' ? '✅' : IMPACT_EMOJI[incident.impact];
  const headline = `${mark} ${id} · ${incident.title}`;
  const facts = factsBlock(incident);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: BLOCK_IDS.cardHeader,
      text: { type: 'plain_text', text: truncate(headline, 150) },
    },
    {
      type: 'section',
      block_id: BLOCK_IDS.cardFields,
      fields: cardFields(incident, impact, options.accounts),
    },
    ...buildStormSection(incident, options.members ?? []),
    ...buildSignalSections(incident),
    ...(facts ? [facts] : []),
  ];
  if (incident.recoveredAt && incident.status !== 'resolved') {
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.cardRecovered,
      elements: [
        {
          type: 'mrkdwn',
          text: `✅ Signal recovered ${slackDate(incident.recoveredAt)}. The incident stays open until someone resolves it.`,
        },
      ],
    });
  }
  if (incident.snooze && incident.status !== 'resolved') {
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.cardSnooze,
      elements: [{ type: 'mrkdwn', text: snoozeLine(incident.snooze) }],
    });
  }
  if (incident.lastUpdate) {
    const { at, by, text } = incident.lastUpdate;
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.cardLatestUpdate,
      elements: [
        {
          type: 'mrkdwn',
          text: `📣 Latest update ${slackDate(at)} by <@${by}>: ${escapeMrkdwn(truncate(text, 280))}`,
        },
      ],
    });
  }
  if (incident.channelError) {
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.cardChannelError,
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(`⚠️ No incident channel: ${escapeMrkdwn(incident.channelError)}`, 3000),
        },
      ],
    });
  }
  if (incident.route?.tagsUnavailable) {
    // A tag read failed: routes that needed tags were passed over, so this may be the wrong team's.
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.cardRouteWarning,
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(
            `⚠️ Routed without the resource's tags (${escapeMrkdwn(incident.route.tagsUnavailable)}): routes that match on tags were passed over.`,
            3000,
          ),
        },
      ],
    });
  }
  if (incident.raw !== undefined) {
    const raw = truncate(incident.raw.replace(/```/g, "'''"), 2800);
    blocks.push({
      type: 'section',
      block_id: BLOCK_IDS.cardRaw,
      text: {
        type: 'mrkdwn',
        text: `*⚠️ Unrecognised message, shown raw:*\n\`\`\`${escapeMrkdwn(raw)}\`\`\``,
      },
    });
  }
  blocks.push(...buildLifecycleBlocks(incident));
  const actions = buildIncidentActions(
    incident,
    linkButtons(incident, incident.region ?? options.defaultRegion),
    { offerRunbooks: options.offerRunbooks, offerPaging: options.offerPaging },
  );
  if (actions) blocks.push(actions);
  blocks.push({
    type: 'context',
    block_id: BLOCK_IDS.cardFooter,
    elements: [
      {
        type: 'mrkdwn',
        text: `${signalCountText(incident.signalCount, id)} · last ${slackDate(incident.updatedAt)} · warroom`,
      },
    ],
  });
  return {
    text: truncate(
      `${id} [${impact}] ${INCIDENT_STATUS_LABELS[incident.status]}: ${escapeMrkdwn(incident.title)}`,
      3000,
    ),
    blocks,
    metadata: {
      event_type: CARD_METADATA_EVENT_TYPE,
      event_payload: { incident_id: id, incident_seq: incident.seq, version: incident.version },
    },
  };
}
