import { BotError } from '../errors.ts';
import type { KnownBlock } from './block-kit.ts';
import type { WebClient } from './slack-api-caller.ts';
import { SlackCanvases } from './slack-canvases.ts';

export type { SlackGatewayOptions } from './slack-api-caller.ts';
export type { SlackMessage } from './slack-history.ts';

export interface MessageContent {
  channel: string;
  text: string;
  blocks?: KnownBlock[];
  metadata?: { event_type: string; event_payload: Record<string, string | number> };
  threadTs?: string;
}

/** A file to share as a thread reply (or in the channel when `threadTs` is absent). */
/** A person in the workspace, by the names someone might page them by. */
export interface SlackPerson {
  id: string;
  /** The legacy username (`name`): what `@carol` usually means. */
  handle: string;
  realName: string;
  displayName: string;
}

export interface FileUpload {
  channel: string;
  threadTs?: string;
  filename: string;
  title: string;
  bytes: Uint8Array;
  /** The message text shown with the file. */
  initialComment?: string;
  /** Read out by screen readers for an image. */
  altText?: string;
}

/**
 * Every Slack Web API call warroom makes, one method each, all sent through SlackApiCaller
 * (reading messages back is in SlackHistory, canvases in SlackCanvases).
 */
export class SlackGateway extends SlackCanvases {
  async authTest(): Promise<{ botUserId: string; botId: string; teamId: string }> {
    const result = await this.call('auth.test', undefined, (client) => client.auth.test());
    return {
      botUserId: String(result.user_id ?? ''),
      botId: String(result.bot_id ?? ''),
      teamId: String(result.team_id ?? ''),
    };
  }

  async postMessage(content: MessageContent): Promise<{ ts: string }> {
    const result = await this.call('chat.postMessage', content.channel, (client) =>
      client.chat.postMessage({
        channel: content.channel,
        text: content.text,
        blocks: content.blocks,
        metadata: content.metadata,
        thread_ts: content.threadTs,
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!result.ts) throw new BotError('SLACK.NO_TS', 'Slack did not return the posted message.');
    return { ts: result.ts };
  }

  async updateMessage(content: MessageContent & { ts: string }): Promise<void> {
    await this.call('chat.update', content.channel, (client) =>
      client.chat.update({
        channel: content.channel,
        ts: content.ts,
        text: content.text,
        blocks: content.blocks,
        metadata: content.metadata,
      }),
    );
  }

  /** A message only `user` sees, in `channel`. */
  async postEphemeral(content: MessageContent & { user: string }): Promise<void> {
    await this.call('chat.postEphemeral', content.channel, (client) =>
      client.chat.postEphemeral({
        channel: content.channel,
        user: content.user,
        text: content.text,
        blocks: content.blocks,
        thread_ts: content.threadTs,
      }),
    );
  }

  async openView(triggerId: string, view: Record<string, unknown>): Promise<void> {
    await this.call('views.open', undefined, (client) =>
      client.views.open({
        trigger_id: triggerId,
        view: view as unknown as Parameters<WebClient['views']['open']>[0]['view'],
      }),
    );
  }

  /** Opens a modal and answers its id and hash, for a views.update once slow work is done. */
  async openModal(
    triggerId: string,
    view: Record<string, unknown>,
  ): Promise<{ viewId: string; hash?: string }> {
    const result = await this.call('views.open', undefined, (client) =>
      client.views.open({
        trigger_id: triggerId,
        view: view as unknown as Parameters<WebClient['views']['open']>[0]['view'],
      }),
    );
    if (!result.view?.id) throw new BotError('SLACK.NO_VIEW', 'Slack did not return the opened form.');
    return { viewId: result.view.id, hash: result.view.hash };
  }

  /** Replaces an open modal; with `hash`, Slack refuses (hash_conflict) if it changed meanwhile. */
  async updateView(viewId: string, view: Record<string, unknown>, hash?: string): Promise<void> {
    await this.call('views.update', undefined, (client) =>
      client.views.update({
        view_id: viewId,
        hash,
        view: view as unknown as Parameters<WebClient['views']['update']>[0]['view'],
      }),
    );
  }

  async publishHome(userId: string, view: Record<string, unknown>): Promise<void> {
    await this.call('views.publish', undefined, (client) =>
      client.views.publish({
        user_id: userId,
        view: view as unknown as Parameters<WebClient['views']['publish']>[0]['view'],
      }),
    );
  }

  async usergroupUsers(groupId: string): Promise<string[]> {
    const result = await this.call('usergroups.users.list', undefined, (client) =>
      client.usergroups.users.list({ usergroup: groupId }),
    );
    return result.users ?? [];
  }

  /**
   * Whether Slack knows this user and they are active (users.info; needs users:read): a page to
   * anyone else reaches nobody, and is said so rather than reported sent.
   */
  async userExists(userId: string): Promise<boolean> {
    try {
      const result = await this.call('users.info', undefined, (client) =>
        client.users.info({ user: userId }),
      );
      return result.user?.deleted !== true;
    } catch (error) {
      if (error instanceof BotError && error.code === 'SLACK.USER_NOT_FOUND') return false;
      throw error;
    }
  }

  /**
   * How a person is named outside Slack (users.info; needs users:read): their full name, else their
   * display name or handle; undefined when Slack does not know them.
   */
  async personName(userId: string): Promise<string | undefined> {
    try {
      const result = await this.call('users.info', undefined, (client) =>
        client.users.info({ user: userId }),
      );
      const user = result.user;
      return (
        user?.real_name || user?.profile?.real_name || user?.profile?.display_name || user?.name || undefined
      );
    } catch (error) {
      if (error instanceof BotError && error.code === 'SLACK.USER_NOT_FOUND') return undefined;
      throw error;
    }
  }

  /** Everyone in the workspace who can be paged: active people, not bots (users.list, paged). */
  async listPeople(): Promise<SlackPerson[]> {
    const people: SlackPerson[] = [];
    let cursor: string | undefined;
    do {
      const result = await this.call('users.list', undefined, (client) =>
        client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) }),
      );
      for (const member of result.members ?? []) {
        if (!member.id || member.deleted || member.is_bot || member.id === 'USLACKBOT') continue;
        people.push({
          id: member.id,
          handle: member.name ?? '',
          realName: member.real_name ?? member.profile?.real_name ?? '',
          displayName: member.profile?.display_name ?? '',
        });
      }
      cursor = result.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return people;
  }

