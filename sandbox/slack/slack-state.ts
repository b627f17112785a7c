import type { Clock } from '../../src/clock.ts';
import type { CanvasState, EphemeralMessage, StoredMessage, StoredView, UploadedFile } from './types.ts';
import type { Workspace, WorkspaceUser } from './workspace.ts';

/** A conversation as the emulator holds it: the workspace's channels plus those created at run time. */
export interface ChannelState {
  id: string;
  name: string;
  isPrivate: boolean;
  /** A direct message between the bot and one person (conversations.open): its scopes are `im:*`. */
  isIm?: boolean;
  members: Set<string>;
  created: number;
  creator: string;
}

export interface TriggerState {
  userId: string;
  issuedMs: number;
  used: boolean;
}

/**
 * Everything the local Slack remembers between calls. Single process, in memory; `reset()` goes
 * back to the workspace as configured (channels created at run time are forgotten too).
 */
export class SlackState {
  readonly channels = new Map<string, ChannelState>();
  /** Per channel, every message (thread replies too) in ts order. */
  readonly messages = new Map<string, StoredMessage[]>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly views = new Map<string, StoredView>();
  /** Who each view was opened or published for. */
  readonly viewOwners = new Map<string, string>();
  /** Per user, the stack of open modal view ids (root first). */
  readonly modalStacks = new Map<string, string[]>();
  /** Per user, the published App Home view id. */
  readonly homeViews = new Map<string, string>();
  readonly triggers = new Map<string, TriggerState>();
  readonly files = new Map<string, UploadedFile>();
  readonly canvases = new Map<string, CanvasState>();
  private lastTsMicros = 0;
  private idCounter = 0;

  constructor(
    readonly workspace: Workspace,
    private readonly clock: Clock,
  ) {
    this.reset();
  }

  reset(): void {
    this.channels.clear();
    this.messages.clear();
    this.ephemerals.length = 0;
    this.views.clear();
    this.viewOwners.clear();
    this.modalStacks.clear();
    this.homeViews.clear();
    this.triggers.clear();
    this.files.clear();
    this.canvases.clear();
    const created = Math.floor(this.clock.now().getTime() / 1000);
    for (const channel of this.workspace.channels) {
      this.channels.set(channel.id, {
        id: channel.id,
        name: channel.name,
        isPrivate: channel.isPrivate,
        members: new Set(channel.members),
        created,
        creator: this.workspace.users[0]?.id ?? this.workspace.botUserId,
      });
    }
  }

  /** A message ts from the clock, strictly increasing: "1700000000.000100". */
  nextTs(): string {
    const micros = Math.max(this.clock.now().getTime() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  /** A fresh Slack-looking id with the given prefix (C, V, F…). */
  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}0${this.idCounter.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  channelMessages(channelId: string): StoredMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }

  findMessage(channelId: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channelId)?.find((message) => message.ts === ts);
  }

  addMessage(message: StoredMessage): void {
    this.channelMessages(message.channel).push(message);
  }

  findUser(userId: string): WorkspaceUser | undefined {
    return this.workspace.users.find((user) => user.id === userId);
  }

  findChannelByName(name: string): ChannelState | undefined {
    return [...this.channels.values()].find((channel) => channel.name === name);
  }

  /** Issues a trigger_id for `userId`, valid for 3 s of the clock and for one use. */
  issueTrigger(userId: string): string {
    this.idCounter += 1;
    const nowMs = this.clock.now().getTime();
    const id = `${Math.floor(nowMs / 1000)}.${this.idCounter}.${(nowMs * 7919 + this.idCounter).toString(16)}`;
    this.triggers.set(id, { userId, issuedMs: nowMs, used: false });
    return id;
  }
}
