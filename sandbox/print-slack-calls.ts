import { CARD_METADATA_EVENT_TYPE } from '../src/slack/ids.ts';
import type { SlackEmulator } from './slack/slack-emulator.ts';
import { renderBlocks } from './terminal/render-blocks.ts';

type Write = (text: string) => void;

/** Shows, readably, what warroom sends to the local Slack: new cards, in-place updates, 429s. */
export function printSlackCalls(slack: SlackEmulator, write: Write): () => void {
  return slack.onCall((call) => {
    const args = call.args as {
      channel?: string;
      ts?: string;
      text?: string;
      blocks?: unknown;
      thread_ts?: string;
      metadata?: { event_type?: string };
    };
    if (call.status === 429) {
      write(`\n⏳ Slack answered 429 to ${call.method}: warroom waits Retry-After and tries again\n`);
      return;
    }
    if (!call.ok) {
      write(`\n✗ Slack refused ${call.method}: ${call.error ?? 'error'}\n`);
      return;
    }
    if (call.method === 'files.completeUploadExternal') {
      const files = (call.args as { files?: Array<{ title?: string }> }).files ?? [];
      write(
        `\n📎 Slack: file "${files.map((file) => file.title ?? 'untitled').join(', ')}" shared in a card thread\n`,
      );
      return;
    }
    if (call.method === 'chat.postMessage' && (call.args as { thread_ts?: string }).thread_ts) {
      write(
        `\n🧵 Slack #${args.channel}: thread reply\n${renderBlocks(args.blocks, args.text ?? '').join('\n')}\n`,
      );
      return;
    }
    if (call.method === 'chat.postMessage' || call.method === 'chat.update') {
      // Cards carry warroom's message metadata; anything else (a DM, a drill briefing) is a message.
      const what =
        args.metadata?.event_type === CARD_METADATA_EVENT_TYPE ? 'new incident card' : 'new message';
      const heading =
        call.method === 'chat.postMessage'
          ? `💬 Slack #${args.channel}: ${what} (chat.postMessage)`
          : `✏️  Slack #${args.channel}: message ${args.ts} updated in place (chat.update)`;
      const body = renderBlocks(args.blocks, args.text ?? '');
      write(`\n${heading}\n┌${'─'.repeat(70)}\n${body.join('\n')}\n└${'─'.repeat(70)}\n`);
    }
  });
}
