import type { CaptureOutcome } from '../../src/incidents/index.ts';
import { deniedText, incidentId } from '../../src/incidents/index.ts';

/** Where the shortcut works, said when it is used anywhere else. */
export const CAPTURE_GUIDANCE =
  '*Add to incident timeline* works on messages in an incident’s own channel or in the thread of its card. This message is in neither, so nothing was added.';

/** The ephemeral answer to whoever pinned a message or used the shortcut. */
export function captureReplyText(outcome: CaptureOutcome): string {
  switch (outcome.kind) {
    case 'added': {
      const author = outcome.message.user ? `<@${outcome.message.user}>’s message` : 'The message';
      return `📌 ${author} is on the ${incidentId(outcome.incident.seq)} timeline now.`;
    }
    case 'duplicate':
      return `That message is already on the ${incidentId(outcome.incident.seq)} timeline; nothing changed.`;
    case 'denied':
      return deniedText(outcome.denial);
    case 'not-incident':
      return CAPTURE_GUIDANCE;
    case 'message-gone':
      return 'That message could not be read back from Slack (was it deleted?); nothing was added.';
  }
}
