import { incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, slackDate } from '../slack/mrkdwn.ts';
import { linesToSections } from '../slack/section-lines.ts';
import type { DbClusterFacts, DbEndpoint, DbInstanceFacts, PendingMaintenance } from './rds-facts.ts';
import { clusterStorageLines, instanceStorageLines } from './rds-storage-text.ts';
import type { StorageFinding } from './storage-metrics.ts';

export interface RdsStatusReply {
  text: string;
  blocks: KnownBlock[];
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function endpointText(endpoint: DbEndpoint | undefined): string {
  if (!endpoint) return 'none yet';
  return code(endpoint.port === undefined ? endpoint.address : `${endpoint.address}:${endpoint.port}`);
}

function maintenanceLines(actions: readonly PendingMaintenance[]): string[] {
  if (actions.length === 0) return ['• Pending maintenance: none'];
  return [
    '• Pending maintenance:',
    ...actions.map((action) => {
      const when = action.autoAppliedAfter ?? action.currentApplyDate ?? action.forcedApplyDate;
      const description = action.description ? `: ${escapeMrkdwn(action.description)}` : '';
      return `    ◦ ${code(action.action)}${description}${when ? ` (applied after ${slackDate(when)})` : ''}`;
    }),
  ];
}

function reply(lines: string[]): RdsStatusReply {
  return { text: lines.join('\n'), blocks: linesToSections(lines) };
}

/**
 * `/incident rds status` for a DB instance. Free storage comes from CloudWatch (`storage`, see
 * rds-storage-text.ts); a metric without datapoints or a failed read is said as such, never guessed.
 */
export function buildInstanceStatusReply(
  seq: number,
  instance: DbInstanceFacts,
  maintenance: readonly PendingMaintenance[],
  storage?: readonly StorageFinding[],
): RdsStatusReply {
  const zone = instance.availabilityZone ? ` (${escapeMrkdwn(instance.availabilityZone)})` : '';
  return reply([
    `*${incidentId(seq)} · DB instance ${code(instance.id)}*: ${escapeMrkdwn(instance.status)}`,
    `• Engine: ${escapeMrkdwn(`${instance.engine} ${instance.engineVersion}`.trim())} · Class: ${escapeMrkdwn(instance.instanceClass)}`,
    `• Multi-AZ: ${yesNo(instance.multiAZ)}${zone}`,
    ...instanceStorageLines(instance, storage),
    `• Endpoint: ${endpointText(instance.endpoint)}`,
    ...(instance.clusterId ? [`• Member of DB cluster ${code(instance.clusterId)}`] : []),
    ...maintenanceLines(maintenance),
  ]);
}

/**
 * `/incident rds status` for a DB cluster: members with their roles, what is left in an Aurora
 * volume and each member's local storage (`storage`, from CloudWatch), and both endpoints.
 */
export function buildClusterStatusReply(
  seq: number,
  cluster: DbClusterFacts,
  maintenance: readonly PendingMaintenance[],
  storage?: readonly StorageFinding[],
): RdsStatusReply {
  const members =
    cluster.members.length === 0
      ? 'none'
      : cluster.members
          .map((member) => `${code(member.instanceId)} (${member.writer ? 'writer' : 'reader'})`)
          .join(', ');
  return reply([
    `*${incidentId(seq)} · DB cluster ${code(cluster.id)}*: ${escapeMrkdwn(cluster.status)}`,
    `• Engine: ${escapeMrkdwn(`${cluster.engine} ${cluster.engineVersion}`.trim())} · Multi-AZ: ${yesNo(cluster.multiAZ)}`,
    `• Members: ${members}`,
    ...clusterStorageLines(storage),
    `• Writer endpoint: ${endpointText(cluster.endpoint)}`,
    `• Reader endpoint: ${endpointText(cluster.readerEndpoint)}`,
    ...maintenanceLines(maintenance),
  ]);
}
