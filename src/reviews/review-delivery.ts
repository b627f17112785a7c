import { isBotError } from '../errors.ts';
import { CANVAS_REFUSALS } from '../slack/slack-canvases.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { ReviewPlace } from '../store/review-store.ts';

/** What a delivery needs: the draft both ways (canvas mentions, or names for a file) and the card's thread. */
export interface ReviewDocument {
  seq: number;
  title: string;
  canvasMarkdown: string;
  fileMarkdown: () => Promise<string>;
  /** The incident's own channel, when it has one: its channel canvas holds the review. */
  incidentChannel?: string;
  /** The card in its home channel: a standalone canvas is shared there, a file uploaded in its thread. */
  home: { channel: string; threadTs?: string };
}

/** A canvas the workspace refused (free plan, canvases off, no `canvases:write`): a file it is. */
export function isCanvasRefusal(error: unknown): boolean {
  return isBotError(error) && CANVAS_REFUSALS.has(error.code);
}

/**
 * Puts a new review where people work: the incident channel's canvas; else (no channel, or it has a
 * canvas already) a standalone canvas shared read-only with the card's channel; where the workspace
 * does not allow canvases, a Markdown file in the card's thread.
 */
export async function deliverReview(
  slack: SlackGateway,
  doc: ReviewDocument,
): Promise<Omit<ReviewPlace, 'threadTs'>> {
  try {
    return await deliverCanvas(slack, doc);
  } catch (error) {
    if (!isCanvasRefusal(error)) throw error;
    return deliverFile(slack, doc);
  }
}

async function deliverCanvas(
  slack: SlackGateway,
  doc: ReviewDocument,
): Promise<Omit<ReviewPlace, 'threadTs'>> {
  if (doc.incidentChannel) {
    try {
      const id = await slack.createChannelCanvas(doc.incidentChannel, doc.title, doc.canvasMarkdown);
      return { kind: 'canvas', id, channel: doc.incidentChannel, url: await slack.canvasUrl(id) };
    } catch (error) {
      // The channel has its own canvas already (someone made one): the review gets a canvas of its own.
      if (!(isBotError(error) && error.code === 'SLACK.CHANNEL_CANVAS_ALREADY_EXISTS')) throw error;
    }
  }
  const id = await slack.createCanvas(doc.title, doc.canvasMarkdown);
  await slack.shareCanvas(id, doc.home.channel);
  return { kind: 'canvas', id, channel: doc.home.channel, url: await slack.canvasUrl(id) };
}

async function deliverFile(slack: SlackGateway, doc: ReviewDocument): Promise<Omit<ReviewPlace, 'threadTs'>> {
  const { fileId } = await slack.uploadFile({
    channel: doc.home.channel,
    threadTs: doc.home.threadTs,
    filename: `review-INC-${doc.seq}.md`,
    title: doc.title,
    bytes: new TextEncoder().encode(await doc.fileMarkdown()),
    initialComment: `📝 ${doc.title} (Markdown: this workspace does not allow canvases for warroom)`,
  });
  return { kind: 'file', id: fileId, channel: doc.home.channel };
}

/** Writes a regenerated review over the old one: the canvas is replaced; a file is uploaded anew. */
export async function redeliverReview(
  slack: SlackGateway,
  place: ReviewPlace,
  doc: ReviewDocument,
): Promise<ReviewPlace> {
  if (place.kind === 'canvas') {
    await slack.replaceCanvas(place.id, doc.canvasMarkdown);
    return place;
  }
  const next = await deliverFile(slack, { ...doc, title: `${doc.title} (regenerated)` });
  return { ...place, id: next.id };
}
