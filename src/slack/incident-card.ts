import type { AlertSource } from '../incident/alert.ts';
import { IMPACT_NAMES, type Impact } from '../incident/impact.ts';
import { type Incident, incidentId } from '../incident/incident.ts';
import type { Button, KnownBlock, MrkdwnElement } from './block-kit.ts';
import { consoleUrlFor, incidentManagerUrlFor } from './console-links.ts';
import { ACTION_IDS, BLOCK_IDS, CARD_METADATA_EVENT_TYPE } from './ids.ts';
import { buildIncidentActions } from './incident-actions.ts';
import { INCIDENT_STATUS_LABELS, incidentStatusText } from './incident-status-text.ts';
import { escapeMrkdwn, mrkdwnLink, slackDate, truncate } from './mrkdwn.ts';

const IMPACT_EMOJI: Record<Impact, string> = { 1: '🔴', 2: '🟠', 3: '🟡', 4: '🔵', 5: '⚪' };

const SOURCE_LABELS: Record<AlertSource, string> = {
  'cloudwatch-alarm': 'CloudWatch alarm',
  'rds-event': 'RDS event',
  'eventbridge-rds': 'EventBridge (RDS)',
  'eventbridge-automation': 'EventBridge (SSM Automation)',
  cloudtrail: 'CloudTrail API call',
  chatbot: 'AWS Chatbot custom notification',
  'incident-manager': 'Incident Manager',
  unknown: 'Unrecognised SNS message',
  declared: 'Declared in Slack',
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

function resourceField(incident: Incident): string {
  const resource = incident.resource;
  if (!resource) return '—';
  const url = consoleUrlFor(resource);
  const name = url ? mrkdwnLink(url, resource.id) : escapeMrkdwn(resource.id);
  return `${name} (${RESOURCE_LABELS[resource.kind] ?? resource.kind})`;
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

/**
 * The incident card: one message per incident, posted once and then updated in place. Pure: the
 * same incident gives the same blocks, and every text is cut to Slack's limits.
 */
/** A declared incident's "signal" is the person who declared it: a real mention, not escaped text. */
function signalTitle(incident: Incident): string {
  const { latestSignal: signal, declaredBy } = incident;
  if (signal.signalType === 'declared' && declaredBy && /^[UW][A-Z0-9]+$/.test(declaredBy)) {
    return `Declared by <@${declaredBy}>`;
  }
  return escapeMrkdwn(signal.title);
}

function signalCountText(count: number): string {
  return count === 0 ? 'no AWS signal yet' : `${count} signal${count === 1 ? '' : 's'}`;
}

export function buildIncidentCard(
  incident: Incident,
  options: { defaultRegion: string; offerRunbooks?: boolean; offerPaging?: boolean },
): IncidentCard {
  const id = incidentId(incident.seq);
  const impact = `${incident.impact} · ${IMPACT_NAMES[incident.impact]}`;
  const headline = `${IMPACT_EMOJI[incident.impact]} ${id} · ${incident.title}`;
  const signal = incident.latestSignal;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: BLOCK_IDS.cardHeader,
      text: { type: 'plain_text', text: truncate(headline, 150) },
    },
    {
      type: 'section',
      block_id: BLOCK_IDS.cardFields,
      fields: [
        field('Impact', impact),
        field('Status', incidentStatusText(incident)),
        field('Resource', resourceField(incident)),
        field('Account · Region', `${incident.accountId ?? '—'} · ${incident.region ?? '—'}`),
        field('Source', SOURCE_LABELS[incident.source]),
        field('Opened', slackDate(incident.openedAt)),
        ...(incident.channelId ? [field('Incident channel', `<#${incident.channelId}>`)] : []),
      ],
    },
    {
      type: 'section',
      block_id: BLOCK_IDS.cardLatestSignal,
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*Latest signal* · ${slackDate(signal.at)}\n*${signalTitle(incident)}*\n${signal.detail}`,
          3000,
        ),
      },
    },
  ];
  if (signal.facts.length > 0) {
    blocks.push({
      type: 'section',
      block_id: BLOCK_IDS.cardFacts,
      fields: signal.facts
        .slice(0, 10)
        .map((fact) => field(escapeMrkdwn(fact.label), escapeMrkdwn(fact.value))),
    });
  }
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
  if (incident.status === 'resolved' && incident.summary) {
    blocks.push({
      type: 'section',
      block_id: BLOCK_IDS.cardSummary,
      text: { type: 'mrkdwn', text: truncate(`*Resolution*\n${escapeMrkdwn(incident.summary)}`, 3000) },
    });
  }
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
        text: `${signalCountText(incident.signalCount)} · last ${slackDate(incident.updatedAt)} · warroom`,
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
