import type { AwsPorts } from '../aws/aws-ports.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config/config.ts';
import type { Incident } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { configOnCall } from './config-on-call.ts';
import { ContactDirectory } from './contact-directory.ts';
import { Engagements } from './engagements.ts';
import { Escalation } from './escalation.ts';
import type { OnCallResolver } from './on-call-resolver.ts';
import { Pager } from './pager.ts';
import { Reminders } from './reminders.ts';
import { SsmOnCallReader } from './ssm-on-call.ts';
import { UpdateReminders } from './update-reminders.ts';

export interface EscalationWiringInput {
  config: Config;
  store: Store;
  slack: SlackGateway;
  clock: Clock;
  logger: Logger;
  aws: Pick<AwsPorts, 'contacts'>;
  onCall?: OnCallResolver;
  /** Failed and delivered pages are counted here. */
  metrics?: Metrics;
  /** A timeline entry was written (Incident Manager follows). */
  onTimeline: () => void;
  /** Whether an incident's stages wait for a storm that may be forming around it. */
  holdsPage?: (incident: Incident) => Promise<boolean>;
  /** warroom ended a snooze (time up, impact raised): the card follows. */
  onSnoozeEnded?: (incident: Incident) => void;
}

/**
 * Escalation and on-call, wired: Incident Manager contacts when the account has them, the
 * on-call resolver (YAML rotations or SSM Contacts rotations), paging, reminders and the
 * durable stage ticker.
 */
export function wireEscalation(input: EscalationWiringInput): {
  escalation: Escalation;
  /** Page DMs are refreshed whenever the incident's card is. */
  pager: Pager;
  ssmOnCall?: SsmOnCallReader;
} {
  const { config, store, slack, clock, logger } = input;
  const contacts = input.aws.contacts;
  const engagements = contacts
    ? new Engagements({
        contacts,
        store,
        slack,
        clock,
        logger,
        alertChannel: config.slack.alertChannel,
        onTimeline: input.onTimeline,
      })
    : undefined;
  const directory = contacts ? new ContactDirectory({ contacts, slack, logger }) : undefined;
  const ssmOnCall = contacts && directory ? new SsmOnCallReader({ contacts, directory, logger }) : undefined;
  const pager = new Pager({
    store,
    slack,
    contacts: directory && engagements ? { directory, engagements } : undefined,
    onCall: input.onCall ?? configOnCall(config.oncall.rotations, ssmOnCall),
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
    accounts: config.accounts,
    metrics: input.metrics,
    onTimeline: input.onTimeline,
  });
  const reminders = config.escalation.reminders
    ? new Reminders({
        store,
        slack,
        clock,
        logger,
        alertChannel: config.slack.alertChannel,
        afterMs: config.escalation.reminders.afterMs,
      })
    : undefined;
  const updateReminders = config.updates
    ? new UpdateReminders({
        store,
        slack,
        clock,
        logger,
        alertChannel: config.slack.alertChannel,
        everyMs: config.updates.everyMs,
      })
    : undefined;
  const escalation = new Escalation({
    config: config.escalation,
    store,
    pager,
    reminders,
    updateReminders,
    engagements,
    clock,
    logger,
    alertChannel: config.slack.alertChannel,
    holdsPage: input.holdsPage,
    onSnoozeEnded: input.onSnoozeEnded,
  });

  return { escalation, pager, ssmOnCall };
}
