import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { SANDBOX_SIGNING_SECRET, type Sandbox, startSandbox } from '../../sandbox/run-sandbox.ts';
import { startWorkspaceUi, type WorkspaceUi } from '../../sandbox/workspace/start-workspace-ui.ts';
import type { Json, UiSnapshot } from '../../sandbox/workspace/ui-contract.ts';
import { cardElement, fieldsText, theCard, until } from './workspace-ui-harness.ts';

/**
 * Drills run from the workspace page, through the UI server's API only (no browser): the
 * briefing, one drill at a time, Stop, and the debrief evaluated from warroom's store.
 */

// A drill whose only alert is due in ten minutes: nothing happens unless someone waits.
const QUIET_DRILL = `id: quiet-drill
title: A quiet drill
description: One alarm, ten minutes in.
briefing:
  situation: orders-db is slow. Nothing has fired yet.
  roles:
    - role: Incident commander
      tasks: [Press **Acknowledge** on the card within 5 minutes.]
expect:
  - kind: acknowledged
    within: 5m
  - kind: resolved
  - kind: manual
    label: The team said who leads
steps:
  - after: 600
    label: "CloudWatch alarm: CPUUtilization > 80 on orders-db"
    notification:
      kind: cloudwatch-alarm
      alarmName: orders-db-cpu-high
      description: CPUUtilization above 80 %
      metric: CPUUtilization
      dimensions: { DBInstanceIdentifier: orders-db }
      threshold: 80
      datapoints: [97.2, 95.8]
`;

let sandbox: Sandbox;
let ui: WorkspaceUi;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'warroom-drill-ui-')), 'quiet-drill.yml');
  writeFileSync(file, QUIET_DRILL);
  sandbox = await startSandbox({
    adapters: { parseNotification, registerSlackHandlers },
    port: 0,
    write: () => {},
    scenarioFiles: [file],
  });
  ui = await startWorkspaceUi({
    sandbox,
    signingSecret: SANDBOX_SIGNING_SECRET,
    port: 0,
    scenarioFiles: [file],
    drillPollMs: 50,
  });
}, 60_000);

afterAll(async () => {
  await ui?.close();
  await sandbox?.stop();
});

