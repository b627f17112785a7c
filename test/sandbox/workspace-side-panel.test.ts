import { describe, expect, it } from 'vitest';
import { debriefHtml } from '../../sandbox/workspace/browser/drill-text.ts';
import { renderSidePanel } from '../../sandbox/workspace/browser/side-panel-html.ts';
import type { UiDrill, UiSnapshot } from '../../sandbox/workspace/ui-contract.ts';

// Times are local: built from local parts, they read the same whatever the machine's zone.
const local = (h: number, m: number, s = 0) => new Date(2026, 10, 22, h, m, s).toISOString();

function snapshot(overrides: Partial<UiSnapshot> = {}): UiSnapshot {
  return {
    users: [
      { id: 'U0ALICE', name: 'alice' },
      { id: 'U0CAROL', name: 'carol' },
    ],
    usergroups: [],
    conversations: [],
    scenarios: [
      {
        id: 'rds-unencrypted-prod-db',
        title: 'An unencrypted production DB',
        description:
          'A DatabaseConnections alarm on billing-db; `/incident rds check` shows **what** is not encrypted.',
      },
    ],
    runningScenarios: [],
    notices: [],
    aws: {
      incidents: [
        {
          arn: 'arn:aws:ssm-incidents::123456789012:incident-record/db/1',
          title: 'Checkout latency',
          status: 'OPEN',
          impact: 2,
          created: local(14, 5, 59),
          timeline: [
            {
              time: local(14, 6, 1),
              type: 'Custom Event',
              data: JSON.stringify(
                'warroom: warroom itself paged <@U0CAROL> (escalation `default` stage 1) & a <b> note',
              ),
            },
          ],
        },
      ],
      executions: [],
      databases: [],
    },
    ...overrides,
  } as unknown as UiSnapshot;
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the workspace side panel', () => {
  it('shows scenario descriptions and Incident Manager events as Slack would: code, bold, mentions', () => {
    const html = renderSidePanel(snapshot());
    expect(html).toContain('<code class="bk-code">/incident rds check</code>');
    expect(html).toContain('<b>what</b>');
    expect(html).toContain('<code class="bk-code">default</code>');
    expect(text(html)).toContain(
      'warroom itself paged @carol (escalation default stage 1) &amp; a &lt;b&gt; note',
    );
    expect(text(html)).not.toContain('`');
    expect(html).not.toContain('<b> note');
  });

  it('says times as 24-hour hours and minutes, as the cards do', () => {
    const html = text(renderSidePanel(snapshot()));
    expect(html).toContain('impact 2 · 14:05');
    expect(html).toContain('14:06 Custom Event');
    expect(html).not.toMatch(/\d{2}:\d{2}:\d{2}|AM|PM/);
  });
});

describe('the drill debrief dialog', () => {
  const drill = { startedAt: local(14, 0), endedAt: local(14, 30), pace: 'fast', stopped: false } as UiDrill;

  it('counts what it lists, names people, renders labels as mrkdwn and times as 24-hour', () => {
    const html = debriefHtml(
      {
        score: '4 of 5 checks met, 1 for the team to answer',
        items: [
          {
            label: 'One umbrella incident (`/incident declare …`)',
            outcome: 'met',
            detail: 'acknowledged after 12s by U0ALICE',
          },
        ],
        incidents: [
          {
            id: 'INC-1',
            about: 'orders-db',
            status: 'resolved',
            openedAt: local(14, 1),
            acknowledgedAt: local(14, 2),
            acknowledgedBy: 'U0ALICE',
            impact: 2,
            impactSetByPerson: true,
            notes: 1,
            runbooks: [],
            resolvedAt: local(15, 4),
            resolvedBy: 'U0ALICE',
          },
        ],
      },
      drill,
      snapshot(),
    );
    expect(text(html)).toContain('4 of 5 checks met, 1 for the team to answer');
    // No item here is for the team to answer: no legend for a mark that is not shown.
    expect(text(html)).not.toContain('❔');
    expect(html).toContain('<code class="bk-code">/incident declare …</code>');
    expect(text(html)).toContain('acknowledged after 12s by @alice');
    expect(text(html)).toContain('opened 14:01 · acknowledged 14:02 by @alice');
    expect(text(html)).toContain('resolved 15:04 by @alice');
    expect(text(html)).not.toContain('`');
  });
});
