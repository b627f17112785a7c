import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/clock.ts';
import { blocksTooLong, validateBlocks } from './block-kit-rules.ts';

/** What was posted to a response_url (a slash command's or an interaction's reply). */
export interface ResponsePost {
  url: string;
  at: Date;
  /** Who the reply is for and where, as given when the URL was issued. */
  userId: string;
  channel: string;
  text?: string;
  blocks?: unknown[];
  responseType: 'ephemeral' | 'in_channel';
  replaceOriginal: boolean;
  deleteOriginal: boolean;
}

interface Issued {
  userId: string;
  channel: string;
  issuedAt: number;
  uses: number;
}

const MAX_USES = 5;
const LIFETIME_MS = 30 * 60_000;

/**
 * response_url as Slack runs it: each URL takes up to 5 posts within 30 minutes; a reply needs
 * text or valid blocks. Replies are recorded for tests and the sandbox (ephemeral ones are not
 * added to channel history, as in Slack).
 */
export class ResponseUrls {
  private readonly issued = new Map<string, Issued>();
  readonly posts: ResponsePost[] = [];

  constructor(private readonly clock: Clock) {}

  issue(baseUrl: string, target: { userId: string; channel: string }): string {
    const id = randomBytes(12).toString('hex');
    this.issued.set(id, { ...target, issuedAt: this.clock.now().getTime(), uses: 0 });
    return `${baseUrl}response/${id}`;
  }

  receive(baseUrl: string, id: string, body: Buffer): { status: number; json: Record<string, unknown> } {
    const issued = this.issued.get(id);
    if (!issued) return { status: 404, json: { ok: false, error: 'no_service' } };
    if (this.clock.now().getTime() - issued.issuedAt > LIFETIME_MS)
      return { status: 404, json: { ok: false, error: 'expired_url' } };
    if (issued.uses >= MAX_USES) return { status: 404, json: { ok: false, error: 'used_url' } };
    let reply: Record<string, unknown>;
    try {
      reply = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return { status: 400, json: { ok: false, error: 'invalid_payload' } };
    }
    const text = typeof reply.text === 'string' ? reply.text : undefined;
    const blocks = Array.isArray(reply.blocks) ? reply.blocks : undefined;
    const deleteOriginal = reply.delete_original === true || reply.delete_original === 'true';
    if (!text && !blocks && !deleteOriginal) return { status: 400, json: { ok: false, error: 'no_text' } };
    if (blocks) {
      const problems = validateBlocks(blocks, 'message');
      if (problems.length > 0)
        return { status: 400, json: { ok: false, error: 'invalid_blocks', errors: problems } };
      if (blocksTooLong(blocks)) return { status: 400, json: { ok: false, error: 'msg_blocks_too_long' } };
    }
    issued.uses++;
    this.posts.push({
      url: `${baseUrl}response/${id}`,
      at: this.clock.now(),
      userId: issued.userId,
      channel: issued.channel,
      text,
      blocks,
      responseType: reply.response_type === 'in_channel' ? 'in_channel' : 'ephemeral',
      replaceOriginal: reply.replace_original === true || reply.replace_original === 'true',
      deleteOriginal,
    });
    return { status: 200, json: { ok: true } };
  }
}
