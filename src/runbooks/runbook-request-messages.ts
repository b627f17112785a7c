import { findHomeCard } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { THREAD_METADATA_EVENT_TYPES } from '../slack/ids.ts';
import { postThreadReplyOnce, type ThreadReplySlack } from '../slack/post-thread-reply-once.ts';
import type { Store } from '../store/store.ts';
import type { RunbookRequest } from './request.ts';
import type { RunbookDefinition } from './runbook.ts';
import { buildRunbookApprovalMessage, type RunbookApprovers } from './runbook-approval-message.ts';

/** Keeps each two-person request's thread message (under the alert-channel card) equal to the request. */
export class RunbookRequestMessages {
  constructor(
    private readonly deps: {
      store: Store;
      slack: ThreadReplySlack;
      logger: Logger;
      alertChannel: string;
      catalog: readonly RunbookDefinition[];
      /** Whom a pending request names. */
      approvers: RunbookApprovers;
    },
  ) {}

  async showAll(requests: readonly RunbookRequest[]): Promise<void> {
    for (const request of requests) {
      try {
        await this.show(request);
      } catch (error) {
        this.deps.logger.warn({ err: error, requestId: request.id }, 'could not show a runbook request');
      }
    }
  }

  private async show(request: RunbookRequest): Promise<void> {
    if (request.threadTs && request.renderedVersion >= request.version) return;
    const { store, slack } = this.deps;
    const { card } = await findHomeCard(store, request.incidentSeq, this.deps.alertChannel);
    if (!card?.ts) return;
    const runbook = this.deps.catalog.find((candidate) => candidate.id === request.runbookId);
    const message = buildRunbookApprovalMessage(
      request,
      {
        title: runbook?.title ?? request.runbookId,
        document: runbook?.document ?? '?',
      },
      this.deps.approvers,
    );
    if (request.threadTs && request.threadChannel) {
      await slack.updateMessage({ channel: request.threadChannel, ts: request.threadTs, ...message });
      await store.runbooks.recordRequestMessage(
        request.id,
        request.threadChannel,
        request.threadTs,
        request.version,
      );
      return;
    }
    const { ts } = await postThreadReplyOnce(
      slack,
      { channel: card.channel, threadTs: card.ts, ...message },
      { eventType: THREAD_METADATA_EVENT_TYPES.runbookRequest, id: request.id },
    );
    await store.runbooks.recordRequestMessage(request.id, card.channel, ts, request.version);
  }
}
