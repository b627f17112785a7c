/**
 * `npm run bench` (second part): ack latency of `/incident` and of a card button under 100
 * concurrent requests, for a real warroom process and, side by side in the same run, a bare Bolt app
 * that only acks (bench/bare-bolt-app.ts). Both get the same signed requests; each request is timed
 * from the send to the HTTP response (Bolt's ack). One warm-up round is discarded. Prints p50, p99
 * and max per series, the warroom/bare ratios and a JSON line; exits 1 if any request failed or
 * warroom's p99 ack reaches Slack's 3 s limit.
 */
import { startAwsEmulator } from '../sandbox/aws/aws-emulator.ts';
import { rdsCpuThenFailover } from '../sandbox/scenarios/rds-cpu-then-failover.ts';
import { startSlackEmulator } from '../sandbox/slack/slack-emulator.ts';
import { buildSignedNotification } from '../sandbox/sns/sign-sns-message.ts';
import { buildImpactClick, type CardImpactSelect, findCardImpactSelect } from './impact-click.ts';
import { type LatencySummary, latencyRatio, summarizeLatencies } from './latency-summary.ts';
import { buildInteraction, buildSlashCommand, type SignedSlackRequest } from './signed-slack-request.ts';
import { type SpawnedService, spawnService } from './spawn-service.ts';
import { type BenchWarroom, spawnWarroom } from './spawn-warroom.ts';
import { type BurstResult, sendTimedBurst } from './timed-burst.ts';
import { waitFor } from './wait-for.ts';

const CONCURRENCY = Number(process.env.BENCH_ACK_CONCURRENCY ?? 100);
const ROUNDS = Number(process.env.BENCH_ACK_ROUNDS ?? 8);
/** What follows `/incident`; `list` needs the /incident router (commands/). */
const COMMAND_TEXT = process.env.BENCH_ACK_COMMAND ?? 'list';
const REQUEST_TIMEOUT_MS = 10_000;
const SLACK_ACK_LIMIT_MS = 3000;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:bench';
const TOKEN = 'xoxb-bench-token';
const SECRET = 'bench-signing-secret';
const CHANNEL = 'C0ALERTS';
const USERS = ['U0ALICE', 'U0BOB', 'U0CAROL'];

type Kind = 'command' | 'button';
type Target = 'warroom' | 'bare';
const KINDS: Kind[] = ['command', 'button'];
const LABELS: Record<Kind, string> = { command: `/incident ${COMMAND_TEXT}`, button: 'impact select' };

interface Series {
  latenciesMs: number[];
  failures: Record<string, number>;
  warmupFailures: Record<string, number>;
}

const began = Date.now();
const aws = await startAwsEmulator();
const slack = await startSlackEmulator({ botToken: TOKEN, rateLimits: true });
let warroom: BenchWarroom | undefined;
let bare: SpawnedService | undefined;

async function shutDown(code: number): Promise<never> {
  warroom?.stop();
  bare?.stop();
  await slack.close();
  await aws.close();
  process.exit(code);
}

async function startTargets(): Promise<void> {
  const [spawnedWarroom, spawnedBare] = await Promise.allSettled([
    spawnWarroom({ aws, slack, topicArn: TOPIC, botToken: TOKEN, signingSecret: SECRET }),
    spawnService(
      'bench/bare-bolt-app.ts',
      { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.apiUrl },
      /"port":(\d+)[^\n]*"msg":"bare bolt app is listening"/,
    ),
  ]);
  if (spawnedWarroom.status === 'fulfilled') warroom = spawnedWarroom.value;
  if (spawnedBare.status === 'fulfilled') bare = spawnedBare.value;
  for (const outcome of [spawnedWarroom, spawnedBare]) {
    if (outcome.status === 'rejected') throw outcome.reason;
  }
}

/** One CPU alarm through warroom's real /sns intake; resolves once its card is in the channel. */
async function openIncident(url: string): Promise<void> {
  const [alarm] = rdsCpuThenFailover({
    accountId: '123456789012',
    region: 'us-east-1',
    topicArn: TOPIC,
    at: new Date(),
  });
  const response = await fetch(`${url}/sns`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
    body: buildSignedNotification({
      topicArn: TOPIC,
      message: alarm?.message ?? '',
      subject: alarm?.subject,
    }),
  });
  if (!response.ok) throw new Error(`warroom refused the SNS notification: HTTP ${response.status}`);
  if (!(await waitFor(() => findCardImpactSelect(slack, CHANNEL) !== undefined, 20_000))) {
    throw new Error('no incident card with an impact select was posted within 20 s');
  }
}

function buildRequests(kind: Kind): SignedSlackRequest[] {
  const card = findCardImpactSelect(slack, CHANNEL) as CardImpactSelect;
  // Alternate between two impacts other than the current one, so every click would change state.
  const choices = card.options.filter((option) => option.value !== card.initial?.value).slice(0, 2);
  return Array.from({ length: CONCURRENCY }, (_, i) => {
    const userId = USERS[i % USERS.length] as string;
    const responseUrl = slack.issueResponseUrl(userId, CHANNEL);
    const triggerId = slack.issueTriggerId(userId);
    if (kind === 'command') {
      return buildSlashCommand(
        { text: COMMAND_TEXT, userId, channelId: CHANNEL, responseUrl, triggerId },
        SECRET,
      );
    }
    const option = choices[i % choices.length] ?? card.options[0];
    if (!option) throw new Error('the card impact select has no options');
    const payload = buildImpactClick(card, option, {
      userId,
      teamId: slack.workspace.teamId,
      appId: slack.workspace.appId,
      responseUrl,
      triggerId,
    });
    return buildInteraction(payload, SECRET);
  });
}

