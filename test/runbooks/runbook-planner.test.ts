import { describe, expect, it } from 'vitest';
import { loadAwsRunbooks } from '../../sandbox/aws/services/ssm/runbook-catalog.ts';
import type { Accounts } from '../../src/accounts/index.ts';
import type { AccountScopedPorts } from '../../src/aws/account-ports.ts';
import type { AutomationRunner, RdsResourceReader, RunbookDocument } from '../../src/aws/automation-port.ts';
import { ManualClock } from '../../src/clock.ts';
import { BotError } from '../../src/errors.ts';
import { placeAutomation } from '../../src/runbooks/automation-place.ts';
import { DEFAULT_RUNBOOKS } from '../../src/runbooks/default-catalog.ts';
import { RunbookPlanner } from '../../src/runbooks/runbook-planner.ts';
import { openIncident } from '../support/incident-fixtures.ts';

/** The emulator's documents, as DescribeDocument + GetDocument would give them. */
const DOCUMENTS = new Map<string, RunbookDocument>(
  loadAwsRunbooks().map((runbook) => [
    runbook.name,
    {
      name: runbook.name,
      parameters: runbook.parameters.map((parameter) => ({
        name: parameter.name,
        type: parameter.type === 'StringList' ? 'StringList' : 'String',
        required: parameter.defaultValue === undefined,
        defaultValue: parameter.defaultValue,
      })),
      steps: runbook.steps.map((step) => ({ name: step.name, action: step.action })),
    },
  ]),
);

/** SSM and RDS of one account and Region, as far as planning reads them; `where` names it in the logs. */
function portsAt(where: string, log: { lookups: string[]; documents: string[] }) {
  const automation: Pick<AutomationRunner, 'describeDocument'> = {
    describeDocument: async (name) => {
      log.documents.push(`${where}: ${name}`);
      const document = DOCUMENTS.get(name);
      if (!document) throw new BotError('AWS.VALIDATION', 'invalid');
      return document;
    },
  };
  const rdsResources: RdsResourceReader = {
    describe: async (kind, id) => {
      log.lookups.push(`${kind}:${id}`);
      if (id === 'gone-db') throw new BotError('AWS.NOT_FOUND', 'not found');
      return {
        arn: `arn:aws:rds:us-east-1:123456789012:db:${id}`,
        resourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY',
      };
    },
  };
  return { automation: automation as AutomationRunner, rdsResources };
}

function planner(options: { roleArn?: string; accounts?: Accounts; perPlace?: boolean } = {}) {
  const log = { lookups: [] as string[], documents: [] as string[] };
  const placeOf = placeAutomation({
    home: portsAt('home', log),
    // Each (account, Region) its own SSM and RDS, as createAccountPorts gives them.
    ...(options.perPlace
      ? {
          inAccount: (accountId: string | undefined, region: string) =>
            portsAt(`${accountId ?? '-'}/${region}`, log) as unknown as AccountScopedPorts,
        }
      : {}),
    accounts: options.accounts ?? {},
    region: 'us-east-1',
    roleArn: options.roleArn,
  });
  const subject = new RunbookPlanner({ placeOf, clock: new ManualClock() });
  return { subject, ...log };
}

const runbook = (id: string) => {
  const found = DEFAULT_RUNBOOKS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};
const ROLE = 'arn:aws:iam::123456789012:role/warroom-automation';

