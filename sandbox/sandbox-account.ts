import type { AwsEmulator } from './aws/aws-emulator.ts';

export const SANDBOX_ACCOUNT_ID = '123456789012';
export const SANDBOX_REGION = 'us-east-1';
export const SANDBOX_TOPIC_ARN = `arn:aws:sns:${SANDBOX_REGION}:${SANDBOX_ACCOUNT_ID}:warroom-sandbox`;
/** Where every card no route sends elsewhere goes (`slack.alertChannel`); the checkout team's. */
export const SANDBOX_ALERT_CHANNEL = 'C0ALERTS';
/** `#payments-alerts`: the team config's payments route sends payments-tagged resources here. */
export const SANDBOX_PAYMENTS_CHANNEL = 'C0PAYMENTS';
/** `@sre` (Alice): every policy's second stage. */
export const SANDBOX_SRE_GROUP = 'S0SRE';
/** `@payments` (Carol, Dana): paged first for what the payments route takes. */
export const SANDBOX_PAYMENTS_GROUP = 'S0PAYMENTS';
export const SANDBOX_AUTOMATION_ROLE_ARN = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/warroom-sandbox-automation`;

/**
 * The warroom.yml of a sandbox or drill: cards go to `alertChannel`, only the sandbox topic is
 * accepted, and runbooks run with the sandbox's automation role (in the emulator). `slackExtra`
 * adds indented keys under `slack:`.
 */
export function sandboxConfigYaml(alertChannel: string, slackExtra = ''): string {
  return (
    `slack:\n  alertChannel: ${alertChannel}\n${slackExtra}sns:\n  topicArns: [${SANDBOX_TOPIC_ARN}]\n` +
    `automation:\n  roleArn: ${SANDBOX_AUTOMATION_ROLE_ARN}\n`
  );
}

export const SANDBOX_RESPONSE_PLAN = 'sandbox-database-incidents';
export const SANDBOX_RESPONSE_PLAN_ARN = `arn:aws:ssm-incidents::${SANDBOX_ACCOUNT_ID}:response-plan/${SANDBOX_RESPONSE_PLAN}`;

/**
 * What a team adds once it settles in, for the browser sandbox: a channel per incident, declared
 * incidents written through to Incident Manager, on-call paging, and routes for two teams. Bob and
 * Carol take turns on call (a day each, hand-off 09:00 UTC); whoever is on call is paged as an
 * incident opens, then the @sre group (Alice) after 5 minutes, repeated every 10 until someone
 * acknowledges. Resources tagged team=payments go to #payments-alerts, page @payments first and
 * show team payments; those tagged team=checkout stay in the alert channel as team checkout; the
 * rest go to the alert channel with no team. Only for the local workspace (sandboxWorkspace): its
 * people and channels do not exist in a real Slack, so drills there leave this out.
 */
export function sandboxTeamYaml(alertChannel: string): string {
  return `${sandboxConfigYaml(alertChannel, '  incidentChannels: true\n')}incidents:
  responsePlanArn: ${SANDBOX_RESPONSE_PLAN_ARN}
oncall:
  rotations:
    primary:
      members: [U0BOB, U0CAROL]
      shift: 1d
      handoff: "09:00"
      timezone: UTC
escalation:
  default:
    stages:
      - after: 0s
        notify: [rotation:primary]
      - after: 5m
        notify: [${SANDBOX_SRE_GROUP}]
    repeatLastEveryMinutes: 10
  payments:
    stages:
      - after: 0s
        notify: [${SANDBOX_PAYMENTS_GROUP}]
      - after: 5m
        notify: [${SANDBOX_SRE_GROUP}]
    repeatLastEveryMinutes: 10
routes:
  - name: payments
    when: {tags: {team: payments}}
    channel: ${SANDBOX_PAYMENTS_CHANNEL}
    policy: payments
    team: payments
  - name: checkout
    when: {tags: {team: checkout}}
    team: checkout
`;
}

/** A small account to play with: a PostgreSQL instance (with logs), an Aurora cluster, an SNS topic. */
export function seedSandboxAccount(aws: AwsEmulator): void {
  // The plan sandboxTeamYaml names: declared incidents start an Incident Manager record from it.
  aws.state.incidents.addResponsePlan({
    name: SANDBOX_RESPONSE_PLAN,
    displayName: 'Database incidents',
    title: 'Database incident',
    impact: 3,
  });
  aws.state.rds.addInstance({
    id: 'orders-db',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.r6g.large',
    multiAZ: true,
    storageEncrypted: true,
    backupRetentionPeriod: 7,
    // What routes by tag (`when: {tags: {team: checkout}}`) read through ListTagsForResource.
    tags: { env: 'prod', team: 'checkout' },
  });
  // Something for `/incident rds` to find: a busy hour of log (made line by line when read), an
  // export from before the DB was encrypted that someone made public, and an OS update waiting.
  aws.state.rds.addLogFile('orders-db', 'error/postgresql.log.2026-11-22-09', {
    lines: 120_000,
    generator: (i) =>
      `2026-11-22 09:${String(Math.floor(i / 2000) % 60).padStart(2, '0')}:00 UTC:10.0.3.7(41234):app@orders:[${4100 + (i % 37)}]:` +
      (i % 500 === 499
        ? 'ERROR:  canceling statement due to statement timeout'
        : `LOG:  duration: ${(i * 7) % 900} ms`),
  });
  aws.state.rds.addSnapshot({
    id: 'orders-db-export',
    instanceId: 'orders-db',
    public: true,
    encrypted: false,
  });
  aws.state.rds.addPendingMaintenance('orders-db', {
    action: 'system-update',
    description: 'New Operating System update is available',
  });
  aws.state.rds.addCluster({
    id: 'payments-aurora',
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    members: [{ instanceId: 'payments-aurora-1', writer: true }, { instanceId: 'payments-aurora-2' }],
    tags: { env: 'prod', team: 'payments' },
  });
  // What `/incident rds status` reads from CloudWatch, published every minute while the sandbox
  // runs: orders-db has 68 of its 100 GiB free, payments-aurora's volume is far from its limit.
  const metrics = aws.state.cloudwatch;
  const anHourAgo = new Date(metrics.now().getTime() - 60 * 60_000);
  const healthy = (metric: string, dimensions: Record<string, string>, bytes: number) =>
    metrics.publishEveryMinute('AWS/RDS', metric, dimensions, [{ from: anHourAgo, value: bytes }], 'Bytes');
  healthy('FreeStorageSpace', { DBInstanceIdentifier: 'orders-db' }, 68 * 1024 ** 3);
  healthy('AuroraVolumeBytesLeftTotal', { DBClusterIdentifier: 'payments-aurora' }, 127.5 * 1024 ** 4);
  healthy('FreeLocalStorage', { DBInstanceIdentifier: 'payments-aurora-1' }, 30 * 1024 ** 3);
  healthy('FreeLocalStorage', { DBInstanceIdentifier: 'payments-aurora-2' }, 30 * 1024 ** 3);
  aws.state.sns.addPendingSubscription(SANDBOX_TOPIC_ARN, 'sandbox-subscription-token');
}
