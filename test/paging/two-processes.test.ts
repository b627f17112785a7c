import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { Escalation } from '../../src/paging/escalation.ts';
import { noOnCall } from '../../src/paging/on-call-resolver.ts';
import { Pager } from '../../src/paging/pager.ts';
import type { EscalationConfig } from '../../src/paging/policy.ts';
import type { MessageContent } from '../../src/slack/slack-gateway.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

const ALERTS = 'C0ALERTS';
const CONFIG: EscalationConfig = {
  policies: {
    default: {
      name: 'default',
      stages: [
        { afterMs: 0, notify: ['U0ALICE'] },
        { afterMs: 5 * 60_000, notify: ['U0BOB'] },
      ],
    },
  },
  rules: [],
};

/** A Slack that records posts and yields on every call, so the two processes interleave. */
function recordingSlack(posts: MessageContent[]) {
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    postMessage: async (content: MessageContent) => {
      await pause();
      posts.push(content);
      return { ts: String(posts.length) };
    },
    openDm: async (userId: string) => {
      await pause();
      return `D${userId.slice(1)}`;
    },
    updateMessage: async () => {
      await pause();
    },
    usergroupUsers: async () => [],
    // Every id this test pages is a person the workspace has.
    userExists: async () => true,
    findReplyByMetadata: async (
      channel: string,
      threadTs: string,
      eventType: string,
      matches: (payload: Record<string, unknown>) => boolean,
    ) => {
      await pause();
      const index = posts.findIndex(
        (post) =>
          post.channel === channel &&
          post.threadTs === threadTs &&
          post.metadata?.event_type === eventType &&
          matches(post.metadata.event_payload),
      );
      return index < 0 ? undefined : String(index + 1);
    },
    findMessageByMetadata: async (
      channel: string,
      _oldest: Date,
      eventType: string,
      matches: (payload: Record<string, unknown>) => boolean,
    ) => {
      await pause();
      const index = posts.findIndex(
        (post) =>
          post.channel === channel &&
          post.metadata?.event_type === eventType &&
          matches(post.metadata.event_payload),
      );
      return index < 0 ? undefined : String(index + 1);
    },
  };
}

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function process(path: string, clock: ManualClock, posts: MessageContent[]) {
  const store = new SqliteStore(path);
  stores.push(store);
  const logger = createLogger({ level: 'silent' });
  const slack = recordingSlack(posts);
  const pager = new Pager({ store, slack, onCall: noOnCall, clock, logger, alertChannel: ALERTS });
  return {
    store,
    escalation: new Escalation({ config: CONFIG, store, pager, clock, logger, alertChannel: ALERTS }),
  };
}

describe('two warroom processes on one SQLite file', () => {
  it('ping each due stage exactly once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'warroom-escalation-')), 'warroom.db');
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    const posts: MessageContent[] = [];
    const a = process(path, clock, posts);
    const b = process(path, clock, posts);

    const seqs: number[] = [];
    for (let n = 0; n < 6; n++) {
      const now = clock.now();
      const { incident } = await a.store.createIncident(
        {
          groupKey: `test:${n}`,
          title: `Problem ${n}`,
          impact: 2,
          impactSetBy: 'signal',
          status: 'open',
          source: 'cloudwatch-alarm',
          openedAt: now,
          updatedAt: now,
          latestSignal: { signalType: 'test', title: 'test', detail: '', at: now, facts: [] },
          signalCount: 1,
          version: 1,
        },
        { at: now, kind: 'opened', actor: 'aws:test', text: 'opened' },
      );
      // Scheduled from both processes (as intake and a retry might): stages are written once.
      await a.escalation.schedule(incident);
      await b.escalation.schedule(incident);
      await a.store.beginCardPost(incident.seq, ALERTS, now);
      await a.store.recordCardPosted(incident.seq, ALERTS, `card-${incident.seq}`, 1);
      seqs.push(incident.seq);
    }
    clock.advance(6 * 60_000);
    await Promise.all([a.escalation.tick(), b.escalation.tick(), a.escalation.tick(), b.escalation.tick()]);
    await Promise.all([a.escalation.tick(), b.escalation.tick()]);

    for (const seq of seqs) {
      const thread = posts.filter((post) => post.threadTs === `card-${seq}`);
      expect(thread.filter((post) => post.text.includes('<@U0ALICE>'))).toHaveLength(1);
      expect(thread.filter((post) => post.text.includes('<@U0BOB>'))).toHaveLength(1);
      expect((await b.store.escalations.list(seq)).map((stage) => stage.status)).toEqual(['fired', 'fired']);
    }
    expect(posts.filter((post) => post.channel === 'D0ALICE')).toHaveLength(seqs.length);
    expect(posts.filter((post) => post.channel === 'D0BOB')).toHaveLength(seqs.length);
  });
});