/** Lets each target finish the work its acks started (replies, card updates) before the next burst. */
async function settle(): Promise<void> {
  const activity = () => slack.calls.length + slack.responses().length;
  let last = -1;
  await waitFor(async () => {
    const now = activity();
    const quiet = now === last;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 200));
    return quiet;
  }, 5000);
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [reason, count] of Object.entries(from)) into[reason] = (into[reason] ?? 0) + count;
}

async function measure(urls: Record<Target, string>): Promise<Map<string, Series>> {
  const series = new Map<string, Series>();
  for (const kind of KINDS) {
    for (const target of ['warroom', 'bare'] as const) {
      series.set(`${target} ${kind}`, { latenciesMs: [], failures: {}, warmupFailures: {} });
    }
  }
  for (let round = 0; round <= ROUNDS; round++) {
    for (const kind of KINDS) {
      // Alternate who goes first, so neither always runs on a machine still busy with the other.
      const order: Target[] = round % 2 === 0 ? ['warroom', 'bare'] : ['bare', 'warroom'];
      for (const target of order) {
        const result: BurstResult = await sendTimedBurst(
          urls[target],
          buildRequests(kind),
          REQUEST_TIMEOUT_MS,
        );
        const entry = series.get(`${target} ${kind}`) as Series;
        if (round === 0) {
          addCounts(entry.warmupFailures, result.failures);
        } else {
          entry.latenciesMs.push(...result.latenciesMs);
          addCounts(entry.failures, result.failures);
        }
        await settle();
      }
    }
  }
  return series;
}

function formatMs(value: number | null): string {
  return (value === null ? '—' : value.toFixed(1)).padStart(9);
}

function formatRatio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`;
}

try {
  await startTargets();
  if (!warroom || !bare) throw new Error('a benchmark target did not start');
  await openIncident(warroom.url);
  const before = { replies: slack.responses().length, ephemerals: slack.ephemerals().length };
  const series = await measure({
    warroom: `${warroom.url}/slack/events`,
    bare: `http://127.0.0.1:${bare.port}/slack/events`,
  });

  const summaries: Record<string, LatencySummary & { warmupFailures: Record<string, number> }> = {};
  for (const [name, entry] of series) {
    summaries[name] = {
      ...summarizeLatencies(entry.latenciesMs, entry.failures),
      warmupFailures: entry.warmupFailures,
    };
  }
  const summary = (target: Target, kind: Kind) => summaries[`${target} ${kind}`] as LatencySummary;
  const ratios = Object.fromEntries(
    KINDS.flatMap((kind) => [
      [`${kind}P50`, latencyRatio(summary('warroom', kind).p50, summary('bare', kind).p50)],
      [`${kind}P99`, latencyRatio(summary('warroom', kind).p99, summary('bare', kind).p99)],
    ]),
  );

  console.log(
    `\nwarroom ack latency: ${CONCURRENCY} concurrent requests, ${ROUNDS} rounds after a warm-up round (ms)`,
  );
  console.log(`  ${'series'.padEnd(32)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}  failed`);
  for (const kind of KINDS) {
    for (const target of ['warroom', 'bare'] as const) {
      const s = summaries[`${target} ${kind}`] as LatencySummary & { warmupFailures: Record<string, number> };
      const warmupFailed = Object.values(s.warmupFailures).reduce((sum, count) => sum + count, 0);
      const reasons = Object.entries({ ...s.failures })
        .map(([reason, count]) => `${reason} ×${count}`)
        .join(', ');
      console.log(
        `  ${`${target.padEnd(8)}${LABELS[kind]}`.padEnd(32)}${formatMs(s.p50)}${formatMs(s.p99)}${formatMs(s.max)}` +
          `  ${s.failed}/${s.requests}${reasons ? ` (${reasons})` : ''}${warmupFailed ? `, warm-up ${warmupFailed}` : ''}`,
      );
    }
  }
  for (const kind of KINDS) {
    console.log(
      `  ratio warroom/bare, ${LABELS[kind].padEnd(18)} p50 ${formatRatio(ratios[`${kind}P50`] ?? null)}` +
        `  p99 ${formatRatio(ratios[`${kind}P99`] ?? null)}`,
    );
  }
  const results = {
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    command: `/incident ${COMMAND_TEXT}`,
    series: summaries,
    ratioWarroomOverBare: ratios,
    // What warroom did after its acks (the bare app never replies): proof the requests were handled.
    warroomFollowUps: {
      responseUrlReplies: slack.responses().length - before.replies,
      ephemerals: slack.ephemerals().length - before.ephemerals,
      cardUpdates: slack.callsTo('chat.update').filter((call) => call.ok).length,
    },
    warroomPeakRssMb: Math.round(warroom.peakRssMb()),
    seconds: (Date.now() - began) / 1000,
  };
  console.log(JSON.stringify(results));

  const failed = Object.values(summaries).reduce(
    (sum, s) => sum + s.failed + Object.values(s.warmupFailures).reduce((a, b) => a + b, 0),
    0,
  );
  const tooSlow = KINDS.filter((kind) => {
    const p99 = summary('warroom', kind).p99;
    return p99 === null || p99 >= SLACK_ACK_LIMIT_MS;
  });
  if (failed > 0) console.error(`bench FAILED: ${failed} requests were not acked with HTTP 200`);
  if (tooSlow.length > 0) {
    console.error(
      `bench FAILED: warroom's p99 ack for ${tooSlow.map((kind) => LABELS[kind]).join(' and ')} is not under 3 s`,
    );
  }
  await shutDown(failed === 0 && tooSlow.length === 0 ? 0 : 1);
} catch (error) {
  console.error('bench FAILED:', error instanceof Error ? error.message : error);
  await shutDown(1);
}
