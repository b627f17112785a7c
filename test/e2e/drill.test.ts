import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import type { DrillResult } from '../../sandbox/drill/run-drill.ts';
import { runDrill } from '../../sandbox/drill/run-drill.ts';
import type { DrillStage } from '../../sandbox/drill/slack-drill-stage.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import type { RecordedCall } from '../../sandbox/slack/types.ts';
import { DRILL_NOTICE } from '../../src/drill/drill-marking.ts';
import { isBotError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';

// The local Slack API stands in for a real workspace: warroom connects with a bot token and an
// app-level token over Socket Mode, exactly as `npm run drill -- <id> --slack-channel C…` does.
const BOT_TOKEN = 'xoxb-drill-workspace';
const APP_TOKEN = 'xapp-1-A0WARROOM-1-drill';
const CHANNEL = 'C0ALERTS';

let slack: SlackEmulator;

beforeAll(async () => {
  slack = await startSlackEmulator({ botToken: BOT_TOKEN, appTokens: [APP_TOKEN], rateLimits: false });
});

afterAll(async () => {
  await slack?.close();
});

function slackEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, ...extra };
}

function drill(scenarioId: string, overrides: Partial<Parameters<typeof runDrill>[0]> = {}) {
  let printed = '';
  const result = runDrill({
    scenarioId,
    slackChannel: CHANNEL,
    env: slackEnv(),
    adapters: { parseNotification, registerSlackHandlers },
    write: (text) => {
      printed += text;
    },
    logger: createLogger({ level: 'silent' }),
    pace: 'fast',
    pollMs: 25,
    ...overrides,
  });
  return { result, printed: () => printed };
}

/** `/incident <text>` typed by Alice in the channel, sent over the socket as Slack does. */
async function incidentCommand(text: string): Promise<void> {
  const { ack } = await slack.sendSocketEnvelope('slash_commands', {
    token: 'verification-token',
    team_id: slack.workspace.teamId,
    team_domain: slack.workspace.teamDomain,
    channel_id: CHANNEL,
    channel_name: 'alerts',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/incident',
    text,
    api_app_id: slack.workspace.appId,
    is_enterprise_install: 'false',
    response_url: slack.issueResponseUrl('U0ALICE', CHANNEL),
    trigger_id: slack.issueTriggerId('U0ALICE'),
  });
  expect(ack).toMatchObject({ envelope_id: expect.any(String) });
}

