import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { Metrics } from '../../src/metrics.ts';
import type { RunbookExecution } from '../../src/runbooks/execution.ts';
import { RunbookRunMessages } from '../../src/runbooks/runbook-run-messages.ts';
import { THREAD_METADATA_EVENT_TYPES } from '../../src/slack/ids.ts';
import { postThreadReplyOnce } from '../../src/slack/post-thread-reply-once.ts';
import { SlackGateway } from '../../src/slack/slack-gateway.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const TOKEN = 'xoxb-thread-once';
const CHANNEL = 'C0ALERTS';
const now = new Date('2026-11-22T09:30:00Z');
let slack: SlackEmulator | undefined;
let store: SqliteStore | undefined;

afterEach(async () => {
  await slack?.close();
  store?.close();
  slack = undefined;
  store = undefined;
});

async function setUp() {
  slack = await startSlackEmulator({ botToken: TOKEN, rateLimits: false });
  const client = new webApi.WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  const gateway = new SlackGateway({ client, metrics: new Metrics(), logger: pino({ level: 'silent' }) });
  const card = await gateway.postMessage({ channel: CHANNEL, text: 'INC-1 card' });
  const replies = () =>
    (slack as SlackEmulator).messages(CHANNEL).filter((m) => m.thread_ts === card.ts && m.ts !== card.ts);
  return { gateway, card, replies };
}

describe('a thread reply posted once, across a crash', () => {
  it('finds the reply by its metadata and updates it instead of posting a second one', async () => {
    const { gateway, card, replies } = await setUp();
    const key = { eventType: THREAD_METADATA_EVENT_TYPES.snapshotReport, id: 'snap-1:available' };
    const first = await postThreadReplyOnce(
      gateway,
      { channel: CHANNEL, threadTs: card.ts, text: 'ready' },
      key,
    );
    const again = await postThreadReplyOnce(
      gateway,
      { channel: CHANNEL, threadTs: card.ts, text: 'ready (checked again)' },
      key,
    );
    expect(again.ts).toBe(first.ts);
    expect(replies().map((reply) => reply.text)).toEqual(['ready (checked again)']);
    // Another key is another message.
    await postThreadReplyOnce(
      gateway,
      { channel: CHANNEL, threadTs: card.ts, text: 'other' },
      { ...key, id: 'snap-2:available' },
    );
    expect(replies()).toHaveLength(2);
  });

  it('a runbook progress message whose ts was never recorded (crash) is found on the next pass, not posted twice', async () => {
    const { gateway, card, replies } = await setUp();
    store = new SqliteStore(':memory:');
    const { seq: _seq, ...incident } = openIncident();
    const { incident: created } = await store.createIncident(incident, {
      at: now,
      kind: 'opened',
      actor: 'aws',
      text: 'opened',
    });
    await store.beginCardPost(created.seq, CHANNEL, now);
    await store.recordCardPosted(created.seq, CHANNEL, card.ts, created.version);
    const execution: RunbookExecution = {
      executionId: '11111111-1111-4111-8111-111111111111',
      incidentSeq: created.seq,
      runbookId: 'reboot-instance',
      document: 'AWS-RebootRdsInstance',
      clientToken: 'aaaaaaaa-aaaa-5aaa-8aaa-111111111111',
      requestedBy: 'U0ALICE',
      parameters: { InstanceId: ['orders-db'] },
      status: 'InProgress',
      steps: [{ name: 'RebootInstance', action: 'aws:executeAwsApi', status: 'InProgress' }],
      startedAt: now,
      updatedAt: now,
      version: 2,
      renderedVersion: 0,
      nextPollAt: now,
      pollIntervalMs: 5000,
    };
    const realStore = store;
    let crashed = false;
    // The process "dies" right after Slack took the message: the ts is never recorded.
    const crashingStore = new Proxy(realStore, {
      get(target, property) {
        if (property !== 'runbooks') return Reflect.get(target, property);
        return new Proxy(target.runbooks, {
          get(runbooks, name) {
            if (name === 'recordExecutionMessage' && !crashed) {
              return async () => {
                crashed = true;
                throw new Error('process killed');
              };
            }
            const value = Reflect.get(runbooks, name);
            return typeof value === 'function' ? value.bind(runbooks) : value;
          },
        });
      },
    });
    const messages = new RunbookRunMessages({
      store: crashingStore,
      slack: gateway,
      alertChannel: CHANNEL,
      catalog: [],
    });
    await expect(messages.show(execution)).rejects.toThrow('process killed');
    expect(replies()).toHaveLength(1);
    await messages.show({ ...execution, status: 'Success', version: 3 });
    expect(replies()).toHaveLength(1);
    expect(replies()[0]?.text).toContain('Success');
  });
});
