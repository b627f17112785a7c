import { postOrFind } from './post-or-find.ts';
import type { MessageContent, SlackGateway } from './slack-gateway.ts';

export type ThreadReplySlack = Pick<SlackGateway, 'postMessage' | 'updateMessage' | 'findReplyByMetadata'>;

/**
 * Leaves exactly one thread reply tagged `eventType` + `id`, showing `content`: a reply posted
 * before a crash (its ts never recorded) is found by its metadata and updated, not posted again,
 * and so is one whose post answer was lost (Slack answered 500 after posting). Costs one
 * conversations.replies read per first post, which happens once per thing reported.
 */
export async function postThreadReplyOnce(
  slack: ThreadReplySlack,
  content: MessageContent & { threadTs: string },
  key: { eventType: string; id: string },
): Promise<{ ts: string }> {
  const metadata = { event_type: key.eventType, event_payload: { id: key.id } };
  const find = () =>
    slack.findReplyByMetadata(
      content.channel,
      content.threadTs,
      key.eventType,
      (payload) => payload['id'] === key.id,
    );
  const found = await find();
  if (!found) {
    const { ts } = await postOrFind(slack, { ...content, metadata }, find);
    return { ts };
  }
  await slack.updateMessage({ ...content, metadata, ts: found });
  return { ts: found };
}