  /** The workspace's user groups by handle (usergroups.list). */
  async listUsergroups(): Promise<{ id: string; handle: string }[]> {
    const result = await this.call('usergroups.list', undefined, (client) => client.usergroups.list({}));
    return (result.usergroups ?? []).flatMap((group) =>
      group.id && group.handle ? [{ id: group.id, handle: group.handle }] : [],
    );
  }

  /** The Slack user with this email, or undefined when there is none (needs users:read.email). */
  async userIdByEmail(email: string): Promise<string | undefined> {
    try {
      const result = await this.call('users.lookupByEmail', undefined, (client) =>
        client.users.lookupByEmail({ email }),
      );
      return result.user?.id;
    } catch (error) {
      if (error instanceof BotError && error.code === 'SLACK.USERS_NOT_FOUND') return undefined;
      throw error;
    }
  }

  async permalink(channel: string, ts: string): Promise<string> {
    const result = await this.call('chat.getPermalink', undefined, (client) =>
      client.chat.getPermalink({ channel, message_ts: ts }),
    );
    return result.permalink ?? '';
  }

  /** Creates a channel; Slack errors (name_taken, restricted_action, missing_scope) come back as SLACK.* codes. */
  async createChannel(name: string, isPrivate: boolean): Promise<{ id: string; name: string }> {
    const result = await this.call('conversations.create', undefined, (client) =>
      client.conversations.create({ name, is_private: isPrivate }),
    );
    const channel = result.channel;
    if (!channel?.id) throw new BotError('SLACK.NO_CHANNEL', 'Slack created no channel.');
    return { id: channel.id, name: channel.name ?? name };
  }

  /** Invites people to a channel; someone already in it is not an error. */
  async inviteToChannel(channel: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    try {
      await this.call('conversations.invite', channel, (client) =>
        client.conversations.invite({ channel, users: userIds.join(',') }),
      );
    } catch (error) {
      if ((error as BotError).code !== 'SLACK.ALREADY_IN_CHANNEL') throw error;
    }
  }

  /** The bot's direct-message channel with a person (conversations.open; needs `im:write`). */
  async openDm(userId: string): Promise<string> {
    const result = await this.call('conversations.open', undefined, (client) =>
      client.conversations.open({ users: userId }),
    );
    const id = result.channel?.id;
    if (!id) throw new BotError('SLACK.NO_CHANNEL', 'Slack opened no direct message.');
    return id;
  }

  /**
   * Slack's external upload: files.getUploadURLExternal reserves the file, the bytes go by plain
   * POST to the URL it names (not a Web API method: no token, no rate-limit tier), then
   * files.completeUploadExternal shares it. Needs `files:write`; a refused POST is SLACK.UPLOAD_FAILED.
   */
  async uploadFile(file: FileUpload): Promise<{ fileId: string }> {
    const reserved = await this.call('files.getUploadURLExternal', undefined, (client) =>
      client.files.getUploadURLExternal({
        filename: file.filename,
        length: file.bytes.length,
        ...(file.altText ? { alt_text: file.altText } : {}),
      }),
    );
    const { upload_url: uploadUrl, file_id: id } = reserved;
    if (!uploadUrl || !id)
      throw new BotError('SLACK.NO_UPLOAD_URL', 'Slack gave no URL to upload the file to.');
    const response = await fetch(uploadUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file.bytes,
      signal: AbortSignal.timeout(30_000),
    }).catch((error: unknown) => {
      throw new BotError('SLACK.UPLOAD_FAILED', 'Slack did not take the file.', { cause: error });
    });
    await response.arrayBuffer(); // read to the end so the connection is reused
    if (!response.ok) {
      throw new BotError('SLACK.UPLOAD_FAILED', 'Slack did not take the file.', {
        detail: `upload URL answered HTTP ${response.status}`,
      });
    }
    await this.call('files.completeUploadExternal', file.channel, (client) =>
      client.files.completeUploadExternal({
        files: [{ id, title: file.title }],
        channel_id: file.channel,
        ...(file.threadTs ? { thread_ts: file.threadTs } : {}),
        ...(file.initialComment ? { initial_comment: file.initialComment } : {}),
      }),
    );
    return { fileId: id };
  }
}
