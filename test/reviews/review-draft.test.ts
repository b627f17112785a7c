import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/incidents/incident.ts';
import { buildReviewDraft, type ReviewInput } from '../../src/reviews/index.ts';
import type { RunbookExecution } from '../../src/runbooks/index.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const at = (iso: string) => new Date(iso);
const entry = (
  iso: string,
  kind: TimelineEntry['kind'],
  actor: string,
  text: string,
  more: Partial<TimelineEntry> = {},
): TimelineEntry => ({ at: at(iso), kind, actor, text, ...more });

const incident = openIncident({
  status: 'resolved',
  impact: 2,
  impactStartedAt: at('2026-11-22T08:50:00Z'),
  openedAt: at('2026-11-22T09:00:00Z'),
  acknowledgedAt: at('2026-11-22T09:12:00Z'),
  acknowledgedBy: 'U0ALICE',
  // The next day: the durations must count the whole day.
  resolvedAt: at('2026-11-23T11:30:00Z'),
  resolvedBy: 'U0BOB',
  summary: 'Replica lag from a *long* vacuum; <@U0CAROL> killed it',
  incidentManagerArn: 'arn:aws:ssm-incidents::123456789012:incident-record/plan/abc',
  latestSignal: {
    signalType: 'cloudwatch-alarm:ALARM',
    title: 'CPU high',
    detail: '',
    at: at('2026-11-22T09:00:00Z'),
    facts: [{ label: 'Threshold', value: 'CPUUtilization > 80 for 3 datapoints' }],
  },
});

const timeline: TimelineEntry[] = [
  entry('2026-11-22T09:00:00Z', 'opened', 'aws:cloudwatch-alarm', 'ALARM: CPU high <@U0EVIL>'),
  entry(
    '2026-11-22T09:01:00Z',
    'annotation',
    'warroom',
    'paged <@U0ALICE>, <!subteam^S0SRE> (escalation `default` stage 1)',
  ),
  entry('2026-11-22T09:05:00Z', 'annotation', 'warroom', "pictured the alarm's metric in the card's thread"),
  entry('2026-11-22T09:12:00Z', 'status', 'U0ALICE', 'acknowledged', { from: 'open', to: 'acknowledged' }),
  entry('2026-11-22T09:20:00Z', 'impact', 'U0ALICE', 'set the impact', { from: '3', to: '2' }),
  entry('2026-11-22T09:30:00Z', 'note', 'U0CAROL', 'asked <@U0BOB> to check\n# not a heading'),
  entry('2026-11-23T11:00:00Z', 'update', 'U0BOB', 'vacuum killed, lag falling'),
  entry('2026-11-23T11:30:00Z', 'status', 'U0BOB', 'resolved the incident', {
    from: 'acknowledged',
    to: 'resolved',
  }),
];

const execution = {
  executionId: '0f1e2d3c-0000-4000-8000-000000000001',
  incidentSeq: 7,
  runbookId: 'reboot-instance',
  document: 'AWS-RebootRdsInstance',
  requestedBy: 'U0ALICE',
  approvedBy: 'U0BOB',
  status: 'Success',
  startedAt: at('2026-11-22T10:00:00Z'),
  finishedAt: at('2026-11-22T10:04:00Z'),
} as RunbookExecution;

function input(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return {
    incident,
    timeline,
    executions: [execution],
    engagements: [
      {
        engagementArn: 'arn:aws:ssm-contacts:us-east-1:123456789012:engagement/dba/1',
        seq: 7,
        dedupeKey: 'stage',
        contactArn: 'arn:aws:ssm-contacts:us-east-1:123456789012:contact/dba',
        contactAlias: 'dba',
        startedAt: at('2026-11-22T09:01:00Z'),
        acceptedAt: at('2026-11-22T09:03:00Z'),
        stopAttempts: 0,
      },
    ],
    naming: {
      format: 'canvas',
      names: new Map([
        ['U0ALICE', 'Alice Archer'],
        ['U0BOB', 'Bob Baker'],
        ['S0SRE', '@sre'],
      ]),
    },
    defaultRegion: 'eu-west-1',
    cardUrl: 'https://warroom.slack.com/archives/C0ALERTS/p1700000000000100',
    generatedAt: at('2026-11-23T11:31:00Z'),
    ...overrides,
  };
}

