import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

describe('local Slack: files and reactions', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({ rateLimits: false });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('uploads a file with WebClient.filesUploadV2 and shares it into a thread', async () => {
    const parent = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card' });
    const result = await slack.client.filesUploadV2({
      channel_id: 'C0ALERTS',
      thread_ts: parent.ts as string,
      filename: 'slow-queries.log',
      content: 'SELECT 1;\n',
      initial_comment: 'Slow query log',
    });
    expect(result.ok).toBe(true);
    const [file] = slack.emulator.files();
    expect(file).toMatchObject({ filename: 'slow-queries.log', completed: true });
    expect(file?.bytes?.toString()).toBe('SELECT 1;\n');
    const shared = slack.emulator.messages('C0ALERTS').at(-1);
    expect(shared).toMatchObject({
      text: 'Slow query log',
      thread_ts: parent.ts,
      files: [expect.objectContaining({ id: file?.id, name: 'slow-queries.log', size: 10 })],
    });
  });

  it('answers file_not_found when completing an upload that never arrived', async () => {
    const ticket = await slack.client.files.getUploadURLExternal({ filename: 'a.txt', length: 3 });
    expect(ticket.upload_url).toContain(`/upload/v1/${ticket.file_id}`);
    const data = await slackError(
      slack.client.files.completeUploadExternal({ files: [{ id: ticket.file_id as string }] }),
    );
    expect(data.error).toBe('file_not_found');
  });

  it('adds a reaction once and answers already_reacted the second time', async () => {
    const posted = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card' });
    const ts = posted.ts as string;
    await slack.client.reactions.add({ channel: 'C0ALERTS', timestamp: ts, name: 'eyes' });
    expect(slack.emulator.messages('C0ALERTS')[0]?.reactions).toEqual([
      { name: 'eyes', users: ['U0WARBOT'], count: 1 },
    ]);
    const again = await slackError(
      slack.client.reactions.add({ channel: 'C0ALERTS', timestamp: ts, name: 'eyes' }),
    );
    expect(again.error).toBe('already_reacted');
    const missing = await slackError(
      slack.client.reactions.add({ channel: 'C0ALERTS', timestamp: '1.000004', name: 'eyes' }),
    );
    expect(missing.error).toBe('message_not_found');
  });
});
