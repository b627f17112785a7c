import { describe, expect, it } from 'vitest';
import { validateBlocks } from '../../sandbox/slack/block-kit-rules.ts';
import { describeIncidentManagerState } from '../../src/incident-manager/incident-manager-state.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import { buildIncidentSummary } from '../../src/incidents/incident-summary.ts';
import type { OutboxItem } from '../../src/store/outbox.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const ARN = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc-123';

function outboxItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 1,
    incidentSeq: 7,
    write: { kind: 'update-record', arn: ARN, impact: 2 },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date('2026-11-22T09:00:00Z'),
    ...overrides,
  };
}

function texts(blocks: unknown[]): string {
  return blocks
    .flatMap((block) => {
      const { text, fields, elements } = block as {
        text?: { text: string };
        fields?: Array<{ text: string }>;
        elements?: Array<{ text: string }>;
      };
      return [text?.text ?? '', ...(fields ?? []).map((f) => f.text), ...(elements ?? []).map((e) => e.text)];
    })
    .join('\n');
}

describe('the Incident Manager state line', () => {
  it('says the incident is not linked when it lives only in warroom', () => {
    expect(describeIncidentManagerState(openIncident(), [], 'us-east-1')).toBe(
      "Incident Manager: not linked (warroom's own record only)",
    );
  });

  it('shows the ARN and "in sync" when nothing is owed', () => {
    const line = describeIncidentManagerState(openIncident({ incidentManagerArn: ARN }), [], 'us-east-1');
    expect(line).toContain(`\`${ARN}\``);
    expect(line).toContain('in sync');
  });

  it('counts pending writes and shows the error holding them up', () => {
    const line = describeIncidentManagerState(
      openIncident({ incidentManagerArn: ARN }),
      [
        outboxItem({ attempts: 2, lastError: 'AWS is throttling Incident Manager calls; retrying.' }),
        outboxItem({ id: 2 }),
      ],
      'us-east-1',
    );
    expect(line).toContain(
      '2 writes pending, last error: AWS is throttling Incident Manager calls; retrying.',
    );
  });

  it('tells writes that were given up apart from pending ones', () => {
    const line = describeIncidentManagerState(
      openIncident({ incidentManagerArn: ARN }),
      [outboxItem({ status: 'failed', attempts: 12, lastError: 'Access denied <x>' })],
      'us-east-1',
    );
    expect(line).toContain('1 write given up, last error: Access denied &lt;x&gt;');
  });

  it('says "being started" while StartIncident is queued', () => {
    const start: OutboxItem['write'] = {
      kind: 'start-incident',
      responsePlanArn: 'plan',
      title: 't',
      impact: 2,
    };
    expect(describeIncidentManagerState(openIncident(), [outboxItem({ write: start })], 'us-east-1')).toBe(
      'Incident Manager: being started · 1 write pending',
    );
  });
});

describe('the incident summary (/incident show)', () => {
  const acknowledged: Incident = openIncident({
    status: 'acknowledged',
    acknowledgedBy: 'U0BOB',
    acknowledgedAt: new Date('2026-11-22T09:05:00Z'),
    incidentManagerArn: ARN,
    title: 'CPU > 80 on <orders-db>',
  });

  it('shows status, impact, who acknowledged, the resource and the Incident Manager state', () => {
    const summary = buildIncidentSummary(acknowledged, [outboxItem({ lastError: 'AWS is throttling' })], {
      defaultRegion: 'us-east-1',
    });
    const all = texts(summary.blocks);
    expect(all).toContain('*INC-7* · CPU &gt; 80 on &lt;orders-db&gt;');
    expect(all).toContain('*Status*\nAcknowledged by <@U0BOB>');
    expect(all).toContain('*Impact*\n3 · Medium');
    expect(all).toContain('*Acknowledged*\n<@U0BOB>');
    expect(all).toContain('|orders-db>');
    expect(all).toContain('Incident Manager: linked');
    expect(all).toContain('1 write pending, last error: AWS is throttling');
    expect(all).toContain('`/incident timeline INC-7`');
    expect(validateBlocks(summary.blocks, 'message')).toEqual([]);
  });

  it('shows the resolution summary of a resolved incident', () => {
    const resolved = openIncident({ status: 'resolved', resolvedBy: 'U0ALICE', summary: 'rolled back' });
    const all = texts(buildIncidentSummary(resolved, [], { defaultRegion: 'us-east-1' }).blocks);
    expect(all).toContain('Resolved by <@U0ALICE>');
    expect(all).toContain('*Resolution*\nrolled back');
    expect(all).toContain('*Acknowledged*\nnot yet');
  });

  it('leaves out the resource, account and region a declared incident does not have', () => {
    const declared = openIncident({
      source: 'declared',
      declaredBy: 'U0ALICE',
      resource: undefined,
      accountId: undefined,
      region: undefined,
    });
    const summary = buildIncidentSummary(declared, [], { defaultRegion: 'us-east-1' });
    const all = texts(summary.blocks);
    expect(all).not.toContain('—');
    expect(all).not.toContain('*Resource*');
    expect(all).not.toContain('Account');
    expect(all).toContain('*Declared by*\n<@U0ALICE>');
    expect(validateBlocks(summary.blocks, 'message')).toEqual([]);
  });

  it("says who snoozed it and until when, as a time in the reader's zone, and nothing once it ends", () => {
    const snooze = {
      by: 'U0ALICE',
      at: new Date('2026-11-22T14:00:00Z'),
      until: new Date('2026-11-22T14:30:00Z'),
    };
    const summary = buildIncidentSummary(openIncident({ snooze }), [], { defaultRegion: 'us-east-1' });
    const all = texts(summary.blocks);
    expect(all).toContain(
      `💤 Snoozed until <!date^${snooze.until.getTime() / 1000}^{time}|14:30 UTC> by <@U0ALICE>: no escalation or reminders until then.`,
    );
    expect(validateBlocks(summary.blocks, 'message')).toEqual([]);
    expect(
      texts(buildIncidentSummary(openIncident(), [], { defaultRegion: 'us-east-1' }).blocks),
    ).not.toContain('Snoozed');
  });
});