/** The lines of one `## ` section, heading excluded. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return end < 0 ? rest : rest.slice(0, end);
}

describe('buildReviewDraft', () => {
  it('writes every section the review needs, the analysis prompts as headings to fill in', () => {
    const markdown = buildReviewDraft(input());
    expect(markdown.startsWith('# Post-incident review: INC-7 · CPUUtilization \\> 80 on orders-db\n')).toBe(
      true,
    );
    const headings = [...markdown.matchAll(/^(#{2,3}) (.+)$/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(headings).toEqual([
      '## Summary and impact',
      '### Impact changes',
      '## Timeline of the response',
      '## Who was paged and who responded',
      '## What AWS said',
      '## Runbook runs',
      '## Metric pictures',
      '## Notes and updates',
      '## Full timeline',
      '## Follow-ups',
      '## Analysis',
      '### Detection',
      '### Diagnosis',
      '### Mitigation',
      '### Prevention',
    ]);
  });

  it('counts durations across two days and lists each moment with its date', () => {
    const lifecycle = section(buildReviewDraft(input()), 'Timeline of the response');
    expect(lifecycle).toContain('| Impact started | 2026-11-22 08:50 UTC |');
    expect(lifecycle).toContain('| Acknowledged | 2026-11-22 09:12 UTC by ![](@U0ALICE) |');
    expect(lifecycle).toContain('| Resolved | 2026-11-23 11:30 UTC by ![](@U0BOB) |');
    expect(lifecycle).toContain('| Time to acknowledge | 12 min |');
    expect(lifecycle).toContain('| Time to resolve | 1 d 2 h |');
    expect(lifecycle).toContain('| Impact duration | 1 d 2 h |');
  });

  it('mentions people as canvas mentions in a canvas and by name in a file, and escapes AWS text', () => {
    const canvas = buildReviewDraft(input());
    expect(section(canvas, 'Full timeline')).toContain(
      '- **2026-11-22 09:30 UTC** · ![](@U0CAROL) added a note: asked ![](@U0BOB) to check ⏎ \\# not a heading',
    );
    expect(section(canvas, 'What AWS said')).toContain(
      'AWS (cloudwatch-alarm): ALARM: CPU high \\<@U0EVIL\\>',
    );
    const file = buildReviewDraft(
      input({
        naming: {
          format: 'file',
          names: new Map([
            ['U0BOB', 'Bob Baker'],
            ['S0SRE', '@sre'],
          ]),
        },
      }),
    );
    expect(file).not.toContain('![](@');
    expect(section(file, 'Who was paged and who responded')).toContain(
      '- 2026-11-22 09:01 UTC · warroom paged Slack user U0ALICE, @sre (escalation \\`default\\` stage 1)',
    );
    expect(section(file, 'Summary and impact')).toContain(
      '> Replica lag from a \\*long\\* vacuum; Slack user U0CAROL killed it',
    );
  });

  it('says who was paged and engaged, and who responded first with what', () => {
    const people = section(buildReviewDraft(input()), 'Who was paged and who responded');
    expect(people).toContain(
      '- 2026-11-22 09:01 UTC · engaged dba (SSM Contacts), accepted 2026-11-22 09:03 UTC',
    );
    expect(people).toContain('- ![](@U0ALICE) · 2026-11-22 09:12 UTC: acknowledged');
    expect(people).toContain(
      '- ![](@U0CAROL) · 2026-11-22 09:30 UTC: asked ![](@U0BOB) to check ⏎ \\# not a heading',
    );
    expect(people.indexOf('U0ALICE) ·')).toBeLessThan(people.indexOf('U0CAROL) ·'));
  });

  it('lists runbook runs with outcome and console link, pictures, notes whole and impact changes', () => {
    const markdown = buildReviewDraft(input());
    expect(section(markdown, 'Runbook runs')).toContain(
      '**reboot-instance** (AWS-RebootRdsInstance) by ![](@U0ALICE), approved by ![](@U0BOB): **Success**, finished 2026-11-22 10:04 UTC · [execution](https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/0f1e2d3c-0000-4000-8000-000000000001?region=us-east-1)',
    );
    expect(section(markdown, 'Metric pictures')).toContain(
      "pictured the alarm's metric in the card's thread ([in the card's thread](https://warroom.slack.com/archives/C0ALERTS/p1700000000000100))",
    );
    expect(section(markdown, 'Notes and updates')).toContain(
      '**Note** · 2026-11-22 09:30 UTC · ![](@U0CAROL)\n\n> asked ![](@U0BOB) to check\n> \\# not a heading',
    );
    expect(section(markdown, 'Summary and impact')).toContain(
      '- 2026-11-22 09:20 UTC · ![](@U0ALICE): 3 → 2',
    );
  });

  it('leaves a marked follow-ups section, filled from the follow-ups given', () => {
    expect(section(buildReviewDraft(input()), 'Follow-ups')).toContain('_No follow-ups yet.');
    const filled = section(
      buildReviewDraft(
        input({
          followUps: [
            {
              title: 'Alarm on replica lag',
              owner: 'U0CAROL',
              status: 'open',
              link: 'https://example.com/ops/1',
            },
            { title: 'Vacuum window', status: 'done' },
          ],
        }),
      ),
      'Follow-ups',
    );
    expect(filled).toContain(
      '- [ ] [Alarm on replica lag](https://example.com/ops/1) · ![](@U0CAROL) · open',
    );
    expect(filled).toContain('- [x] Vacuum window · done');
  });
});
