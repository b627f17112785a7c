import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmulatorState } from '../../../sandbox/aws/emulator-state.ts';
import type { DrillHost } from '../../../sandbox/drill/drill-session.ts';
import { DrillSession } from '../../../sandbox/drill/drill-session.ts';
import { ManualClock } from '../../../src/clock.ts';
import type { DrillMessage } from '../../../src/drill/drill-messages.ts';
import { findScenario, loadScenarios } from '../../../src/drill/scenarios/load-scenarios.ts';
import { BotError } from '../../../src/errors.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';

/**
 * A drill session on its own: what it posts, publishes and debriefs, against a real (SQLite)
 * store and a host that records. Time is a manual clock; real-time waits end when told to.
 */

const CONTEXT = {
  accountId: '123456789012',
  region: 'us-east-1',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:warroom-sandbox',
};

function recordingHost(options: { refusePosts?: boolean; failPublish?: boolean } = {}) {
  const clock = new ManualClock();
  const posted: DrillMessage[] = [];
  const published: string[] = [];
  const printed: string[] = [];
  const host: DrillHost = {
    store: new SqliteStore(join(mkdtempSync(join(tmpdir(), 'warroom-drill-session-')), 'warroom.db')),
    channelLabel: '#alerts',
    post: async (message, what) => {
      if (options.refusePosts) throw new BotError('DRILL.POST_REFUSED', `Slack refused ${what}`);
      posted.push(message);
    },
    steps: {
      aws: new EmulatorState({ ...CONTEXT, clock }),
      context: CONTEXT,
      publish: async (message) => {
        if (options.failPublish) throw new Error('warroom is not answering');
        published.push(message);
        return 200;
      },
      settled: async () => {},
      write: (text) => printed.push(text),
      clock,
      // Real time never passes here: a wait lasts until publishing is stopped.
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true })),
    },
  };
  return { host, clock, posted, published, printed };
}

const scenario = findScenario(loadScenarios(), 'rds-cpu-then-failover').scenario;

describe('a drill session', () => {
  it('posts the briefing before any alert, then publishes what is due and counts what is left', async () => {
    const { host, clock, posted, published } = recordingHost();
    const session = await DrillSession.start({ scenario, host, pace: 'realtime', clock });
    expect(posted.map((message) => message.text)).toEqual([
      'Briefing · RDS CPU alarm, then a Multi-AZ failover',
    ]);
    // The alarm is due at once; the failover 90 s later, which never comes on this clock.
    await expect.poll(() => published.length).toBe(1);
    expect(session.status()).toMatchObject({ phase: 'publishing', published: 1, total: 2, stopped: false });
    session.stop();
    await session.publishingDone();
    expect(session.status()).toMatchObject({ phase: 'waiting', published: 1, total: 2, stopped: true });
    expect(published).toHaveLength(1);
  });

  it('debriefs once: asking again answers the same debrief and posts nothing more', async () => {
    const { host, clock, posted, printed } = recordingHost();
    const session = await DrillSession.start({ scenario, host, pace: 'fast', clock });
    clock.advance(65_000);
    const first = await session.debrief();
    const again = await session.debrief();
    expect(again).toBe(first);
    expect(posted.map((message) => message.text)).toEqual([
      'Briefing · RDS CPU alarm, then a Multi-AZ failover',
      'Debrief · RDS CPU alarm, then a Multi-AZ failover: 0 of 5 checks met',
    ]);
    expect(session.status()).toMatchObject({ phase: 'debriefed', endedAt: clock.now(), debrief: first });
    expect(session.ended.aborted).toBe(true);
    expect(printed.join('')).toContain('═══ DRILL DEBRIEF · RDS CPU alarm, then a Multi-AZ failover');
  });

  it('stops waiting for the team once the debrief begins', async () => {
    const { host, clock } = recordingHost();
    const session = await DrillSession.start({ scenario, host, pace: 'fast', clock });
    const waiting = session.waitForTeam({ pollMs: 10 });
    await session.debrief();
    expect(await waiting).toBe('stopped');
  });

  it('publishes nothing when the briefing is refused', async () => {
    const { host, clock, published } = recordingHost({ refusePosts: true });
    await expect(DrillSession.start({ scenario, host, pace: 'fast', clock })).rejects.toThrow(
      'Slack refused the briefing',
    );
    expect(published).toEqual([]);
  });

  it('says why publishing failed, and still debriefs', async () => {
    const { host, clock, posted } = recordingHost({ failPublish: true });
    const session = await DrillSession.start({ scenario, host, pace: 'fast', clock });
    await expect(session.publishingDone()).rejects.toThrow('warroom is not answering');
    expect((await session.debrief()).items[0]).toMatchObject({
      outcome: 'missed',
      detail: 'no incident from the alerts was opened',
    });
    expect(posted).toHaveLength(2);
  });
});
