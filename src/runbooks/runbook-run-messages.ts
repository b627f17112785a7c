import { findHomeCard } from '../incidents/index.ts';
import { THREAD_METADATA_EVENT_TYPES } from '../slack/ids.ts';
import { postThreadReplyOnce, type ThreadReplySlack } from '../slack/post-thread-reply-once.ts';
import type { Store } from '../store/store.ts';
import type { RunbookExecution } from './execution.ts';
import type { RunbookDefinition } from './runbook.ts';
import { buildRunbookRunMessage } from './runbook-run-message.ts';

/** Keeps each execution's one thread message (under the alert-channel card) equal to what was seen. */
export class RunbookRunMessages {
  constructor(
    private readonly deps: {
      store: Store;
      slack: ThreadReplySlack;
      alertChannel: string;
      catalog: readonly RunbookDefinition[];
    },
  ) {}

  /** Posts it once, then chat.updates it whenever the execution moved past what it shows. */
  async show(execution: RunbookExecution): Promise<void> {
    if (execution.threadTs && execution.renderedVersion >= execution.version) return;
    const { store, slack } = this.deps;
    const { card } = await findHomeCard(store, execution.incidentSeq, this.deps.alertChannel);
    // The card is not posted yet: the message waits for it (next tick).
    if (!card?.ts) return;
    const runbook = this.deps.catalog.find((candidate) => candidate.id === execution.runbookId);
    const message = buildRunbookRunMessage(execution, runbook?.title ?? execution.document);
    const { executionId, version } = execution;
    if (execution.threadTs && execution.threadChannel) {
      await slack.updateMessage({ channel: execution.threadChannel, ts: execution.threadTs, ...message });
      await store.runbooks.recordExecutionMessage(
        executionId,
        execution.threadChannel,
        execution.threadTs,
        version,
      );
      return;
    }
    const { ts } = await postThreadReplyOnce(
      slack,
      { channel: card.channel, threadTs: card.ts, ...message },
      { eventType: THREAD_METADATA_EVENT_TYPES.runbookRun, id: executionId },
    );
    await store.runbooks.recordExecutionMessage(executionId, card.channel, ts, version);
  }
}
