import { type RenderContext, renderMrkdwn } from '../blocks/index.ts';

/** Slack's three control characters, as warroom escapes text from people and AWS. */
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** For texts that name nobody: mentions show their ids. */
export const NO_NAMES: RenderContext = { userName: () => undefined, channelName: () => undefined };

/**
 * Scenario files write Markdown bold (`**Acknowledge**`) and code spans; shown as Slack shows the
 * briefing warroom posts (`*Acknowledge*`), through the workspace's mrkdwn renderer.
 */
export function scenarioHtml(text: string, ctx: RenderContext = NO_NAMES): string {
  return renderMrkdwn(escapeSlack(text).replace(/\*\*([^*]+)\*\*/g, '*$1*'), ctx);
}

/**
 * Plain text warroom wrote that carries Slack mentions and code spans (an Incident Manager timeline
 * event: "paged <@U0CAROL> (escalation `default` stage 1)"), shown as Slack would show it. Only
 * mentions and channel links stay markup; any other `<…>` is text.
 */
export function eventHtml(text: string, ctx: RenderContext): string {
  const kept = escapeSlack(text).replace(/&lt;([@#][UWC][A-Z0-9]+(?:\|[^&]*)?)&gt;/g, '<$1>');
  return renderMrkdwn(kept, ctx);
}

/**
 * A debrief line names people by their Slack ids ("acknowledged after 2m by U0ALICE"); shown as the
 * mentions the debrief in Slack makes of them. An id has a digit, so words such as UTC stay.
 */
export function debriefDetailHtml(text: string, ctx: RenderContext): string {
  const mentions = escapeSlack(text).replace(/\b([UW](?=[A-Z0-9]*\d)[A-Z0-9]{5,})\b/g, '<@$1>');
  return renderMrkdwn(mentions, ctx);
}
