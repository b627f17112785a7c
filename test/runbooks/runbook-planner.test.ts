import { describe, expect, it } from 'vitest';
import { loadAwsRunbooks } from '../../sandbox/aws/services/ssm/runbook-catalog.ts';
import type { Accounts } from '../../src/accounts/index.ts';
import type { AutomationRunner, RdsResourceReader, RunbookDocument } from '../../src/aws/automation-port.ts';
import { ManualClock } from '../../src/clock.ts';
import { BotError } from '../../src/errors.ts';
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

function planner(options: { roleArn?: string; accounts?: Accounts } = {}) {
  const lookups: string[] = [];
  const automation: Pick<AutomationRunner, 'describeDocument'> = {
    describeDocument: async (name) => {
      const document = DOCUMENTS.get(name);
      if (!document) throw new BotError('AWS.VALIDATION', 'invalid');
      return document;
    },
  };
  const rdsResources: RdsResourceReader = {
    describe: async (kind, id) => {
      lookups.push(`${kind}:${id}`);
      if (id === 'gone-db') throw new BotError('AWS.NOT_FOUND', 'not found');
      return {
        arn: `arn:aws:rds:us-east-1:123456789012:db:${id}`,
        resourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY',
      };
    },
  };
  const subject = new RunbookPlanner({
    automation: automation as AutomationRunner,
    rdsResources,
    clock: new ManualClock(),
    region: 'us-east-1',
    roleArn: options.roleArn,
    accounts: options.accounts,
  });
  return { subject, lookups };
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

  it('explains what is missing: no role configured, a DB gone, a locked parameter, another region', async () => {
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
    const elsewhere = openIncident({
      resource: { kind: 'rds-instance', id: 'orders-db', region: 'eu-west-1' },
    });
    expect(await subject.prepare(elsewhere, runbook('reboot-instance'))).toEqual({
      ok: false,
      problems: ['orders-db is in eu-west-1; warroom runs runbooks in us-east-1 only.'],
    });
  });

  it("refuses a runbook in an account reached through a role, rather than run it in warroom's own", async () => {
    const { subject, lookups } = planner({
      accounts: {
        '210987654321': { name: 'staging-search', roleArn: 'arn:aws:iam::210987654321:role/warroom' },
      },
    });
    const resource = {
      kind: 'rds-instance' as const,
      id: 'search-db',
      region: 'us-east-1',
      accountId: '210987654321',
    };
    const staging = openIncident({ resource, accountId: '210987654321' });
    expect(await subject.prepare(staging, runbook('reboot-instance'))).toEqual({
      ok: false,
      problems: [
        "search-db is in staging-search (210987654321), which warroom reaches through a role; runbooks do not run there yet. Start it from that account's Systems Manager console.",
      ],
    });
    expect(lookups).toEqual([]);
    expect((await subject.prepare(openIncident(), runbook('reboot-instance'))).ok).toBe(true);
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