describe('RunbookPlanner', () => {
  it('fills the DB identifier without asking RDS when nothing else is needed', async () => {
    const { subject, lookups } = planner();
    const result = await subject.prepare(openIncident(), runbook('reboot-instance'));
    expect(result).toMatchObject({ ok: true, plan: { parameters: { InstanceId: ['orders-db'] } } });
    expect(lookups).toEqual([]);
    if (result.ok) expect(result.plan.steps.map((step) => step.name)).toContain('RebootInstance');
  });

  it('looks up the DbiResourceId for the AWSConfigRemediation runbooks and passes the role', async () => {
    const { subject, lookups } = planner({ roleArn: ROLE });
    const result = await subject.prepare(openIncident(), runbook('enable-backups'), {
      BackupRetentionPeriod: '14',
    });
    expect(result).toMatchObject({
      ok: true,
      plan: {
        parameters: {
          DbiResourceId: ['db-ABCDEFGHIJKLMNOPQRSTUVWXY'],
          AutomationAssumeRole: [ROLE],
          BackupRetentionPeriod: ['14'],
        },
      },
    });
    expect(lookups).toEqual(['rds-instance:orders-db']);
  });

  it('explains what is missing: no role configured, a DB gone, a locked parameter', async () => {
    const { subject } = planner();
    expect(await subject.prepare(openIncident(), runbook('disable-public-access'))).toEqual({
      ok: false,
      problems: [expect.stringContaining('AutomationAssumeRole needs {{config.automationRoleArn}}')],
    });
    const gone = openIncident({ resource: { kind: 'rds-instance', id: 'gone-db', region: 'us-east-1' } });
    expect(await planner({ roleArn: ROLE }).subject.prepare(gone, runbook('enable-multi-az'))).toEqual({
      ok: false,
      problems: ['gone-db was not found in RDS (us-east-1); it may have been deleted or renamed.'],
    });
    expect(await subject.prepare(openIncident(), runbook('reboot-instance'), { InstanceId: 'x' })).toEqual({
      ok: false,
      problems: ['InstanceId cannot be changed for reboot-instance (editable: none).'],
    });
  });

  it("plans a runbook in another Region of warroom's account there, with warroom's automation role", async () => {
    const { subject, documents } = planner({ roleArn: ROLE, perPlace: true });
    const elsewhere = openIncident({
      resource: { kind: 'rds-instance', id: 'orders-db', region: 'eu-west-1', accountId: '123456789012' },
    });
    const result = await subject.prepare(elsewhere, runbook('reboot-instance'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.plan.place.region).toBe('eu-west-1');
    expect(result.plan.parameters.AutomationAssumeRole).toEqual([ROLE]);
    expect(documents).toEqual(['123456789012/eu-west-1: AWS-RebootRdsInstance']);
  });

  it("refuses a runbook in a role's account without its automationRoleArn, naming the key", async () => {
    const { subject, lookups, documents } = planner({
      roleArn: ROLE,
      perPlace: true,
      accounts: {
        '210987654321': { name: 'staging-search', roleArn: 'arn:aws:iam::210987654321:role/warroom' },
      },
    });
    const resource = {
      kind: 'rds-instance' as const,
      id: 'search-db',
      region: 'eu-west-1',
      accountId: '210987654321',
    };
    const staging = openIncident({ resource, accountId: '210987654321' });
    expect(await subject.prepare(staging, runbook('reboot-instance'))).toEqual({
      ok: false,
      problems: [
        'reboot-instance runs with an automation role, and staging-search has none: set accounts.210987654321.automationRoleArn to a role in that account that Systems Manager may assume.',
      ],
    });
    expect([...lookups, ...documents]).toEqual([]);
  });

  it("plans a runbook in a role's account in its Region, with that account's automation role, never warroom's", async () => {
    const automationRole = 'arn:aws:iam::210987654321:role/warroom-automation';
    const { subject, documents } = planner({
      roleArn: ROLE,
      perPlace: true,
      accounts: {
        '210987654321': {
          name: 'staging-search',
          roleArn: 'arn:aws:iam::210987654321:role/warroom',
          automationRoleArn: automationRole,
        },
      },
    });
    const staging = openIncident({
      resource: { kind: 'rds-instance', id: 'search-db', region: 'eu-west-1', accountId: '210987654321' },
      accountId: '210987654321',
    });
    const result = await subject.prepare(staging, runbook('reboot-instance'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.plan.parameters.AutomationAssumeRole).toEqual([automationRole]);
    expect(result.plan.place).toMatchObject({
      region: 'eu-west-1',
      roleArn: automationRole,
      roleAccount: { accountId: '210987654321', where: 'staging-search' },
    });
    expect(documents).toEqual(['210987654321/eu-west-1: AWS-RebootRdsInstance']);
  });

  it("checks names against the document, and splits a StringList's comma-separated value", async () => {
    const { subject } = planner();
    const typo = { ...runbook('reboot-instance'), parameters: { InstanceID: '{{resource.id}}' } };
    const result = await subject.prepare(openIncident(), typo);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^AWS-RebootRdsInstance has no parameter InstanceID/),
      'AWS-RebootRdsInstance requires InstanceId, which has no value.',
    ]);
    const snapshot = openIncident({ resource: { kind: 'rds-snapshot', id: 'snap-1', region: 'us-east-1' } });
    const shared = await subject.prepare(snapshot, runbook('make-snapshot-private'), {
      SnapshotIdentifiers: 'snap-1, snap-2',
    });
    expect(shared).toMatchObject({
      ok: true,
      plan: { parameters: { SnapshotIdentifiers: ['snap-1', 'snap-2'], Private: ['Yes'] } },
    });
  });
});
