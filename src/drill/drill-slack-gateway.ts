import { type FileUpload, type MessageContent, SlackGateway } from '../slack/slack-gateway.ts';
import { markDrillMessage, markDrillText } from './drill-marking.ts';

/**
 * The Slack gateway warroom uses during a drill (`startWarroom(…, { drill: true })`): every
 * message, update, ephemeral reply and shared file it sends is marked DRILL on the way out. One
 * place, so no card, thread reply, page or notice can slip through unmarked, and none of the
 * builders or services need to know a drill is on.
 */
export class DrillSlackGateway extends SlackGateway {
  override postMessage(content: MessageContent): Promise<{ ts: string }> {
    return super.postMessage(markDrillMessage(content));
  }

  override updateMessage(content: MessageContent & { ts: string }): Promise<void> {
    return super.updateMessage(markDrillMessage(content));
  }

  override postEphemeral(content: MessageContent & { user: string }): Promise<void> {
    return super.postEphemeral(markDrillMessage(content));
  }

  override uploadFile(file: FileUpload): Promise<{ fileId: string }> {
    return super.uploadFile({
      ...file,
      title: markDrillText(file.title),
      initialComment: markDrillText(file.initialComment ?? file.title),
    });
  }
}
