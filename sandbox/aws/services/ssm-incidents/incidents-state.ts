import { randomUUID } from 'node:crypto';
import type {
  AutomationExecution,
  ChatChannel,
  EventReference,
  NotificationTargetItem,
  RelatedItem,
} from '@aws-sdk/client-ssm-incidents';
import type { Clock } from '../../../../src/clock.ts';
import { IdempotencyCache } from '../idempotency-cache.ts';

export interface ResponsePlanRecord {
  arn: string;
  name: string;
  displayName?: string;
  title: string;
  impact: number;
  summary?: string;
  dedupeString?: string;
}

export interface TimelineEventRecord {
  eventId: string;
  incidentRecordArn: string;
  eventTime: Date;
  eventType: string;
  eventData: string;
  eventUpdatedTime: Date;
  eventReferences?: EventReference[];
}

export interface IncidentRecordState {
  arn: string;
  title: string;
  summary?: string;
  status: 'OPEN' | 'RESOLVED';
  impact: number;
  creationTime: Date;
  lastModifiedTime: Date;
  lastModifiedBy: string;
  resolvedTime?: Date;
  dedupeString: string;
  source: { createdBy: string; source: string; invokedBy?: string; resourceArn?: string };
  chatChannel?: ChatChannel;
  notificationTargets?: NotificationTargetItem[];
  automationExecutions?: AutomationExecution[];
  timeline: TimelineEventRecord[];
  relatedItems: RelatedItem[];
}

export interface IncidentSeed {
  title: string;
  impact?: number;
  status?: 'OPEN' | 'RESOLVED';
  /** Response plan name in the ARN; default `emulator-plan`. */
  responsePlanName?: string;
  summary?: string;
  creationTime?: Date;
  resolvedTime?: Date;
  /** `incidentRecordSource.source`; default `aws.ssm-incidents.custom` (manually started). */
  source?: string;
  createdBy?: string;
  resourceArn?: string;
  dedupeString?: string;
}

/** Incident Manager's response plans and incident records. Its ARNs carry no region. */
export class IncidentsState {
  readonly responsePlans = new Map<string, ResponsePlanRecord>();
  readonly incidentRecords = new Map<string, IncidentRecordState>();
  readonly idempotency = new IdempotencyCache();
  /** Who the emulator says made a change (`createdBy`, `lastModifiedBy`). */
  readonly callerArn: string;

  constructor(private readonly env: { accountId: string; clock: Clock }) {
    this.callerArn = `arn:aws:iam::${env.accountId}:user/warroom-emulator`;
  }

  addResponsePlan(plan: Omit<ResponsePlanRecord, 'arn'>): string {
    const arn = `arn:aws:ssm-incidents::${this.env.accountId}:response-plan/${plan.name}`;
    this.responsePlans.set(arn, { ...plan, arn });
    return arn;
  }

  /** Seeds an incident record as if it had been started earlier; returns its ARN. */
  addIncidentRecord(seed: IncidentSeed): string {
    const now = this.env.clock.now();
    const arn = this.newIncidentArn(seed.responsePlanName ?? 'emulator-plan');
    const status = seed.status ?? 'OPEN';
    this.incidentRecords.set(arn, {
      arn,
      title: seed.title,
      summary: seed.summary,
      status,
      impact: seed.impact ?? 3,
      creationTime: seed.creationTime ?? now,
      lastModifiedTime: seed.creationTime ?? now,
      lastModifiedBy: seed.createdBy ?? this.callerArn,
      resolvedTime: status === 'RESOLVED' ? (seed.resolvedTime ?? now) : undefined,
      dedupeString: seed.dedupeString ?? '',
      source: {
        createdBy: seed.createdBy ?? this.callerArn,
        source: seed.source ?? 'aws.ssm-incidents.custom',
        resourceArn: seed.resourceArn,
      },
      timeline: [],
      relatedItems: [],
    });
    return arn;
  }

  newIncidentArn(planName: string): string {
    return `arn:aws:ssm-incidents::${this.env.accountId}:incident-record/${planName}/${randomUUID()}`;
  }
}
