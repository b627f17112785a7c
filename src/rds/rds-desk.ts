import type { MetricValues } from '../aws/cloudwatch-metric-values.ts';
import type { RdsPort } from '../aws/rds-port.ts';
import type { Clock } from '../clock.ts';
import { type Incident, incidentId } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { type CatalogRunbook, checkDatabase } from './rds-check.ts';
import { targetText } from './rds-check-text.ts';
import { readFreeStorage } from './rds-free-storage.ts';
import { type LogRequest, postLogTail } from './rds-logs.ts';
import { type RdsRead, type RdsReader, recordRdsRead } from './rds-reads.ts';
import { RdsSnapshots } from './rds-snapshots.ts';
import { buildClusterStatusReply, buildInstanceStatusReply } from './rds-status-text.ts';
import { type RdsTarget, rdsTargetOf, TARGET_WORDS } from './rds-target.ts';
import { RecentRequests } from './recent-requests.ts';
import { storageMetricsOfCluster, storageMetricsOfInstance } from './storage-metrics.ts';

export interface RdsDeskDeps {
  /** warroom's own RDS client: used for an incident whose account has no role of its own. */
  rds: RdsPort;
  /** The RDS port of an incident's account (its role's, `accounts:`) and Region; absent: `rds` serves all. */
  rdsFor?: (incident: Incident) => RdsPort;
  /** CloudWatch GetMetricData, for free storage in `status`; absent: the reply says it is not read. */
  metricValues?: MetricValues;
  /** The metric values of an incident's account and Region; absent: `metricValues` serves all. */
  metricValuesFor?: (incident: Incident) => MetricValues;
  store: Store;
  slack: Pick<SlackGateway, 'postMessage' | 'permalink' | 'updateMessage' | 'findReplyByMetadata'>;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  onTimeline: (seq: number) => void;
  /** warroom's runbook catalog (`runbooks:`), so a ✗ says which runbook to start and how. */
  catalog?: readonly CatalogRunbook[];
  tickMs?: number;
}

export type RdsReply = string | { text: string; blocks: KnownBlock[] };

type Kind = RdsTarget['kind'];

/**
 * What responders ask about an incident's database (`/incident rds`, the card's Database menu):
 * status, posture check, log tail, snapshot. Permissions are checked by the caller; here
 * every answer, including "this incident has no database", is a reply in words.
 */
export class RdsDesk {
  private readonly snapshots: RdsSnapshots;
  /** Log posts already made for a request: a redelivered command does not post twice. */
  private readonly recent = new RecentRequests();

  constructor(private readonly deps: RdsDeskDeps) {
    this.snapshots = new RdsSnapshots(deps);
  }

  /** `reader`: who asked, so the read is on the timeline (a drill's debrief credits it). */
  async status(incident: Incident, reader?: RdsReader): Promise<RdsReply> {
    const target = this.targetFor(incident, ['instance', 'cluster'], 'status');
    if (typeof target === 'string') return target;
    const rds = this.rdsOf(incident);
    const metricValues =
      this.deps.metricValues && (this.deps.metricValuesFor?.(incident) ?? this.deps.metricValues);
    // One GetMetricData call per status, after Describe* says which metrics fit (Aurora or not).
    const readStorage = (metrics: Parameters<typeof readFreeStorage>[1]) =>
      metricValues ? readFreeStorage({ ...this.deps, metricValues }, metrics) : Promise.resolve(undefined);
    if (target.kind === 'instance') {
      const instance = await rds.describeInstance(target.id);
      const [maintenance, storage] = await Promise.all([
        instance.arn ? rds.pendingMaintenance(instance.arn) : [],
        readStorage(storageMetricsOfInstance(instance)),
      ]);
      await this.recordRead(incident, 'status', reader, target);
      return buildInstanceStatusReply(incident.seq, instance, maintenance, storage);
    }
    const cluster = await rds.describeCluster(target.id);
    const [maintenance, storage] = await Promise.all([
      cluster.arn ? rds.pendingMaintenance(cluster.arn) : [],
      readStorage(storageMetricsOfCluster(cluster)),
    ]);
    await this.recordRead(incident, 'status', reader, target);
    return buildClusterStatusReply(incident.seq, cluster, maintenance, storage);
  }

