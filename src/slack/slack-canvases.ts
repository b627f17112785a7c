import { BotError } from '../errors.ts';
import { SlackHistory } from './slack-history.ts';

/** Slack's errors that mean "this workspace does not do canvases here": a review then goes as a file. */
export const CANVAS_REFUSALS = new Set([
  'SLACK.MISSING_SCOPE',
  'SLACK.CANVAS_DISABLED_USER_TEAM',
  'SLACK.TEAM_TIER_CANNOT_CREATE_CHANNEL_CANVASES',
  'SLACK.FREE_TEAMS_CANNOT_CREATE_NON_TABBED_CANVASES',
  'SLACK.FREE_TEAMS_CANNOT_EDIT_STANDALONE_CANVASES',
  'SLACK.NOT_ALLOWED_TOKEN_TYPE',
]);

const markdown = (text: string) => ({ type: 'markdown' as const, markdown: text });

/**
 * The canvas methods warroom calls (all need `canvases:write`): a channel's own canvas, a standalone
 * canvas shared read-only with a channel, replacing a canvas's content, and the canvas's link.
 */
export class SlackCanvases extends SlackHistory {
  private teamUrl: Promise<string> | undefined;

  /** The channel canvas (one per channel: a second answers SLACK.CHANNEL_CANVAS_ALREADY_EXISTS). */
  async createChannelCanvas(channel: string, title: string, content: string): Promise<string> {
    const result = await this.call('conversations.canvases.create', channel, (client) =>
      client.conversations.canvases.create({
        channel_id: channel,
        title,
        document_content: markdown(content),
      }),
    );
    return canvasIdOf(result.canvas_id);
  }

  /** A standalone canvas owned by the bot. */
  async createCanvas(title: string, content: string): Promise<string> {
    const result = await this.call('canvases.create', undefined, (client) =>
      client.canvases.create({ title, document_content: markdown(content) }),
    );
    return canvasIdOf(result.canvas_id);
  }

  /** Lets a channel's members read a standalone canvas. */
  async shareCanvas(canvasId: string, channel: string): Promise<void> {
    await this.call('canvases.access.set', undefined, (client) =>
      client.canvases.access.set({ canvas_id: canvasId, access_level: 'read', channel_ids: [channel] }),
    );
  }

  /** Replaces a canvas's whole content (a `replace` change without a section). */
  async replaceCanvas(canvasId: string, content: string): Promise<void> {
    await this.call('canvases.edit', undefined, (client) =>
      client.canvases.edit({
        canvas_id: canvasId,
        changes: [{ operation: 'replace', document_content: markdown(content) }],
      }),
    );
  }

  /** Where people open a canvas: `https://<team>.slack.com/docs/<team id>/<canvas id>`. */
  async canvasUrl(canvasId: string): Promise<string> {
    this.teamUrl ??= this.call('auth.test', undefined, (client) => client.auth.test()).then((result) => {
      const url = String(result.url ?? '');
      return `${url.endsWith('/') ? url : `${url}/`}docs/${String(result.team_id ?? '')}/`;
    });
    // A failed look-up is not kept: the next review asks again.
    this.teamUrl.catch(() => {
      this.teamUrl = undefined;
    });
    return `${await this.teamUrl}${canvasId}`;
  }
}

function canvasIdOf(id: string | undefined): string {
  if (!id) throw new BotError('SLACK.NO_CANVAS', 'Slack created no canvas.');
  return id;
}
