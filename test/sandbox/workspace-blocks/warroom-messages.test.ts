import { describe, expect, it } from 'vitest';
import { renderBlocks, renderMrkdwn, stateValueFor } from '../../../sandbox/workspace/blocks/index.ts';
import { buildIncidentCard } from '../../../src/incidents/incident-card.ts';
import { buildPageDm } from '../../../src/paging/page-dm.ts';
import { buildSnapshotPrompt } from '../../../src/rds/database-menu.ts';
import { finding } from '../../../src/rds/posture-finding.ts';
import { buildRdsCheckReply } from '../../../src/rds/rds-check-text.ts';
import type { RunbookExecution } from '../../../src/runbooks/execution.ts';
import type { RunbookRequest } from '../../../src/runbooks/request.ts';
import { buildRunbookApprovalMessage } from '../../../src/runbooks/runbook-approval-message.ts';
import { buildRunbookRunMessage } from '../../../src/runbooks/runbook-run-message.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import { byTestId, CONTEXT, controls, elementOf, optionsOf, tags, textOf } from './html-probe.ts';

const cardOf = (overrides: Parameters<typeof openIncident>[0] = {}) =>
  renderBlocks(
    buildIncidentCard(openIncident(overrides), {
      defaultRegion: 'us-east-1',
      offerRunbooks: true,
      offerPaging: true,
    }).blocks,
    CONTEXT,
  );
const actionIds = (html: string) => controls(html).map((tag) => tag.attrs['data-action-id']);

