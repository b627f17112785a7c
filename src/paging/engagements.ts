import type { ContactsPort } from '../aws/contacts-port.ts';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';
import type { Incident } from '../incidents/index.ts';
import { annotation, findHomeCard } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { EngagementRecord, OpenEngagement } from '../store/engagement-store.ts';
import type { Store } from '../store/store.ts';
import type { ResolvedContact } from './contact-directory.ts';
import { clockTime, engagementText, engagementToken } from './engagement-text.ts';
import type { PageFailure } from './page-failures.ts';

export interface EngagementsDeps {
  contacts: ContactsPort;
  store: Pick<Store, 'engagements' | 'mutateIncident' | 'getCard' | 'getIncident'>;
  slack: Pick<SlackGateway, 'postMessage'>;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /** How often (injected clock) an open engagement's pages are read; default 30 s. */
  pollEveryMs?: number;
  onTimeline?: () => void;
}

/** Stops are retried this many times, then given up (logged) so they are not retried forever. */
const MAX_STOP_ATTEMPTS = 10;

/**
 * SSM Contacts engagements for `contact:` targets: started by a page (once per page request and
 * contact), stopped when the incident is acknowledged or resolved, and followed until a page is
 * accepted, which is said once in the card's thread. Every start, stop and acceptance is on the timeline.
 */
export class Engagements {
  private readonly polledAt = new Map<string, number>();

  constructor(private readonly deps: EngagementsDeps) {}

  /**
   * Starts what this page request has not started yet; a contact SSM Contacts refuses is logged and
   * returned (the page says so), not thrown.
   */
  async engage(
    incident: Incident,
    contacts: readonly ResolvedContact[],
    dedupeKey: string,
  ): Promise<PageFailure[]> {
    const failures: PageFailure[] = [];
    for (const { contact, slackUser } of contacts) {
      if (!contact || (await this.deps.store.engagements.find(dedupeKey, contact.arn))) continue;
      try {
        const engagementArn = await this.deps.contacts.startEngagement({
          contactArn: contact.arn,
          ...engagementText(incident),
          idempotencyToken: engagementToken(dedupeKey, contact.arn),
        });
        const startedAt = this.deps.clock.now();
        const base = { seq: incident.seq, dedupeKey, contactArn: contact.arn, contactAlias: contact.alias };
        await this.deps.store.engagements.record({ ...base, engagementArn, slackUser, startedAt });
        await this.note(
          incident.seq,
          `started an Incident Manager engagement of contact \`${contact.alias}\` (${engagementArn})`,
          `engagement-start:${engagementArn}`,
        );
      } catch (error) {
        this.deps.logger.warn(
          { err: error, seq: incident.seq, contact: contact.alias },
          'could not start an engagement',
        );
        const detail = error instanceof BotError ? error.code : (error as { name?: string }).name;
        failures.push({ target: `contact:${contact.alias}`, reason: 'engagement-refused', detail });
      }
    }
    return failures;
  }

  /** Stops every open engagement of an incident no longer open; a failure is retried by pass(). */
  async stopFor(seq: number, status: string): Promise<void> {
    const open = (await this.deps.store.engagements.listOpen(500)).filter((entry) => entry.seq === seq);
    for (const engagement of open) await this.stop({ ...engagement, incidentStatus: status });
  }

  /** One pass on the escalation ticker: retries stops, then reads the pages of open engagements. */
  async pass(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    for (const engagement of await this.deps.store.engagements.listOpen(100)) {
      if (engagement.incidentStatus !== 'open') await this.stop(engagement);
      else if (
        now - (this.polledAt.get(engagement.engagementArn) ?? 0) >=
        (this.deps.pollEveryMs ?? 30_000)
      ) {
        this.polledAt.set(engagement.engagementArn, now);
        await this.follow(engagement).catch((error: unknown) =>
          this.deps.logger.warn(
            { err: error, seq: engagement.seq },
            'could not read the pages of an engagement',
          ),
        );
      }
    }
  }

  private async stop(engagement: OpenEngagement): Promise<void> {
    const { store, contacts, clock, logger } = this.deps;
    try {
      await contacts.stopEngagement(
        engagement.engagementArn,
        `warroom: incident ${engagement.incidentStatus}`,
      );
    } catch (error) {
      logger.warn({ err: error, seq: engagement.seq }, 'could not stop an engagement; will retry');
      await store.engagements.recordStopFailure(engagement.engagementArn, String(error));
      if (engagement.stopAttempts + 1 < MAX_STOP_ATTEMPTS) return;
      logger.error(
        { seq: engagement.seq, engagement: engagement.engagementArn },
        'gave up stopping an engagement',
      );
    }
    await store.engagements.markStopped(engagement.engagementArn, clock.now());
    this.polledAt.delete(engagement.engagementArn);
    await this.note(
      engagement.seq,
      `stopped the Incident Manager engagement of contact \`${engagement.contactAlias}\`: ${engagement.incidentStatus}`,
      `engagement-stop:${engagement.engagementArn}`,
    );
  }

  /** The first page read (accepted) is posted in the thread and on the timeline, once. */
  private async follow(engagement: EngagementRecord): Promise<void> {
    const pages = await this.deps.contacts.listPages(engagement.engagementArn);
    const readTime = pages.find((page) => page.readTime)?.readTime;
    if (!readTime || !(await this.deps.store.engagements.markAccepted(engagement.engagementArn, readTime)))
      return;
    const who = engagement.slackUser ? ` (<@${engagement.slackUser}>)` : '';
    const text = `Page to \`${engagement.contactAlias}\`${who} accepted at ${clockTime(readTime)}`;
    await this.note(engagement.seq, text, `engagement-accepted:${engagement.engagementArn}`);
    const { channel, card } = await findHomeCard(this.deps.store, engagement.seq, this.deps.alertChannel);
    if (card?.ts)
      await this.deps.slack.postMessage({
        channel,
        threadTs: card.ts,
        text: `✅ ${text}.`,
      });
  }

  private async note(seq: number, text: string, dedupeKey: string): Promise<void> {
    const at = this.deps.clock.now();
    await this.deps.store.mutateIncident(seq, at, annotation(at, 'warroom', text), dedupeKey);
    this.deps.onTimeline?.();
  }
}
