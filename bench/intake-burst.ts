/**
 * `npm run bench`: a burst of 10,000 signed SNS notifications about 50 databases, POSTed to a real
 * warroom process (its own SQLite file, Slack's rate limits enforced by the local Slack API).
 * Prints accepted, lost (must be 0), cards posted (must be 50), Slack 429s, time to the last card,
 * time until every card shows the final state, and warroom's peak RSS (VmHWM).
 */
import { startAwsEmulator } from '../sandbox/aws/aws-emulator.ts';
import { rdsCpuThenFailover } from '../sandbox/scenarios/rds-cpu-then-failover.ts';
import { startSlackEmulator } from '../sandbox/slack/slack-emulator.ts';
import { buildSignedNotification } from '../sandbox/sns/sign-sns-message.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { spawnWarroom } from './spawn-warroom.ts';
import { waitFor } from './wait-for.ts';

const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const DATABASES = Number(process.env.BENCH_DATABASES ?? 50);
const CONCURRENCY = 64;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:bench';
const TOKEN = 'xoxb-bench-token';

function buildBodies(): string[] {
  const bodies: string[] = [];
  const base = new Date('2026-11-22T09:00:00Z');
  for (let i = 0; i < NOTIFICATIONS; i++) {
    const db = `bench-db-${String(i % DATABASES).padStart(2, '0')}`;
    const at = new Date(base.getTime() + i * 1000);
    const [alarm, event] = rdsCpuThenFailover({
      accountId: '123456789012',
      region: 'us-east-1',
      topicArn: TOPIC,
      at,
    });
    const step = Math.floor(i / DATABASES) % 2 === 0 ? alarm : event;
    const message = (step?.message ?? '').replaceAll('orders-db', db);
    bodies.push(buildSignedNotification({ topicArn: TOPIC, message, subject: step?.subject }));
  }
  return bodies;
}

const signStart = Date.now();
const bodies = buildBodies();
const signMs = Date.now() - signStart;

const aws = await startAwsEmulator();
const slack = await startSlackEmulator({ botToken: TOKEN, rateLimits: true });
const warroom = await spawnWarroom({
  aws,
  slack,
  topicArn: TOPIC,
  botToken: TOKEN,
  signingSecret: 'bench-signing-secret',
});
const url = warroom.url;
const dbPath = warroom.dbPath;

let lastCardAt = 0;
slack.onCall((call) => {
  if (call.method === 'chat.postMessage' && call.ok) lastCardAt = Date.now();
});

const start = Date.now();
let accepted = 0;
let refused = 0;
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++] as string;
      const response = await fetch(`${url}/sns`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain' },
      });
      await response.arrayBuffer();
      if (response.ok) accepted++;
      else refused++;
    }
  }),
);
const acceptMs = Date.now() - start;

const reader = new SqliteStore(dbPath);
const settled = await waitFor(
  async () =>
    (await reader.countNotifications('pending')) === 0 &&
    (await reader.listIncidentsNeedingCardSync()).length === 0,
  600_000,
);
const settledMs = Date.now() - start;
const processed = await reader.countNotifications('processed');
const failed = await reader.countNotifications('failed');
reader.close();

const peakRssMb = warroom.peakRssMb();
warroom.stop();

const cards = slack.callsTo('chat.postMessage').filter((call) => call.ok).length;
const updates = slack.callsTo('chat.update').filter((call) => call.ok).length;
const rateLimited = slack.calls.filter((call) => call.status === 429).length;
const lost = accepted - processed - failed;
const results = {
  notifications: NOTIFICATIONS,
  databases: DATABASES,
  accepted,
  refused,
  lost,
  failed,
  cardsPosted: cards,
  cardUpdates: updates,
  slack429s: rateLimited,
  acceptSeconds: acceptMs / 1000,
  acceptPerSecond: Math.round(accepted / (acceptMs / 1000)),
  timeToLastCardSeconds: lastCardAt ? (lastCardAt - start) / 1000 : null,
  timeToAllCardsCurrentSeconds: settled ? settledMs / 1000 : null,
  peakRssMb: Math.round(peakRssMb),
  signingSeconds: signMs / 1000,
};
console.log('\nwarroom intake burst');
for (const [key, value] of Object.entries(results)) console.log(`  ${key.padEnd(30)} ${value}`);
console.log(JSON.stringify(results));
await slack.close();
await aws.close();
const ok = settled && lost === 0 && failed === 0 && refused === 0 && cards === DATABASES;
if (!ok)
  console.error(
    'bench FAILED: every notification must be processed and exactly one card posted per database',
  );
process.exit(ok ? 0 : 1);