describe('the incident card, rendered', () => {
  it('open: headline, fields, Acknowledge first, impact menu at the incident’s impact, the database menu', () => {
    const html = cardOf();
    expect(textOf(html)).toContain('🟡 INC-7 · CPUUtilization > 80 on orders-db');
    expect(html).toContain('<b>Impact</b><br>3 · Medium');
    expect(actionIds(html)).toEqual([
      ACTION_IDS.acknowledge,
      ACTION_IDS.takeIncident,
      ACTION_IDS.impactSelect,
      ACTION_IDS.addNote,
      ACTION_IDS.postUpdate,
      ACTION_IDS.resolve,
      ACTION_IDS.pageOnCall,
      ACTION_IDS.runRunbook,
      ACTION_IDS.openConsole,
      ACTION_IDS.databaseMenu,
    ]);
    const ack = byTestId(html, `button:${ACTION_IDS.acknowledge}`);
    expect(ack.attrs).toMatchObject({
      'data-block-id': BLOCK_IDS.cardActions,
      'data-element-type': 'button',
      class: 'bk-interactive bk-button bk-button-primary',
    });
    expect(elementOf(ack)['value']).toBe('{"seq":7,"v":1}');
    const impact = byTestId(html, `select:${ACTION_IDS.impactSelect}`);
    expect(optionsOf(html, impact).find((option) => option.selected)).toEqual({
      value: '3',
      label: '3 · Medium',
      selected: true,
    });
    const menu = byTestId(html, `select:${ACTION_IDS.databaseMenu}`);
    const choices = optionsOf(html, menu).slice(1);
    expect(choices.map((choice) => JSON.parse(choice.value).do)).toEqual([
      'status',
      'check',
      'logs',
      'snapshot',
    ]);
    // What the UI reads back from the control is what Slack would send for it.
    expect(stateValueFor(elementOf(menu), choices[1]?.value ?? null)).toMatchObject({
      type: 'overflow',
      selected_option: { value: '{"seq":7,"v":1,"do":"check"}' },
    });
  });

  it('links the resource to the AWS console once: by its url button, not by a second link', () => {
    const html = cardOf();
    const console =
      'https://us-east-1.console.aws.amazon.com/rds/home?region=us-east-1#database:id=orders-db;is-cluster=false';
    expect(tags(html, 'a').map((tag) => tag.attrs['href'])).not.toContain(console);
    expect(byTestId(html, `button:${ACTION_IDS.openConsole}`).attrs['data-url']).toBe(console);
    expect(textOf(html)).toContain('Resource\norders-db (RDS instance)');
  });

  it('acknowledged, with an incident channel: names who acknowledged and the channel, no Acknowledge', () => {
    const html = cardOf({ status: 'acknowledged', acknowledgedBy: 'U0ALICE', channelId: 'C0ALERTS' });
    expect(textOf(html)).toContain('Acknowledged by @alice');
    expect(textOf(html)).toContain('Incident channel\n#alerts');
    expect(actionIds(html)).not.toContain(ACTION_IDS.acknowledge);
  });

  it('resolved: a ✅ header, the resolution summary, escaped, and only Reopen and Review', () => {
    const html = cardOf({
      status: 'resolved',
      acknowledgedBy: 'U0ALICE',
      resolvedBy: 'U0BOB',
      summary: 'Failover <done> & "verified"',
    });
    expect(textOf(html)).toContain('✅ Resolved by @bob');
    expect(html).toContain('Failover &lt;done&gt; &amp; &quot;verified&quot;');
    expect(html).toContain('✅ INC-7');
    expect(actionIds(html)).toEqual([ACTION_IDS.reopen, ACTION_IDS.review]);
  });

  it('an unrecognised message: the raw text in a <pre>, with markup escaped', () => {
    const html = cardOf({ source: 'unknown', raw: '{"alarm":"<script>alert(1)</script>"}' });
    expect(html).toContain(
      '<pre class="bk-pre">{&quot;alarm&quot;:&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;}</pre>',
    );
    expect(html).not.toContain('<script>');
  });

  it('a signal with hostile text and facts: shown as text, never markup or a link', () => {
    const html = cardOf({
      title: '<img src=x onerror=alert(1)>',
      latestSignal: {
        signalType: 'x',
        title: '<https://evil.test|click me>',
        detail: '',
        at: new Date('2026-11-22T09:00:00Z'),
        facts: [{ label: 'Note', value: '<!channel> *loud*' }],
      },
    });
    expect(html).not.toMatch(/<img|evil\.test"|bk-broadcast/);
    expect(textOf(html)).toContain('<https://evil.test|click me>');
    expect(textOf(html)).toContain('<!channel>');
  });

  it('a snapshot incident: a Check snapshot button instead of the menu', () => {
    const html = cardOf({
      resource: { kind: 'rds-snapshot', id: 'orders-snap', region: 'us-east-1', accountId: '123456789012' },
    });
    expect(actionIds(html)).toContain(ACTION_IDS.checkDatabase);
    expect(actionIds(html)).not.toContain(ACTION_IDS.databaseMenu);
  });

  it('snoozed: who snoozed it and until when, as a time', () => {
    const until = new Date('2026-11-22T14:30:00Z');
    const html = cardOf({ snooze: { by: 'U0ALICE', at: new Date('2026-11-22T14:00:00Z'), until } });
    expect(textOf(html)).toContain(
      '💤 Snoozed until 14:30 UTC by @alice: no escalation or reminders until then.',
    );
    expect(html).toContain(`datetime="${until.toISOString()}"`);
  });

  it('the card’s fallback text renders as mrkdwn too', () => {
    const card = buildIncidentCard(openIncident(), { defaultRegion: 'us-east-1' });
    expect(textOf(renderMrkdwn(card.text, CONTEXT))).toBe(
      'INC-7 [3 · Medium] Open: CPUUtilization > 80 on orders-db',
    );
  });
});

describe('thread and DM messages, rendered', () => {
  it('the page DM: the siren, the incident, Acknowledge, Take it and Snooze 30 min', () => {
    const dm = buildPageDm(openIncident(), { kind: 'manual', by: 'U0ALICE' });
    const html = renderBlocks(dm.blocks, CONTEXT);
    expect(textOf(html)).toContain('🚨 INC-7: CPUUtilization > 80 on orders-db');
    expect(textOf(html)).toContain('paged by @alice');
    expect(actionIds(html)).toEqual([
      ACTION_IDS.acknowledge,
      ACTION_IDS.takeIncident,
      ACTION_IDS.snoozeIncident,
    ]);
    expect(textOf(html)).toContain('Snooze 30 min');
    expect(byTestId(html, `button:${ACTION_IDS.takeIncident}`).attrs['data-block-id']).toBe(
      BLOCK_IDS.pageActions,
    );
  });

  it('the database check report: failures first, a Run button beside the fixable one', () => {
    const reply = buildRdsCheckReply(
      { seq: 7, version: 3 },
      'DB instance `orders-db`',
      [
        finding('encryption', true, 'Storage is encrypted'),
        finding(
          'public-access',
          false,
          'Publicly accessible',
          'AWSConfigRemediation-DisablePublicAccessToRDSInstance',
        ),
      ],
      { catalog: () => ({ id: 'disable-public-access', title: 'Disable public access', fits: true }) },
    );
    const html = renderBlocks(reply.blocks, CONTEXT);
    expect(html).toContain(
      '<b>INC-7 · database check of DB instance <code class="bk-code">orders-db</code></b>: 1 of 2 checks fail',
    );
    expect(textOf(html).indexOf('✗ Publicly accessible')).toBeLessThan(
      textOf(html).indexOf('✓ Storage is encrypted'),
    );
    const run = byTestId(html, `button:${ACTION_IDS.runRemediation}`);
    expect(textOf(html)).toContain('Run Disable public access');
    expect(elementOf(run)['value']).toBe('{"seq":7,"v":3,"runbook":"disable-public-access"}');
    expect(run.attrs['data-block-id']).toMatch(/^bk[0-9a-z]+$/);
  });

  const execution: RunbookExecution = {
    executionId: '11111111-1111-4111-8111-111111111111',
    incidentSeq: 7,
    runbookId: 'reboot-instance',
    document: 'AWS-RebootRdsInstance',
    clientToken: 't',
    requestedBy: 'U0ALICE',
    parameters: { InstanceId: ['orders-db'] },
    status: 'InProgress',
    steps: [
      { name: 'RebootInstance', action: 'aws:executeAwsApi', status: 'Success' },
      {
        name: 'WaitForAvailableState',
        action: 'aws:waitForAwsResourceProperty',
        status: 'Failed',
        failureMessage: 'Timed out <waiting>',
      },
    ],
    startedAt: new Date(0),
    updatedAt: new Date(0),
    version: 2,
    renderedVersion: 1,
    pollIntervalMs: 5000,
  };

  it('the runbook progress message: steps with status, the failure escaped, Stop with its confirm dialog', () => {
    const html = renderBlocks(buildRunbookRunMessage(execution, 'Reboot DB instance').blocks, CONTEXT);
    expect(textOf(html)).toContain(
      'Runbook: Reboot DB instance (AWS-RebootRdsInstance) on INC-7 · requested by @alice',
    );
    expect(textOf(html)).toContain('1. ✅ Success · RebootInstance · aws:executeAwsApi');
    expect(html).toContain('Timed out &lt;waiting&gt;');
    const stop = byTestId(html, `button:${ACTION_IDS.runbookStop}`);
    expect(stop.attrs['class']).toContain('bk-button-danger');
    expect(elementOf(stop)['confirm']).toMatchObject({
      title: { text: 'Stop this runbook?' },
      deny: { text: 'Keep running' },
    });
    const finished = renderBlocks(
      buildRunbookRunMessage({ ...execution, status: 'Success' }, 'Reboot').blocks,
      CONTEXT,
    );
    expect(controls(finished)).toEqual([]);
  });

  it('the two-person approval request: who asks, the parameters, Approve and Reject while pending', () => {
    const request: RunbookRequest = {
      id: 'req-1',
      incidentSeq: 7,
      runbookId: 'reboot-instance',
      requestedBy: 'U0ALICE',
      overrides: {},
      parameters: { InstanceId: ['orders-db'] },
      status: 'pending',
      createdAt: new Date(0),
      expiresAt: new Date(900_000),
      version: 1,
      renderedVersion: 0,
    };
    const html = renderBlocks(
      buildRunbookApprovalMessage(request, { title: 'Reboot', document: 'AWS-RebootRdsInstance' }).blocks,
      CONTEXT,
    );
    expect(textOf(html)).toContain('🔐 @alice asks to run Reboot (AWS-RebootRdsInstance) on INC-7.');
    expect(textOf(html)).toContain('• InstanceId = orders-db');
    expect(actionIds(html)).toEqual([ACTION_IDS.runbookApprove, ACTION_IDS.runbookReject]);
    const decided = renderBlocks(
      buildRunbookApprovalMessage(
        { ...request, status: 'approved', decidedBy: 'U0BOB' },
        { title: 'Reboot', document: 'D' },
      ).blocks,
      CONTEXT,
    );
    expect(textOf(decided)).toContain('✅ Approved by @bob');
    expect(controls(decided)).toEqual([]);
  });

  it('the snapshot prompt: the question and a primary Take snapshot button', () => {
    const html = renderBlocks(buildSnapshotPrompt(openIncident()).blocks, CONTEXT);
    expect(textOf(html)).toContain('Take a manual snapshot of DB instance orders-db now?');
    expect(byTestId(html, `button:${ACTION_IDS.takeSnapshot}`).attrs['class']).toContain('bk-button-primary');
  });
});
