import type { RespondArguments } from '@slack/bolt';
import type { CardClickArgs } from '../../../handlers/actions/card-click.ts';
import { ManualClock } from '../../../src/clock.ts';
import type { PermissionAction } from '../../../src/config/config.ts';
import type { Incident } from '../../../src/incidents/incident.ts';
import { buildIncidentCard } from '../../../src/incidents/incident-card.ts';
import { Triage } from '../../../src/incidents/triage.ts';
import { createLogger } from '../../../src/logger.ts';
import { Permissions } from '../../../src/permissions/permissions.ts';
import type { MessageContent } from '../../../src/slack/slack-gateway.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import type { CardSnapshot } from './slack-interactions.ts';

/** A Slack gateway double that records what it was asked (role-named, as bolt-js does). */
export class RecordingSlack {
  readonly opened: Array<{ triggerId: string; view: Record<string, unknown> }> = [];
  readonly ephemerals: Array<MessageContent & { user: string }> = [];
  /** Messages posted into DMs, with the user the DM was opened with. */
  readonly dms: Array<MessageContent & { user: string }> = [];
  openViewError: Error | undefined;

  async openView(triggerId: string, view: Record<string, unknown>): Promise<void> {
    if (this.openViewError) throw this.openViewError;
    this.opened.push({ triggerId, view });
  }

  async postEphemeral(content: MessageContent & { user: string }): Promise<void> {
    this.ephemerals.push(content);
  }

  async openDm(userId: string): Promise<string> {
    return `D0${userId}`;
  }

  async postMessage(content: MessageContent): Promise<{ ts: string }> {
    this.dms.push({ ...content, user: content.channel.replace(/^D0/, '') });
    return { ts: `${1_700_000_000 + this.dms.length}.000100` };
  }

  async updateMessage(): Promise<void> {}

  /** Nothing was posted before the test started, so nothing tagged is ever found. */
  async findReplyByMetadata(): Promise<string | undefined> {
    return undefined;
  }

  async findMessageByMetadata(): Promise<string | undefined> {
    return undefined;
  }

  async permalink(channel: string, ts: string): Promise<string> {
    return `https://slack.example/archives/${channel}/p${ts.replace('.', '')}`;
  }
}

const ALL: Record<PermissionAction, string[]> = {
  declare: ['*'],
  triage: ['*'],
  resolve: ['*'],
  runbook: ['*'],
  page: ['*'],
};

/** Real store (in memory), permissions and triage around one open incident; Slack recorded. */
export async function cardFixture(
  options: {
    permissions?: Partial<Record<PermissionAction, string[]>>;
    groups?: Record<string, string[]>;
  } = {},
) {
  const clock = new ManualClock('2026-11-22T09:30:00Z');
  const logger = createLogger({ level: 'silent' });
  const store = new SqliteStore(':memory:');
  const permissions = new Permissions({
    rules: { ...ALL, ...options.permissions },
    groups: {
      usersOf: async (groupId) => options.groups?.[groupId] ?? [],
      listGroups: async () => [],
    },
    clock,
    logger,
  });
  const changed: Incident[] = [];
  const triage = new Triage({
    store,
    permissions,
    clock,
    logger,
    onChanged: (incident) => changed.push(incident),
    onOpened: () => {},
  });
  const { seq: _seq, ...fresh } = openIncident();
  const { incident } = await store.createIncident(fresh, {
    at: clock.now(),
    kind: 'opened',
    actor: 'aws:cloudwatch-alarm',
    text: 'opened',
  });
  const slack = new RecordingSlack();
  return { deps: { store, triage, permissions, clock, logger, slack }, store, slack, changed, incident };
}

/** The card as it would be posted for `incident`, at a fixed ts in C0ALERTS. */
export function cardFor(incident: Incident): CardSnapshot {
  const card = buildIncidentCard(incident, { defaultRegion: 'us-east-1' });
  return { ts: '1795000000.000100', channel: 'C0ALERTS', text: card.text, blocks: card.blocks };
}

/** Bolt-like listener arguments that record the ack and the replies, in order. */
export function clickArgs(body: unknown, options: { respondFails?: boolean; retryNum?: number } = {}) {
  const events: string[] = [];
  const replies: RespondArguments[] = [];
  const args: CardClickArgs = {
    ack: async () => {
      events.push('ack');
    },
    body,
    respond: async (message) => {
      events.push('respond');
      if (options.respondFails) throw new Error('used_url');
      replies.push(message);
    },
    context: options.retryNum === undefined ? {} : { retryNum: options.retryNum },
  };
  return { args, events, replies };
}
