import type { RenderContext } from '../blocks/index.ts';
import type { UiSnapshot } from '../ui-contract.ts';
import { formatSlackDate } from './slack-dates.ts';

/** Names for the ids in Slack text, from the snapshot. */
export function renderContextFor(snapshot: UiSnapshot, idPrefix: string): RenderContext {
  return {
    userName: (id) => snapshot.users.find((user) => user.id === id)?.name,
    channelName: (id) => snapshot.conversations.find((conversation) => conversation.id === id)?.label,
    usergroupHandle: (id) => snapshot.usergroups.find((group) => group.id === id)?.handle,
    users: () =>
      snapshot.users.filter((user) => !user.isBot).map((user) => ({ id: user.id, name: user.name })),
    channels: () =>
      snapshot.conversations
        .filter((conversation) => conversation.kind !== 'im')
        .map((conversation) => ({ id: conversation.id, name: conversation.label })),
    formatDate: (epochSeconds, format) => formatSlackDate(epochSeconds, format),
    idPrefix,
  };
}
