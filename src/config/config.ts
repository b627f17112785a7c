import type { Accounts } from '../accounts/index.ts';
import type { Impact } from '../incidents/index.ts';
import type { EscalationConfig, OnCallRotation } from '../paging/index.ts';
import type { Route } from '../routes/index.ts';
import type { RunbookDefinition } from '../runbooks/index.ts';
import type { SignalPolicyRule } from '../signals/index.ts';
import type { StormsConfig } from './storms-schema.ts';

export type PermissionAction = 'declare' | 'triage' | 'resolve' | 'runbook' | 'page';

/** Everything warroom reads at start-up, validated once. Inside the app, trust these types. */
export interface Config {
  port: number;
  logLevel: string;
  configPath: string;
  slack: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
    alertChannel: string;
    incidentChannels: boolean;
    incidentChannelPrivate: boolean;
    /** Where status updates are also posted, for stakeholders who should not see the incident's noise. */
    updatesChannel?: string;
  };
  aws: { region: string };
  /**
   * `table` is the name or the ARN as given (the SDK takes either as TableName); `region` is the
   * ARN's, when an ARN was given, else the table is in aws.region.
   */
  store: { kind: 'sqlite'; path: string } | { kind: 'dynamodb'; table: string; region?: string };
  sns: { topicArns: string[]; certDir?: string };
  /** Present when SQS_QUEUE_URL is set: notifications are also long-polled from that queue. */
  sqs?: { queueUrl: string };
  incidents: { responsePlanArn?: string };
  signals: SignalPolicyRule[];
  /** `storms:`: when signals for many resources become one storm incident. */
  storms: StormsConfig;
  /** `routes:`, first match wins: channel, escalation policy and owning team per signal. */
  routes: Route[];
  permissions: Record<PermissionAction, string[]>;
  /** The effective catalog (defaults merged with `runbooks:`) and `automation:` settings. */
  runbooks: {
    catalog: RunbookDefinition[];
    roleArn?: string;
    approvalTimeoutMs: number;
    /** `automation.approvers`: whom a two-person request mentions; empty: the `permissions.runbook` holders. */
    approvers: string[];
  };
  /** Escalation policies, the rules choosing them, and reminders. */
  escalation: EscalationConfig;
  /** `updates.every`: how often a status update is due, by impact (src/paging/update-reminders.ts). */
  updates?: { everyMs: Partial<Record<Impact, number>> };
  /** `followups.opsCenter`: follow-ups become OpsCenter OpsItems (src/followups/). */
  followups: { opsCenter: boolean };
  /** `oncall.rotations` by name; `whoIsOnCall` (src/paging/) reads one. */
  oncall: { rotations: Record<string, OnCallRotation> };
  /** `accounts:` by id: the names shown instead of ids, and the role per other account. */
  accounts: Accounts;
  /** `leaseSeconds`: how long a replica's claim on background work lasts unrenewed. */
  leaseSeconds: number;
  /** `shutdownGraceSeconds`: how long a stop waits for work in hand before exiting anyway. */
  shutdownGraceSeconds: number;
  /** Top-level YAML keys present but not active in this version. */
  inactiveKeys: string[];
}
