import type { Clock } from '../clock.ts';
import { homeChannelOf, type Incident, loadStormMembers } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { runForIncident } from '../slack/call-priority.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import type { LeasedWork } from '../work/leased-work.ts';
import { buildStormMemberList } from './storm-member-list.ts';
import { StormRunner, type StormTarget } from './storm-runner.ts';

export interface StormThreadDeps {
  store: Store;
  slack: Pick<SlackGateway, 'postMessage' | 'updateMessage'>;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /** Leases shared with the other replicas: one keeps a storm's list at a time. */
  leased?: LeasedWork;
}

/**
 * Keeps one message in a storm card's thread listing its members: posted once the card is, then
 * updated in place as members join, move or leave. Requests for one storm coalesce, so a burst of
 * joins makes one update, not one per member.
 */
export class StormThread {
  private readonly runner: StormRunner;
  /** The list's text as last sent, by storm: an unchanged list is not sent again. */
  private readonly sent = new Map<number, string>();

  constructor(private readonly deps: StormThreadDeps) {
    this.runner = new StormRunner(
      deps.store,
      (storm) => this.sync(storm),
      (error, seq) => deps.logger.warn({ err: error, seq }, 'could not list the storm members'),
    );
  }

  /** Asks for the list of this incident's storm (or of the storm itself) to be brought up to date. */
  request(target: number | StormTarget): void {
    this.runner.request(target);
  }

  idle(): Promise<void> {
    return this.runner.idle();
  }

  get busy(): boolean {
    return this.runner.busy;
  }

  private async sync(storm: Incident): Promise<void> {
    if (!storm.storm) return;
    const { leased, store } = this.deps;
    if (!leased) return runForIncident(storm, () => this.syncList(storm));
    // Two replicas posting the first list at once would post two (lease `storm-list:<seq>`); under
    // the lease the storm is read again, so a list another replica just posted is updated instead.
    await leased.run(`storm-list:${storm.seq}`, async () => {
      const current = await store.getIncident(storm.seq);
      if (current?.storm) await runForIncident(current, () => this.syncList(current));
    });
  }

  private async syncList(storm: Incident): Promise<void> {
    const { store, slack, clock, alertChannel } = this.deps;
    if (!storm.storm) return;
    const channel = homeChannelOf(storm, alertChannel);
    const card = await store.getCard(storm.seq, channel);
    if (!card?.ts) return;
    const members = await loadStormMembers(store, storm);
    const list = buildStormMemberList(storm, members);
    const signature = JSON.stringify(list.blocks);
    if (this.sent.get(storm.seq) === signature) return;
    const content = { channel, threadTs: card.ts, ...list };
    if (storm.storm.listTs) {
      await slack.updateMessage({ ...content, ts: storm.storm.listTs });
    } else {
      const { ts } = await slack.postMessage(content);
      const now = clock.now();
      // The version stays: recording where the list is does not re-render the card.
      await store.mutateIncident(
        storm.seq,
        now,
        (current) => ({
          kind: 'changed',
          incident: current.storm ? { ...current, storm: { ...current.storm, listTs: ts } } : current,
          entry: {
            at: now,
            kind: 'annotation',
            actor: 'warroom',
            text: "listed the storm's incidents in its thread",
          },
        }),
        `storm-list:${storm.seq}`,
      );
    }
    this.sent.set(storm.seq, signature);
  }
}
