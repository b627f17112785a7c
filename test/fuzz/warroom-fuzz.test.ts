import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { slackSignature } from '../support/slack-requests.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, harnessEnv, TEST_BOT_TOKEN } from '../support/warroom-harness.ts';
import { spawnWarroom, type WarroomProcess } from '../support/warroom-process.ts';
import type { SlackFuzzPlan } from './slack-fuzz-payloads.ts';
import { buildSlackRequest, slackPlanArb } from './slack-fuzz-requests.ts';
import { buildSnsRequest, type SnsFuzzPlan, snsPlanArb } from './sns-fuzz-requests.ts';

/**
 * Fuzzes the running warroom, as its own process (a crash is seen as the process dying), over real
 * HTTP against the local Slack and AWS: correctly signed Slack payloads of every shape with fields
 * nulled, removed, retyped or cut, and SNS envelopes mutated before or after signing, with valid
 * notifications in between. `npm run fuzz` runs it longer (FUZZ_RUNS); FUZZ_SEED replays a run;
 * FUZZ_LOG=<file> keeps warroom's log of the run.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_514);
const TIME_LIMIT_MS = 60_000 + RUNS * 400;

let aws: AwsEmulator;
let slack: SlackEmulator;
let warroom: WarroomProcess;
let cardTs: string;

beforeAll(async () => {
  aws = await startAwsEmulator();
  // The database INC-1 is about, so its card's database buttons reach a real (local) RDS.
  aws.state.rds.addInstance({ id: 'orders-db', allocatedStorage: 100 });
  slack = await startSlackEmulator({ botToken: TEST_BOT_TOKEN, rateLimits: false });
  const dir = mkdtempSync(join(tmpdir(), 'warroom-fuzz-'));
  writeFileSync(join(dir, 'warroom.yml'), defaultYaml());
  warroom = await spawnWarroom(harnessEnv(aws, slack, dir));
  // INC-1 and its card, for clicks and pins to land on.
  const [alarm] = signedOrdersDbScenario();
  expect((await postSns(alarm!.body)).status).toBe(200);
  cardTs = await waitFor(
    () => slack.messages(ALERT_CHANNEL).find((message) => message.text.includes('INC-1'))?.ts,
  );
}, 60_000);

afterAll(async () => {
  await warroom?.kill('SIGTERM');
  await slack?.close();
  await aws?.close();
});

function postSns(body: string): Promise<Response> {
  return fetch(`${warroom.url}/sns`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
}

function postSlack(body: string, contentType: string): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${warroom.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(body, timestamp),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Planned = { to: 'slack'; plan: SlackFuzzPlan } | { to: 'sns'; plan: SnsFuzzPlan };

const requestArb: fc.Arbitrary<Planned> = fc.oneof(
  { weight: 3, arbitrary: slackPlanArb.map((plan) => ({ to: 'slack' as const, plan })) },
  { weight: 1, arbitrary: snsPlanArb.map((plan) => ({ to: 'sns' as const, plan })) },
);

/** Log lines that must never appear, whatever was sent. */
const FORBIDDEN = [
  /uncaught exception/,
  /unhandled promise rejection/,
  /unhandled error/i,
  /not acknowledged within 3 seconds/,
  /Bolt failed on a Slack payload/,
  /"msg":"request failed"/,
];

describe('fuzz: warroom answers whatever it is sent and stays up', () => {
  it(
    `${RUNS} signed Slack payloads and SNS envelopes: no 5xx, no crash, no uncaught error, no lost notification`,
    async () => {
      const mustCard: string[] = [];
      const statuses = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(requestArb, async (planned) => {
          let response: Response;
          if (planned.to === 'sns') {
            const request = buildSnsRequest(planned.plan);
            response = await postSns(request.body);
            if (request.mustCard) {
              expect(response.status).toBe(200);
              mustCard.push(request.mustCard);
            }
          } else {
            const userId = planned.plan.userId;
            const ctx = {
              userId,
              channelId: ALERT_CHANNEL,
              responseUrl: slack.issueResponseUrl(userId, ALERT_CHANNEL),
              triggerId: slack.issueTriggerId(userId),
              cardTs,
            };
            const { body, contentType } = buildSlackRequest(planned.plan, ctx);
            response = await postSlack(body, contentType);
            // Bolt's answer to a payload nobody acknowledged within 3 s is a 404.
            expect(response.status).not.toBe(404);
          }
          await response.body?.cancel();
          const key = `${planned.to} ${response.status}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          expect(response.status).toBeLessThan(500);
          expect(warroom.child.exitCode).toBeNull();
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      console.info(`fuzz seed ${SEED}, ${RUNS} runs:`, Object.fromEntries([...statuses].sort()));
      expect((await fetch(`${warroom.url}/healthz`)).status).toBe(200);
      const posted = () => JSON.stringify(slack.messages(ALERT_CHANNEL));
      for (const title of mustCard) await waitFor(() => (posted().includes(title) ? true : undefined));
      if (process.env['FUZZ_LOG']) writeFileSync(process.env['FUZZ_LOG'], warroom.output());
      const forbidden = warroom
        .output()
        .split('\n')
        .filter((line) => FORBIDDEN.some((pattern) => pattern.test(line)));
      expect(forbidden).toEqual([]);
      expect(warroom.child.exitCode).toBeNull();
    },
    TIME_LIMIT_MS,
  );
});
