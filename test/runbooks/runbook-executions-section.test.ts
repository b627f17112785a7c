import { describe, expect, it } from 'vitest';
import { validateBlocks } from '../../sandbox/slack/block-kit-rules.ts';
import { buildIncidentSummary } from '../../src/incidents/incident-summary.ts';
import type { RunbookExecution } from '../../src/runbooks/execution.ts';
import { buildRunbookExecutionsSection } from '../../src/runbooks/runbook-executions-section.ts';
import { openIncident } from '../support/incident-fixtures.ts';

function execution(overrides: Partial<RunbookExecution> = {}): RunbookExecution {
  return {
    executionId: '11111111-1111-4111-8111-111111111111',
    incidentSeq: 7,
    runbookId: 'reboot-instance',
    document: 'AWS-RebootRdsInstance',
    clientToken: 't',
    requestedBy: 'U0ALICE',
    parameters: { InstanceId: ['orders-db'] },
    status: 'Success',
    steps: [],
    startedAt: new Date('2026-11-22T09:00:00Z'),
    updatedAt: new Date('2026-11-22T09:01:00Z'),
    version: 3,
    renderedVersion: 3,
    pollIntervalMs: 5000,
    ...overrides,
  };
}

const titleOf = (e: RunbookExecution) =>
  e.runbookId === 'reboot-instance' ? 'Reboot DB instance' : e.runbookId;
const textOf = (block: unknown) => (block as { text: { text: string } }).text.text;

describe("/incident show's runbook section", () => {
  it('lists each execution with title, document, status, who started it, when, and the console link', () => {
    const block = buildRunbookExecutionsSection([execution()], titleOf, 'eu-west-1');
    const text = textOf(block);
    expect(text).toContain('*Runbooks (1)*');
    expect(text).toContain('*Reboot DB instance* (`AWS-RebootRdsInstance`)');
    expect(text).toContain('✅ Success');
    expect(text).toContain('started by <@U0ALICE>');
    expect(text).toContain('<!date^1795338000^');
    expect(text).toContain(
      '<https://eu-west-1.console.aws.amazon.com/systems-manager/automation/execution/11111111-1111-4111-8111-111111111111?region=eu-west-1|11111111-1111-4111-8111-111111111111>',
    );
  });

  it('names the approver of a two-person runbook and lists the newest first', () => {
    const older = execution({ executionId: 'a'.repeat(36), status: 'Failed' });
    const newer = execution({
      executionId: 'b'.repeat(36),
      runbookId: 'stop-instance',
      document: 'AWS-StopRdsInstance',
      status: 'InProgress',
      approvedBy: 'U0BOB',
      startedAt: new Date('2026-11-22T10:00:00Z'),
    });
    const text = textOf(buildRunbookExecutionsSection([older, newer], titleOf, 'us-east-1'));
    expect(text).toContain('started by <@U0ALICE> (approved by <@U0BOB>)');
    expect(text.indexOf('b'.repeat(36))).toBeLessThan(text.indexOf('a'.repeat(36)));
  });

  it('is absent when nothing was run, and stays within the section limit when much was', () => {
    expect(buildRunbookExecutionsSection([], titleOf, 'us-east-1')).toBeUndefined();
    const many = Array.from({ length: 40 }, (_, i) =>
      execution({ executionId: `${String(i).padStart(2, '0')}${'c'.repeat(34)}`, document: 'D'.repeat(120) }),
    );
    const text = textOf(buildRunbookExecutionsSection(many, () => 'T'.repeat(75), 'us-east-1'));
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/…and \d+ earlier$/);
  });

  it('goes into the /incident show summary as valid Block Kit', () => {
    const message = buildIncidentSummary(openIncident(), [], {
      defaultRegion: 'us-east-1',
      runbooks: { executions: [execution()], titleOf, region: 'us-east-1' },
    });
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('*Runbooks (1)*');
  });
});
