import type { Accounts } from '../accounts/index.ts';
import { type Clock, systemClock } from '../clock.ts';
import { type AccountScopedPorts, createAccountPorts, type PortsInAccount } from './account-ports.ts';
import { AutomationGateway } from './automation-gateway.ts';
import type { AutomationRunner, RdsResourceReader } from './automation-port.ts';
import { createAwsClients, createSqsClient } from './aws-clients.ts';
import { CloudWatchGateway } from './cloudwatch-gateway.ts';
import type { MetricValues } from './cloudwatch-metric-values.ts';
import { ContactsGateway } from './contacts-gateway.ts';
import type { ContactsPort } from './contacts-port.ts';
import { IncidentManagerGateway } from './incident-manager-gateway.ts';
import { IncidentManagerWriteGateway } from './incident-manager-write-gateway.ts';
import type { IncidentManagerWriter } from './incident-manager-writer.ts';
import type { IncidentRecordReader } from './incident-record.ts';
import type { MetricImages } from './metric-images.ts';
import { OpsCenterGateway } from './ops-center-gateway.ts';
import type { OpsCenterPort } from './ops-center-port.ts';
import { RdsGateway } from './rds-gateway.ts';
import type { RdsPort } from './rds-port.ts';
import { RdsResourceGateway } from './rds-resource-gateway.ts';
import { createResourceTagsGateway, useOwnClients } from './resource-tags-gateway.ts';
import type { ResourceTagsPort } from './resource-tags-port.ts';
import { SnsGateway } from './sns-gateway.ts';
import { SqsGateway } from './sqs-gateway.ts';
import type { SqsQueuePort } from './sqs-port.ts';

/** The AWS calls the core makes, as ports: tests may pass their own, production builds them here. */
export interface AwsPorts {
  incidentRecords: IncidentRecordReader;
  incidentManager: IncidentManagerWriter;
  confirmSubscription: (topicArn: string, token: string) => Promise<{ subscriptionArn: string }>;
  /** `/incident rds` and the card's Database menu. */
  rds: RdsPort;
  /** SSM Automation: runbook documents and executions. */
  automation: AutomationRunner;
  /** ARN and resource id of the DB a runbook acts on. */
  rdsResources: RdsResourceReader;
  /** Pictures of an alarm's metric for the card's thread (CloudWatch GetMetricWidgetImage). */
  metricImages: MetricImages;
  /** Latest metric values (CloudWatch GetMetricData): free storage in `/incident rds status`. */
  metricValues: MetricValues;
  /** SSM Contacts engagements for `contact:` escalation targets (absent: contact targets page nobody). */
  contacts?: ContactsPort;
  /** The SQS intake queue at SQS_QUEUE_URL (only opened when that is set). */
  openSqsQueue: (queueUrl: string) => SqsQueuePort;
  /** Tags of RDS databases and CloudWatch alarms, for routes (ListTagsForResource). */
  resourceTags: ResourceTagsPort;
  /** OpsCenter in warroom's own account and Region, for follow-ups (absent: warroom's own records only). */
  opsCenter?: OpsCenterPort;
  /**
   * The RDS, CloudWatch, tags and SSM Automation ports for an incident's account and Region: its
   * role's (`accounts.<id>.roleArn`), else warroom's own credentials; in warroom's Region without a
   * role, the ones above. Absent (test doubles): the ones above serve every account and Region.
   */
  inAccount?: PortsInAccount;
}

/**
 * Builds the gateways over SDK clients created once. Credentials come from the standard chain and
 * endpoints from AWS_ENDPOINT_URL_<SERVICE>, which the SDK reads itself (the emulator uses that too).
 */
export function createAwsPorts(
  region: string,
  options: { accounts?: Accounts; clock?: Clock } = {},
): AwsPorts {
  const clients = createAwsClients({ region });
  const incidentManager = new IncidentManagerGateway(clients.ssmIncidents);
  const sns = new SnsGateway();
  const cloudwatch = new CloudWatchGateway(clients.cloudwatch);
  const home: AccountScopedPorts = {
    rds: new RdsGateway(clients.rds),
    metricValues: cloudwatch,
    metricImages: cloudwatch,
    resourceTags: createResourceTagsGateway(useOwnClients(clients)),
    automation: new AutomationGateway(clients.ssm),
    rdsResources: new RdsResourceGateway(clients.rds),
  };
  const inAccount = createAccountPorts({
    region,
    accounts: options.accounts ?? {},
    clock: options.clock ?? systemClock,
    home,
  });
  return {
    incidentRecords: incidentManager,
    incidentManager: new IncidentManagerWriteGateway(clients.ssmIncidents),
    confirmSubscription: (topicArn, token) => sns.confirmSubscription(topicArn, token),
    rds: home.rds,
    automation: home.automation,
    rdsResources: home.rdsResources,
    inAccount,
    metricImages: cloudwatch,
    metricValues: cloudwatch,
    contacts: new ContactsGateway(clients.ssmContacts),
    opsCenter: new OpsCenterGateway(clients.ssm),
    openSqsQueue: (queueUrl) => new SqsGateway(createSqsClient(queueUrl, { region }), queueUrl),
    // Through the resource's account and Region: its role's clients (`accounts.<id>.roleArn`), else warroom's own.
    resourceTags: {
      listTags: (resource, signal) =>
        inAccount(resource.accountId, resource.region).resourceTags.listTags(resource, signal),
    },
  };
}
