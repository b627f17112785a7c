import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { printSlackCalls } from '../../sandbox/print-slack-calls.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { CARD_METADATA_EVENT_TYPE } from '../../src/slack/ids.ts';

const TOKEN = 'xoxb-print-test';
let slack: SlackEmulator | undefined;

afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

describe('the sandbox terminal output', () => {
  it('calls a message with warroom card metadata a card, and any other top-level message a message', async () => {
    slack = await startSlackEmulator({ botToken: TOKEN, rateLimits: false });
    const lines: string[] = [];
    const stop = printSlackCalls(slack, (text) => lines.push(text));
    const client = new webApi.WebClient(TOKEN, { slackApiUrl: slack.apiUrl });
    await client.chat.postMessage({
      channel: 'C0ALERTS',
      text: 'INC-1 orders-db CPU high',
      metadata: { event_type: CARD_METADATA_EVENT_TYPE, event_payload: { seq: 1 } },
    });
    await client.chat.postMessage({ channel: 'C0ALERTS', text: 'DRILL · briefing' });
    stop();
    const headings = lines.map((text) => text.split('\n')[1]);
    expect(headings).toEqual([
      '💬 Slack #C0ALERTS: new incident card (chat.postMessage)',
      '💬 Slack #C0ALERTS: new message (chat.postMessage)',
    ]);
  });
});
