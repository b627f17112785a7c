import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { buildFollowUpModal } from '../../src/followups/index.ts';
import { deniedText, type Incident } from '../../src/incidents/index.ts';
import { SHORTCUT_IDS } from '../../src/slack/ids.ts';

const shortcutSchema = z.object({
  type: z.literal('message_action'),
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }),
  message: z.object({
    ts: z.string().min(1),
    text: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
});

/** The incident a message belongs to: its own channel's, else the card it is (or whose thread it is in). */
async function incidentOf(
  deps: Pick<SlackHandlerDeps, 'store'>,
  channel: string,
  message: { ts: string; thread_ts?: string },
): Promise<Incident | undefined> {
  const own = await deps.store.findIncidentByChannel(channel);
  if (own) return own;
  return deps.store.findIncidentByCard(channel, message.thread_ts ?? message.ts);
}

/**
 * The "Make follow-up" message shortcut: on a message in an incident's channel, its card, or the
 * card's thread, opens the follow-up modal with the message's text as the title. Elsewhere, or
 * without `permissions.triage`, it says why, ephemerally.
 */
export function registerMakeFollowUpShortcut(app: App, deps: SlackHandlerDeps): void {
  app.shortcut(
    { callback_id: SHORTCUT_IDS.makeFollowUp, type: 'message_action' },
    async ({ ack, body, respond }) => {
      await ack();
      const reply = (text: string) =>
        respond({ response_type: 'ephemeral', text }).then(
          () => undefined,
          (error: unknown) => deps.logger.warn({ err: error }, 'could not answer the follow-up shortcut'),
        );
      const parsed = shortcutSchema.safeParse(body);
      if (!parsed.success) {
        deps.logger.warn({ issues: parsed.error.issues.length }, 'follow-up shortcut of an unexpected shape');
        return reply('Slack sent a shortcut warroom could not read; no follow-up was made.');
      }
      const { user, channel, message, trigger_id: triggerId } = parsed.data;
      const incident = await incidentOf(deps, channel.id, message);
      if (!incident) {
        return reply(
          "Make follow-up works on messages in an incident's own channel, on its card, or in the card's thread. Elsewhere, use `/incident followup <id> <text>`.",
        );
      }
      const denial = await deps.permissions.refusal('triage', user.id, incident);
      if (denial) return reply(deniedText(denial));
      try {
        await deps.slack.openView(
          triggerId,
          buildFollowUpModal({ seq: incident.seq, channelId: channel.id }, message.text ?? ''),
        );
      } catch (error) {
        deps.logger.warn({ err: error }, 'could not open the follow-up modal');
        await reply(
          'Slack would not open the follow-up form (it may have taken too long); try the shortcut again.',
        );
      }
    },
  );
}
