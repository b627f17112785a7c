import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { Metrics } from '../../src/metrics.ts';
import { SlackGateway } from '../../src/slack/slack-gateway.ts';

const TOKEN = 'xoxb-upload-test';
const BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
let slack: SlackEmulator | undefined;

afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

async function setUp(scopes?: string[]) {
  slack = await startSlackEmulator({ botToken: TOKEN, rateLimits: false, ...(scopes ? { scopes } : {}) });
  const metrics = new Metrics();
  const client = new webApi.WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  return {
    gateway: new SlackGateway({ client, metrics, logger: pino({ level: 'silent' }) }),
    metrics,
    emulator: slack,
  };
}

describe('SlackGateway.uploadFile', () => {
  it('reserves, uploads and shares the file as a reply in the thread, with its comment and title', async () => {
    const { gateway, metrics, emulator } = await setUp();
    const { ts } = await gateway.postMessage({ channel: 'C0ALERTS', text: 'card' });
    const { fileId } = await gateway.uploadFile({
      channel: 'C0ALERTS',
      threadTs: ts,
      filename: 'metric.png',
      title: 'CPU around the alarm',
      bytes: BYTES,
      initialComment: 'the metric',
      altText: 'a line chart',
    });
    const [file] = emulator.files();
    expect(file).toMatchObject({
      id: fileId,
      filename: 'metric.png',
      title: 'CPU around the alarm',
      completed: true,
    });
    expect([...(file?.bytes ?? [])]).toEqual([...BYTES]);
    const reply = emulator.messages('C0ALERTS').find((message) => message.files);
    expect(reply).toMatchObject({
      thread_ts: ts,
      text: 'the metric',
      files: [{ id: fileId, size: BYTES.length }],
    });
    expect(emulator.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'metric.png',
      length: String(BYTES.length),
      alt_text: 'a line chart',
    });
    const counted = await metrics.registry.getSingleMetricAsString('warroom_slack_calls_total');
    expect(counted).toContain('method="files.completeUploadExternal",outcome="ok"} 1');
  });

  it('answers SLACK.MISSING_SCOPE when the bot lacks files:write, before sending any bytes', async () => {
    const { gateway, emulator } = await setUp(['chat:write']);
    await expect(
      gateway.uploadFile({ channel: 'C0ALERTS', filename: 'x.png', title: 'x', bytes: BYTES }),
    ).rejects.toMatchObject({ code: 'SLACK.MISSING_SCOPE' });
    expect(emulator.files()).toEqual([]);
  });
});