const messageCalls = () =>
  slack.calls.filter(
    (call) => call.ok && ['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(call.method),
  );

function headerOf(call: RecordedCall): string | undefined {
  const blocks = (call.args as { blocks?: Array<{ type: string; text?: { text: string } }> }).blocks ?? [];
  return blocks.find((block) => block.type === 'header')?.text?.text;
}

describe('a drill in a Slack workspace (the local Slack API standing in, over Socket Mode)', () => {
  let outcome: DrillResult;
  let stage: DrillStage | undefined;
  let printed: () => string;

  beforeAll(async () => {
    const started = drill('rds-unencrypted-prod-db', {
      waitMinutes: 1,
      onStarted: (running) => {
        stage = running;
      },
    });
    printed = started.printed;
    // The team at work: the card arrives, Alice acknowledges, sets the impact, notes, resolves.
    await vi.waitFor(
      () => {
        const card = slack.messages(CHANNEL).find((message) => message.text.includes('INC-1'));
        if (!card) throw new Error('no card yet');
      },
      { timeout: 20_000, interval: 50 },
    );
    await incidentCommand('ack INC-1');
    await incidentCommand('impact INC-1 2');
    // The database owner runs the check: warroom answers it and puts it on the timeline.
    await incidentCommand('rds INC-1 check');
    await vi.waitFor(
      async () => {
        const timeline = (await stage?.warroom.store.listTimeline(1)) ?? [];
        if (!timeline.some((entry) => entry.dedupeKey?.startsWith('rds-read:check:')))
          throw new Error('the check is not on the timeline yet');
      },
      { timeout: 10_000, interval: 50 },
    );
    await incidentCommand('note INC-1 rds check: storage and the manual snapshot are not encrypted');
    await incidentCommand('resolve INC-1 Connections back to normal; encrypted copy and cut-over planned');
    outcome = await started.result;
  }, 60_000);

  it('posts the briefing first, then the card, then the debrief', () => {
    const top = slack
      .messages(CHANNEL)
      .filter((message) => !message.thread_ts || message.thread_ts === message.ts);
    expect(top.map((message) => message.text)).toEqual([
      'DRILL · Briefing · An unencrypted production DB found by the database check',
      expect.stringMatching(
        /^DRILL · INC-1 \[2 · High\] ✅ Resolved: DatabaseConnections &gt; 400 on billing-db/,
      ),
      expect.stringMatching(
        /^DRILL · Debrief · An unencrypted production DB found by the database check: 5 of 6 checks met$/,
      ),
    ]);
    expect(JSON.stringify(top[0]?.blocks)).toContain('Database owner');
    expect(printed()).toContain(
      '═══ DRILL BRIEFING · An unencrypted production DB found by the database check',
    );
  });

  it('marks every message warroom sent DRILL: text, card header and a line saying no AWS resource is touched', () => {
    const calls = messageCalls();
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) {
      const args = call.args as { text?: string; blocks?: unknown[] };
      expect(args.text, call.method).toMatch(/^DRILL · /);
      if (args.blocks) expect(JSON.stringify(args.blocks), call.method).toContain(DRILL_NOTICE);
    }
    const cardHeaders = calls.map(headerOf).filter((header) => header?.includes('INC-1'));
    expect(cardHeaders.length).toBeGreaterThanOrEqual(2);
    // A live card shows its impact's colour; the resolved one at the end of the drill, a check mark.
    for (const header of cardHeaders) expect(header).toMatch(/^DRILL · (🟡|🟠|✅) INC-1 · /);
    expect(cardHeaders[0]).toMatch(/^DRILL · (🟡|🟠) INC-1 · /);
    expect(cardHeaders.at(-1)).toMatch(/^DRILL · ✅ INC-1 · /);
    expect(DRILL_NOTICE).toContain('no AWS resources are touched');
  });

  it('sent every AWS call to the local emulator, and pointed every SDK endpoint at it', () => {
    expect(stage).toBeDefined();
    const emulator = new URL(stage!.aws.url);
    expect(emulator.hostname).toBe('127.0.0.1');
    const endpoints = Object.entries(process.env).filter(([name]) => name.startsWith('AWS_ENDPOINT_URL'));
    expect(endpoints.length).toBeGreaterThan(1);
    for (const [name, value] of endpoints) expect(new URL(value!).origin, name).toBe(emulator.origin);
    // The card's metric picture was drawn by the emulated CloudWatch.
    expect(stage!.aws.requestsTo('cloudwatch', 'GetMetricWidgetImage').length).toBeGreaterThan(0);
  });

  it('ends when the team resolved, and debriefs from what warroom recorded', () => {
    expect(outcome.waited).toBe('resolved');
    expect(outcome.debrief.items.map((item) => [item.outcome, item.label])).toEqual([
      ['met', 'Acknowledged within 5m'],
      ['met', 'Impact set by a person'],
      ['met', 'The database owner ran `/incident rds check` and read the ✗ on storage encryption'],
      ['missed', 'Runbook encrypted-snapshot run'],
      ['met', 'A note added to the timeline'],
      ['met', 'Resolved with a summary'],
    ]);
    expect(outcome.debrief.items[0]?.detail).toMatch(/^acknowledged after \d+s by U0ALICE$/);
    expect(printed()).toContain(
      '═══ DRILL DEBRIEF · An unencrypted production DB found by the database check',
    );
    expect(outcome.debrief.items[2]?.detail).toBe('check run by U0ALICE');
    expect(printed()).toContain('5 of 6 checks met');
    expect(printed()).toMatch(
      /INC-1 billing-db · .* · impact 2 \(set by a person\) · notes 1 · runbooks none · resolved/,
    );
    const debrief = slack.messages(CHANNEL).at(-1);
    expect(JSON.stringify(debrief?.blocks)).toContain('✗ *Runbook encrypted-snapshot run* — no runbook run');
    // Every item was checked by warroom: no legend for a ❔ that is not there.
    expect(JSON.stringify(debrief?.blocks)).not.toContain('for the team to answer');
    // In Slack, who acknowledged is a mention, not a bare id.
    expect(JSON.stringify(debrief?.blocks)).toMatch(/acknowledged after \d+s by <@U0ALICE>/);
  });
});

describe('a drill refuses to start', () => {
  it('when an AWS endpoint in the environment points anywhere but the local emulator', async () => {
    const before = slack.calls.length;
    // S3: a service the emulator does not have, so the drill cannot point it anywhere itself.
    process.env['AWS_ENDPOINT_URL_S3'] = 'https://s3.us-east-1.amazonaws.com';
    try {
      const { result } = drill('rds-public-snapshot', { waitMinutes: 0 });
      const error = await result.then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(isBotError(error) && error.code).toBe('DRILL.AWS_NOT_LOCAL');
      expect((error as Error).message).toContain(
        'AWS_ENDPOINT_URL_S3 points at https://s3.us-east-1.amazonaws.com, not at the local AWS emulator',
      );
    } finally {
      delete process.env['AWS_ENDPOINT_URL_S3'];
    }
    // Nothing reached Slack either: it stopped before warroom started.
    expect(slack.calls.slice(before).filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('when the SDK is told to ignore configured endpoints', async () => {
    process.env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] = 'true';
    try {
      await expect(drill('rds-public-snapshot', { waitMinutes: 0 }).result).rejects.toThrow(
        /AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is set, so the SDK would ignore the emulator and call AWS/,
      );
    } finally {
      delete process.env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'];
    }
  });

  it('without an app-level token, naming it and why', async () => {
    await expect(
      drill('rds-public-snapshot', { env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl } })
        .result,
    ).rejects.toThrow(
      /SLACK_APP_TOKEN: expected an app-level token \(xapp-…\); a drill talks to Slack over Socket Mode/,
    );
  });

  it('for a channel the bot cannot post in, before any alert is published', async () => {
    await expect(
      drill('rds-public-snapshot', { slackChannel: 'C0NOWHERE', waitMinutes: 0 }).result,
    ).rejects.toThrow(/Slack refused the briefing in C0NOWHERE .*is warroom's bot a member of it/);
  });
});
