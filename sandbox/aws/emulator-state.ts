import type { Clock } from '../../src/clock.ts';
import { CloudWatchState } from './services/cloudwatch/cloudwatch-state.ts';
import { DynamoDbState } from './services/dynamodb/dynamodb-state.ts';
import { RdsState } from './services/rds/rds-state.ts';
import { SnsState } from './services/sns/sns-state.ts';
import { SqsState } from './services/sqs/sqs-state.ts';
import { SsmState } from './services/ssm/ssm-state.ts';
import { ContactsState } from './services/ssm-contacts/contacts-state.ts';
import { IncidentsState } from './services/ssm-incidents/incidents-state.ts';
import { StsState } from './services/sts/sts-state.ts';

export interface EmulatorEnvironment {
  accountId: string;
  region: string;
  clock: Clock;
}

/** Everything the emulated services hold; typed and mutable so tests can seed and assert on it. */
export class EmulatorState {
  readonly sns: SnsState;
  readonly incidents: IncidentsState;
  readonly rds: RdsState;
  readonly ssm: SsmState;
  /** SSM Contacts: seed with `contacts.addContact(…)`, accept a page with `contacts.acceptPage(arn)`. */
  readonly contacts: ContactsState;
  /** SQS queues: seed with `sqs.createQueue(name, { VisibilityTimeout })`, inspect `sqs.queues`. */
  readonly sqs: SqsState;
  /** CloudWatch metric data for GetMetricData: `cloudwatch.putMetricValues(…)`, `publishEveryMinute(…)`. */
  readonly cloudwatch: CloudWatchState;
  /** STS roles (`sts.addRole(arn, { externalId })`) and the temporary keys AssumeRole issued. */
  readonly sts: StsState;
  /** DynamoDB tables per account and Region (in-memory dynalite); use the SDK to seed and inspect. */
  readonly dynamodb: DynamoDbState;

  constructor(env: EmulatorEnvironment) {
    this.sns = new SnsState();
    this.incidents = new IncidentsState(env);
    this.rds = new RdsState(env);
    this.ssm = new SsmState(env, this.rds);
    this.contacts = new ContactsState(env);
    this.sqs = new SqsState(env);
    this.cloudwatch = new CloudWatchState(env);
    this.sts = new StsState(env);
    this.dynamodb = new DynamoDbState();
  }
}
