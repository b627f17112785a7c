import { describe, expect, it } from 'vitest';
import {
  type DrillIncident,
  evaluateDebrief,
  formatDuration,
  scoreDebrief,
  scoreText,
} from '../../src/drill/debrief.ts';
import { expectationSchema } from '../../src/drill/scenarios/scenario-schema.ts';
import type { RunbookExecution } from '../../src/runbooks/execution.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const OPENED = new Date('2026-11-22T09:00:00Z');
const at = (seconds: number) => new Date(OPENED.getTime() + seconds * 1000);

function shard(
  seq: number,
  changes: Parameters<typeof openIncident>[0] = {},
  extra: Partial<DrillIncident> = {},
) {
  const id = `orders-shard-${String(seq).padStart(2, '0')}`;
  return {
    incident: openIncident({ seq, openedAt: OPENED, resource: { kind: 'rds-instance', id }, ...changes }),
    executions: [],
    notes: 0,
    reads: {},
    ...extra,
  } satisfies DrillIncident;
}

const expectations = (items: unknown[]) => items.map((item) => expectationSchema.parse(item));

describe('the drill debrief, from what warroom recorded', () => {
  it('meets an expectation only when every incident it is about meets it, and names those that did not', () => {
    const incidents = [
      shard(1, { acknowledgedAt: at(90), acknowledgedBy: 'U0ALICE', status: 'acknowledged' }),
      shard(2, { acknowledgedAt: at(700), acknowledgedBy: 'U0BOB', status: 'acknowledged' }),
      shard(3),
    ];
    const [ack] = evaluateDebrief(expectations([{ kind: 'acknowledged', within: '10m' }]), incidents).items;
    expect(ack).toEqual({
      label: 'Acknowledged within 10m',
      outcome: 'missed',
      detail: '1 of 3 incidents; INC-2 acknowledged after 11m 40s by U0BOB; INC-3 not acknowledged',
    });
    const [first] = evaluateDebrief(
      expectations([{ kind: 'acknowledged', within: '10m', resource: 'orders-shard-01' }]),
      incidents,
    ).items;
    expect(first).toMatchObject({ outcome: 'met', detail: 'acknowledged after 1m 30s by U0ALICE' });
  });

  it('counts only what people did: a declared incident, the impact a person set, a runbook started, a summary', () => {
    const run = {
      runbookId: 'make-snapshot-private',
      document: 'AWSSupport-ModifyRDSSnapshotPermission',
      status: 'Success',
    };
    const incidents: DrillIncident[] = [
      shard(
        1,
        {
          impact: 2,
          impactSetBy: 'person',
          status: 'resolved',
          resolvedAt: at(1500),
          summary: 'Made private again',
        },
        { executions: [run as RunbookExecution], notes: 2 },
      ),
      {
        incident: openIncident({
          seq: 2,
          source: 'declared',
          title: 'Orders shards overloaded',
          resource: undefined,
        }),
        executions: [],
        notes: 0,
        reads: {},
      },
    ];
    const debrief = evaluateDebrief(
      expectations([
        { kind: 'declared' },
        { kind: 'impact-set', impact: 2 },
        { kind: 'runbook-run', runbook: 'AWSSupport-ModifyRDSSnapshotPermission' },
        { kind: 'note-added' },
        { kind: 'resolved', within: '30m' },
        { kind: 'manual', label: 'Ran `/incident rds check`' },
      ]),
      incidents,
    );
    expect(debrief.items.map((item) => [item.outcome, item.label, item.detail])).toEqual([
      ['met', 'An incident declared in Slack', 'INC-2 “Orders shards overloaded”'],
      ['met', 'Impact set by a person to 2', 'impact 2, set by a person'],
      ['met', 'Runbook AWSSupport-ModifyRDSSnapshotPermission run', 'ran make-snapshot-private (Success)'],
      ['met', 'A note added to the timeline', '2 notes'],
      ['met', 'Resolved with a summary within 30m', 'resolved after 25m: “Made private again”'],
      ['ask', 'Ran `/incident rds check`', 'not recorded by warroom: ask the team'],
    ]);
  });

  it('credits the database reads warroom answered, naming who read what and what was not read', () => {
    const incidents = [shard(1, {}, { reads: { status: 'U0DANA', check: 'U0ALICE' } })];
    const debrief = evaluateDebrief(
      expectations([
        { kind: 'database-read', reads: ['status', 'logs'] },
        { kind: 'database-read', reads: ['check'] },
      ]),
      incidents,
    );
    expect(debrief.items).toEqual([
      {
        label:
          'Looked at the database status and logs in warroom (`/incident rds status`, `/incident rds logs`)',
        outcome: 'missed',
        detail: 'status read by U0DANA; logs not read',
      },
      {
        label: 'Looked at the database check in warroom (`/incident rds check`)',
        outcome: 'met',
        detail: 'check run by U0ALICE',
      },
    ]);
  });

  it('counts every item it lists, and says how many are for the team to answer', () => {
    const debrief = evaluateDebrief(
      expectations([
        { kind: 'note-added' },
        { kind: 'manual', label: 'The channel stayed readable' },
        { kind: 'acknowledged' },
      ]),
      [shard(1, {}, { notes: 1 })],
    );
    expect(scoreDebrief(debrief)).toEqual({ met: 1, total: 3, toAsk: 1 });
    expect(scoreText(scoreDebrief(debrief))).toBe('1 of 3 checks met, 1 for the team to answer');
    expect(scoreText({ met: 1, total: 1, toAsk: 0 })).toBe('1 of 1 check met');
  });

  it('says so when the alerts opened no incident at all', () => {
    const [item] = evaluateDebrief(expectations([{ kind: 'resolved' }]), []).items;
    expect(item).toEqual({
      label: 'Resolved with a summary',
      outcome: 'missed',
      detail: 'no incident from the alerts was opened',
    });
    expect([formatDuration(45_000), formatDuration(125_000), formatDuration(3_720_000)]).toEqual([
      '45s',
      '2m 05s',
      '1h 02m',
    ]);
  });
});