  async check(incident: Incident, reader?: RdsReader): Promise<RdsReply> {
    const target = this.targetFor(incident, ['instance', 'cluster', 'snapshot'], 'check');
    if (typeof target === 'string') return target;
    const reply = await checkDatabase(this.rdsOf(incident), incident, target, this.deps.catalog ?? []);
    await this.recordRead(incident, 'check', reader, target);
    return reply;
  }

  /** A cluster's logs are its writer's: the instance most incidents are about. */
  async logs(incident: Incident, request: LogRequest, userId: string, requestKey?: string): Promise<string> {
    const target = this.targetFor(incident, ['instance', 'cluster'], 'logs');
    if (typeof target === 'string') return target;
    if (requestKey && !this.recent.claim(requestKey, this.deps.clock.now()))
      return "That request was already answered; the lines are in the card's thread.";
    try {
      return await this.postLogs(incident, target, request, userId, requestKey);
    } catch (error) {
      if (requestKey) this.recent.release(requestKey);
      throw error;
    }
  }

  private async postLogs(
    incident: Incident,
    target: Extract<RdsTarget, { kind: 'instance' | 'cluster' }>,
    request: LogRequest,
    userId: string,
    requestKey: string | undefined,
  ): Promise<string> {
    let instanceId = target.id;
    if (target.kind === 'cluster') {
      const cluster = await this.rdsOf(incident).describeCluster(target.id);
      const writer = cluster.members.find((member) => member.writer);
      if (!writer) return `${targetText(target)} has no writer instance to read logs from.`;
      instanceId = writer.instanceId;
    }
    const answer = await postLogTail(
      { ...this.deps, rds: this.rdsOf(incident) },
      incident,
      instanceId,
      request,
      userId,
    );
    if (answer.posted && requestKey) {
      const subject = { kind: 'instance' as const, id: answer.posted.instanceId };
      await this.recordRead(incident, 'logs', { userId, requestKey }, subject, ` (${answer.posted.file})`);
    }
    return answer.text;
  }

  /**
   * A read that was answered goes on the timeline, after the answer is built (a read that failed
   * is not one). A timeline that cannot be written must not cost the person their answer.
   */
  private async recordRead(
    incident: Incident,
    read: RdsRead,
    reader: RdsReader | undefined,
    target: Pick<RdsTarget, 'kind' | 'id'>,
    detail = '',
  ): Promise<void> {
    if (!reader) return;
    const subject = `${TARGET_WORDS[target.kind]} ${target.id}${detail}`;
    await recordRdsRead(this.deps, incident.seq, read, reader, subject).catch((error: unknown) =>
      this.deps.logger.warn(
        { err: error, incidentSeq: incident.seq, read },
        'could not record a database read',
      ),
    );
  }

  async snapshot(incident: Incident, userId: string): Promise<string> {
    const target = this.targetFor(incident, ['instance', 'cluster'], 'snapshot');
    if (typeof target === 'string') return target;
    return this.snapshots.take(incident, target, userId);
  }

  /** At start-up: snapshots taken before a restart are watched again until reported. */
  resume(): Promise<void> {
    return this.snapshots.resume();
  }

  idle(): Promise<void> {
    return this.snapshots.idle();
  }

  get busy(): boolean {
    return this.snapshots.busy;
  }

  stop(): void {
    this.snapshots.stop();
  }

  /** Every RDS call about an incident goes to the incident's own account and Region. */
  private rdsOf(incident: Incident): RdsPort {
    return this.deps.rdsFor?.(incident) ?? this.deps.rds;
  }

  /** The incident's database when this subcommand can act on it, else the reason in words. */
  private targetFor<K extends Kind>(
    incident: Incident,
    kinds: readonly K[],
    subcommand: string,
  ): Extract<RdsTarget, { kind: K }> | string {
    const id = incidentId(incident.seq);
    const target = rdsTargetOf(incident.resource);
    if (!target)
      return `${id} is not about an RDS database, so there is nothing for \`/incident rds\` to look at. It works on incidents about a DB instance, a DB cluster or a DB snapshot.`;
    if (!isOneOf(target, kinds))
      return `${id} is about ${targetText(target)}; \`rds ${subcommand}\` works on a ${kinds.map((kind) => `DB ${kind}`).join(' or ')}.`;
    return target;
  }
}

function isOneOf<K extends Kind>(
  target: RdsTarget,
  kinds: readonly K[],
): target is Extract<RdsTarget, { kind: K }> {
  return (kinds as readonly Kind[]).includes(target.kind);
}
