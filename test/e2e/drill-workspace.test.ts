import { describe, expect, it, vi } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { runDrill } from '../../sandbox/drill/run-drill.ts';
import type { DrillStage } from '../../sandbox/drill/slack-drill-stage.ts';
import type { Json, UiSnapshot } from '../../sandbox/workspace/ui-contract.ts';
import { createLogger } from '../../src/logger.ts';

/**
 * `npm run drill -- <id>` without a Slack channel: the drill runs in the local workspace, waits
 * for the team there, and debriefs. The team is played through the workspace's own API (what the
 * page sends when someone clicks), no browser needed.
 */

function localDrill(overrides: Partial<Parameters<typeof runDrill>[0]> = {}) {
  let printed = '';
  let stage: DrillStage | undefined;
  const result = runDrill({
    scenarioId: 'rds-cpu-then-failover',
    env: {},
    adapters: { parseNotification, registerSlackHandlers },
    write: (text) => {
      printed += text;
    },
    logger: createLogger({ level: 'silent' }),
    pace: 'fast',
    waitMinutes: 1,
    pollMs: 25,
    onStarted: (running) => {
      stage = running;
    },
    ...overrides,
  });
  const workspace = async () => {
    await vi.waitFor(() => expect(stage?.workspace).toBeDefined(), { timeout: 20_000 });
    return stage!.workspace!.url;
  };
  return { result, printed: () => printed, workspace, stage: () => stage! };
}

async function post(base: string, path: string, body: unknown): Promise<Json> {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Json;
}

async function snapshot(base: string): Promise<UiSnapshot> {
  return (await (await fetch(new URL('/api/snapshot?user=U0ALICE', base))).json()) as UiSnapshot;
}

describe('npm run drill in the local workspace', () => {
  it('shows the drill in the workspace, waits for the team, and debriefs what it did there', async () => {
    const drill = localDrill();
    const url = await drill.workspace();
    await vi.waitFor(async () => expect((await snapshot(url)).drill?.phase).toBe('waiting'), {
      timeout: 20_000,
      interval: 50,
    });
    expect(drill.printed()).toContain(`The local Slack workspace: open ${url} in a browser.`);
    expect(drill.printed()).toContain('All alerts are out. The debrief comes when every incident');
    const first = (await snapshot(url)).messages['C0ALERTS']?.[0];
    expect(first?.text).toBe('DRILL · Briefing · RDS CPU alarm, then a Multi-AZ failover');

    // Each command is acked first and worked after: the next one waits for warroom's store.
    const store = drill.stage().warroom.store;
    const incident = async () => (await store.getIncident(1))!;
    const read = (key: string) => async () =>
      (await store.listTimeline(1)).some((entry) => entry.dedupeKey?.startsWith(`rds-read:${key}:`));
    const steps: Array<[string, () => Promise<boolean>]> = [
      ['/incident ack INC-1', async () => (await incident()).acknowledgedBy === 'U0ALICE'],
      ['/incident impact INC-1 1', async () => (await incident()).impactSetBy === 'person'],
      // The database owner reads the status and the logs: warroom answers both and records them.
      ['/incident rds INC-1 status', read('status')],
      ['/incident rds INC-1 logs', read('logs')],
      ['/incident resolve INC-1 Failed over; fine now', async () => (await incident()).status === 'resolved'],
    ];
    for (const [text, done] of steps) {
      expect(await post(url, '/api/compose', { user: 'U0ALICE', channel: 'C0ALERTS', text })).toEqual({
        ok: true,
      });
      await vi.waitFor(async () => expect(await done()).toBe(true), {
        timeout: 10_000,
        interval: 25,
      });
    }
    const outcome = await drill.result;
    expect(outcome.waited).toBe('resolved');
    expect(outcome.debrief.items.map((item) => [item.outcome, item.label])).toEqual([
      ['met', 'Acknowledged within 5m'],
      ['met', 'Impact set by a person'],
      ['missed', 'A note added to the timeline'],
      [
        'met',
        'The database owner read the status and the logs (`/incident rds status`, `/incident rds logs`)',
      ],
      ['met', 'Resolved with a summary'],
    ]);
    expect(outcome.debrief.items[3]?.detail).toBe('status read by U0ALICE; logs read by U0ALICE');
    expect(drill.printed()).toContain('4 of 5 checks met');
  }, 60_000);

  it('ends the wait when someone presses Debrief in the workspace, which stays open until Ctrl-C', async () => {
    const ctrlC = new AbortController();
    const drill = localDrill({ signal: ctrlC.signal });
    const url = await drill.workspace();
    await vi.waitFor(async () => expect((await snapshot(url)).drill?.phase).toBe('waiting'), {
      timeout: 20_000,
      interval: 50,
    });
    expect(await post(url, '/api/drill/debrief', {})).toEqual({ ok: true });
    await vi.waitFor(() => expect(drill.printed()).toContain('Ctrl-C closes the workspace'), {
      timeout: 10_000,
    });
    // Still there for the team to read the debrief.
    expect((await snapshot(url)).drill?.debrief?.items[0]).toEqual({
      label: 'Acknowledged within 5m',
      outcome: 'missed',
      detail: 'not acknowledged',
    });
    ctrlC.abort();
    const outcome = await drill.result;
    expect(outcome.waited).toBe('stopped');
    await expect(fetch(url)).rejects.toThrow();
  }, 60_000);
});