async function post(path: string, body: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(new URL(path, ui.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

const snapshot = async () =>
  (await (await fetch(new URL('/api/snapshot?user=U0ALICE', ui.url))).json()) as UiSnapshot;

const alertsTexts = () => sandbox.slack.messages('C0ALERTS').map((message) => message.text);

describe('drills in the workspace UI, through its API', () => {
  it('says there is no drill to stop or debrief before one started', async () => {
    expect(await post('/api/drill/stop', {})).toEqual({
      status: 422,
      json: { ok: false, message: 'No drill is running.' },
    });
    expect((await post('/api/drill/debrief', {})).json['message']).toBe(
      'No drill yet: press Start drill on a scenario first.',
    );
    expect((await snapshot()).drill).toBeUndefined();
  });

  it('serves the briefing to read before starting: situation, roles, checklist', async () => {
    const response = await fetch(new URL('/api/drill/briefing?scenario=rds-cpu-then-failover', ui.url));
    const briefing = (await response.json()) as Json;
    expect(briefing).toMatchObject({
      scenarioId: 'rds-cpu-then-failover',
      title: 'RDS CPU alarm, then a Multi-AZ failover',
      situation: expect.stringContaining('orders-db is the PostgreSQL database behind checkout'),
      checklist: expect.arrayContaining(['Acknowledged within 5m', 'Resolved with a summary']),
    });
    expect((briefing['roles'] as Array<{ role: string }>).map((role) => role.role)).toEqual([
      'Incident commander',
      'Database owner',
      'Communications',
    ]);
    const unknown = await fetch(new URL('/api/drill/briefing?scenario=nope', ui.url));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, message: 'no scenario "nope"' });
  });

  it('refuses a pace that is not realtime, fast or a positive scale', async () => {
    const { status, json } = await post('/api/drill/start', { scenario: 'quiet-drill', pace: -1 });
    expect(status).toBe(400);
    expect(json['message']).toMatch(/^bad request to \/api\/drill\/start: pace: /);
  });

  it('runs one drill at a time: posts the briefing first, and a second Start says one is running', async () => {
    expect(await post('/api/drill/start', { scenario: 'quiet-drill' })).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(alertsTexts()).toEqual(['DRILL · Briefing · A quiet drill']);
    const drill = (await snapshot()).drill;
    expect(drill).toMatchObject({
      pace: 'real time',
      phase: 'publishing',
      published: 0,
      total: 1,
      stopped: false,
      briefing: {
        title: 'A quiet drill',
        checklist: ['Acknowledged within 5m', 'Resolved with a summary', 'The team said who leads'],
      },
    });
    const second = await post('/api/drill/start', { scenario: 'rds-cpu-then-failover', pace: 'fast' });
    expect(second).toEqual({
      status: 422,
      json: {
        ok: false,
        message: 'A drill is running (“A quiet drill”). One at a time: debrief it before starting another.',
      },
    });
    expect(alertsTexts()).toHaveLength(1);
  });

  it('stops publishing on Stop drill: the alert still to come is never sent', async () => {
    expect((await post('/api/drill/stop', {})).status).toBe(200);
    const drill = await until(
      snapshot,
      (snap) => snap.drill?.phase === 'waiting',
      'the drill to stop publishing',
    );
    expect(drill.drill).toMatchObject({ published: 0, total: 1, stopped: true });
    expect((await post('/api/drill/stop', {})).json['message']).toBe(
      'Every alert of the drill is already out: Debrief ends it.',
    );
  });

  it('debriefs before anything happened: ✗ with what was expected, ❔ for the team, posted in #alerts', async () => {
    expect(await post('/api/drill/debrief', {})).toEqual({ status: 200, json: { ok: true } });
    const { drill } = await snapshot();
    expect(drill?.phase).toBe('debriefed');
    expect(drill?.endedAt).toEqual(expect.any(String));
    expect(drill?.debrief).toEqual({
      score: '0 of 3 checks met, 1 for the team to answer',
      items: [
        {
          label: 'Acknowledged within 5m',
          outcome: 'missed',
          detail: 'no incident from the alerts was opened',
        },
        {
          label: 'Resolved with a summary',
          outcome: 'missed',
          detail: 'no incident from the alerts was opened',
        },
        { label: 'The team said who leads', outcome: 'ask', detail: 'not recorded by warroom: ask the team' },
      ],
      incidents: [],
    });
    expect(alertsTexts()).toEqual([
      'DRILL · Briefing · A quiet drill',
      'DRILL · Debrief · A quiet drill: 0 of 3 checks met, 1 for the team to answer',
    ]);
    // Asking again shows the same debrief and posts nothing more.
    expect((await post('/api/drill/debrief', {})).status).toBe(200);
    expect(alertsTexts()).toHaveLength(2);
  });

  it('debriefs by itself once the drill’s incident is resolved: the acknowledgement and the resolve ✓', async () => {
    expect((await post('/api/drill/start', { scenario: 'rds-cpu-then-failover', pace: 'fast' })).status).toBe(
      200,
    );
    await until(snapshot, (snap) => snap.drill?.phase === 'waiting', 'every alert published');
    const card = theCard(await snapshot());
    const ack = await post('/api/block-action', {
      user: 'U0BOB',
      source: { kind: 'message', channel: 'C0ALERTS', key: card.key },
      clicked: {
        blockId: 'warroom_card_actions',
        actionId: 'warroom_acknowledge',
        element: cardElement(card, 'warroom_acknowledge'),
        raw: null,
      },
      state: [],
    });
    expect(ack.status).toBe(200);
    await until(
      async () => theCard(await snapshot()),
      (message) => fieldsText(message).includes('Acknowledged by <@U0BOB>'),
      'the acknowledged card',
    );
    const resolved = await post('/api/compose', {
      user: 'U0ALICE',
      channel: 'C0ALERTS',
      text: '/incident resolve INC-1 Failover done, CPU back to normal',
    });
    expect(resolved.status).toBe(200);
    const { drill } = await until(snapshot, (snap) => snap.drill?.phase === 'debriefed', 'the debrief');
    const items = drill?.debrief?.items ?? [];
    expect(items.map((item) => [item.outcome, item.label])).toEqual([
      ['met', 'Acknowledged within 5m'],
      ['missed', 'Impact set by a person'],
      ['missed', 'A note added to the timeline'],
      [
        'missed',
        'The database owner read the status and the logs (`/incident rds status`, `/incident rds logs`)',
      ],
      ['met', 'Resolved with a summary'],
    ]);
    expect(items[0]?.detail).toMatch(/^acknowledged after \d+s by U0BOB$/);
    expect(items[3]?.detail).toBe('status not read; logs not read');
    expect(items[4]?.detail).toMatch(/^resolved after \d+s: “Failover done, CPU back to normal”$/);
    expect(drill?.debrief?.incidents).toEqual([
      expect.objectContaining({
        id: 'INC-1',
        about: 'orders-db',
        acknowledgedBy: 'U0BOB',
        resolvedBy: 'U0ALICE',
      }),
    ]);
    // Posted once evaluated; a late thread reply (the metric picture) may come after it.
    const debriefs = await until(
      async () => alertsTexts().filter((text) => text.startsWith('DRILL · Debrief · RDS')),
      (found) => found.length > 0,
      'the debrief in #alerts',
    );
    expect(debriefs).toEqual([
      'DRILL · Debrief · RDS CPU alarm, then a Multi-AZ failover: 2 of 5 checks met',
    ]);
  });

  it('refuses to start while an incident is open, since the drill’s alerts would land on it', async () => {
    await sandbox.runScenario('rds-cpu-then-failover');
    const { status, json } = await post('/api/drill/start', { scenario: 'rds-cpu-then-failover' });
    expect(status).toBe(422);
    expect(json['message']).toBe(
      "Resolve INC-2 first: a drill's alerts would be added to it instead of opening the drill's own incidents.",
    );
  });

  it('serves no 404 for the page icon', async () => {
    expect(await (await fetch(ui.url)).text()).toContain('<link rel="icon" href="data:,">');
    expect((await fetch(new URL('/favicon.ico', ui.url))).status).toBe(204);
  });
});
