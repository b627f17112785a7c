/**
 * `npm run bench`: a burst of 10,000 signed SNS notifications about 50 databases, POSTed to a real
 * warroom process (its own SQLite file, Slack's rate limits enforced by the local Slack API, one
 * escalation policy paging one person at once). The 50 databases alarming together are a storm.
 * Prints what bench/README.md describes (cards by kind, members, pages, Slack 429s, time until
 * every incident is visible, peak RSS) and exits 1 when a check in burst-checks.ts fails.
 */
import { startAwsEmulator } from '../sandbox/aws/aws-emulator.ts';
import { rdsCpuThenFailover } from '../sandbox/scenarios/rds-cpu-then-failover.ts';
import { startSlackEmulator } from '../sandbox/slack/slack-emulator.ts';
import { buildSignedNotification } from '../sandbox/sns/sign-sns-message.ts';
import { stormsSchema } from '../src/config/storms-schema.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { checkBurst } from './burst-checks.ts';
import { readIncidents } from './read-incidents.ts';
import { isCardPost, listShownMessages } from './shown-messages.ts';
import { spawnWarroom } from './spawn-warroom.ts';
import { measureStormFigures } from './storm-figures.ts';
import { waitFor } from './wait-for.ts';

const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const DATABASES = Number(process.env.BENCH_DATABASES ?? 50);
const CONCURRENCY = 64;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:bench';
const TOKEN = 'xoxb-bench-token';
const ALERT_CHANNEL = 'C0ALERTS';
/** The person every incident pages at once (a user of the local Slack's default workspace). */
const ON_CALL = 'U0ALICE';
/** The bench's warroom.yml sets no `storms:`, so the defaults apply. */
const STORM_THRESHOLD = stormsSchema.parse(undefined).threshold;

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
  alertChannel: ALERT_CHANNEL,
  extraConfig: `escalation:\n  default:\n    - after: 0s\n      notify: [${ON_CALL}]\n`,
});
const url = warroom.url;
const dbPath = warroom.dbPath;

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
const figuresNow = async () =>
  measureStormFigures({
    incidents: await readIncidents(reader, ALERT_CHANNEL),
    shown: listShownMessages(slack.calls),
    channelNow: slack.messages(ALERT_CHANNEL),
    alertChannel: ALERT_CHANNEL,
    start,
  });
// The storm's member list follows its card; pages follow their escalation stage. Give both a
// moment once the cards are current, then count what Slack was sent once it has gone quiet.
await waitFor(async () => (await figuresNow()).invisible.length === 0, 30_000);
await waitFor(() => Date.now() - (slack.calls.at(-1)?.at.getTime() ?? 0) > 3000, 30_000);
const figures = await figuresNow();
const processed = await reader.countNotifications('processed');
const failed = await reader.countNotifications('failed');
reader.close();

const peakRssMb = warroom.peakRssMb();
warroom.stop();

const shown = listShownMessages(slack.calls);
const lastCardAt = shown.filter((message) => isCardPost(message, ALERT_CHANNEL)).at(-1)?.at;
const updates = shown.filter((message) => message.method === 'chat.update').length;
const rateLimited = slack.calls.filter((call) => call.status === 429).length;
const lost = accepted - processed - failed;
const results = {
  notifications: NOTIFICATIONS,
  databases: DATABASES,
  accepted,
  refused,
  lost,
  failed,
  incidents: figures.incidents,
  storms: figures.storms,
  memberIncidents: figures.members,
  stormCards: figures.stormCards,
  singleCards: figures.singleCards,
  messageUpdates: updates,
  threadPages: figures.threadPages,
  threadPagesOnStormCards: figures.threadPagesOnStormCards,
  pageDms: figures.pageDms,
  slack429s: rateLimited,
  acceptSeconds: acceptMs / 1000,
  acceptPerSecond: Math.round(accepted / (acceptMs / 1000)),
  timeToLastCardSeconds: lastCardAt ? (lastCardAt - start) / 1000 : null,
  timeToAllCardsCurrentSeconds: settled ? settledMs / 1000 : null,
  timeToAllVisibleSeconds: figures.timeToAllVisibleMs === null ? null : figures.timeToAllVisibleMs / 1000,
  peakRssMb: Math.round(peakRssMb),
  signingSeconds: signMs / 1000,
};
console.log('\nwarroom intake burst');
for (const [key, value] of Object.entries(results)) console.log(`  ${key.padEnd(30)} ${value}`);
console.log(
  [
    '  (cards: top-level posts in the alert channel; a member carded before its storm formed counts as single.',
    "   threadPages: a page's @-mention in a card's thread; pageDms: a page's DM to one person.",
    "   visible: on its own card, or named on its storm's card or the member list in that card's thread.)",
  ].join('\n'),
);
console.log(JSON.stringify(results));
await slack.close();
await aws.close();
const problems = checkBurst({
  databases: DATABASES,
  stormThreshold: STORM_THRESHOLD,
  settled,
  refused,
  lost,
  failed,
  slack429s: rateLimited,
  figures,
});
for (const problem of problems) console.error(`bench FAILED: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
