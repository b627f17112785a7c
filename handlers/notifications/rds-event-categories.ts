import { findRdsEvent, rdsEventCatalogDate } from './rds-event-catalog.ts';
import { riskyChangesOfRdsEvent, riskySignalType } from './rds-risky-change.ts';

/** What warroom makes of one RDS event ID. */
export interface RdsEventClass {
  eventId: string | undefined;
  /** Every category, in AWS's order: the event's own (EventBridge) or the catalog's. */
  categories: string[];
  /** False when the ID is missing or AWS's pages (as last read) do not list it. */
  known: boolean;
  /** `rds-event:<first category>`, or `rds-event:unknown`. */
  signalType: string;
  /** The other categories, `rds-event:unknown` for an unlisted ID, and any `rds-change:*`. */
  otherSignalTypes: string[];
  /** For the card's Event fact: `RDS-EVENT-0195 (maintenance, failure)`. */
  description: string;
}

/**
 * Classifies an RDS event by ID. SNS notifications carry no category, so the catalog supplies
 * them; EventBridge events carry their own (`reported`), which win. An ID the catalog lacks is
 * `rds-event:unknown` (as well as any category EventBridge gave), so the signal policy can show it
 * rather than keep it out of Slack.
 */
export function classifyRdsEvent(
  eventId: string | undefined,
  reported: readonly string[] = [],
): RdsEventClass {
  const entry = findRdsEvent(eventId);
  const given = reported.map((category) => category.trim()).filter(Boolean);
  const categories = given.length > 0 ? given : [...(entry?.categories ?? [])];
  // An event AWS categorised without an ID (older EventBridge events) is not unknown; an ID missing
  // from the catalog is, even if EventBridge categorised it: warroom has not read about it.
  const known = Boolean(entry) || (!eventId && given.length > 0);
  const types = categories.map((category) => `rds-event:${toSignalCategory(category)}`);
  if (!known) types.push('rds-event:unknown');
  const risky = riskyChangesOfRdsEvent(eventId).map(riskySignalType);
  const [signalType = 'rds-event:unknown', ...others] = [...new Set(types)];
  return {
    eventId,
    categories,
    known,
    signalType,
    otherSignalTypes: [...others, ...risky],
    description: describeEvent(eventId, categories, known),
  };
}

function describeEvent(eventId: string | undefined, categories: string[], known: boolean): string {
  const listed = categories.length > 0 ? categories.join(', ') : 'uncategorised';
  if (!eventId) return `no event ID (${listed})`;
  if (known) return `${eventId} (${listed})`;
  return `${eventId} (${listed}; not in warroom's list of AWS's RDS events, read ${rdsEventCatalogDate()})`;
}

/**
 * `orders-db: DB instance restarted`; an event warroom does not know says so first, since its card
 * may be the only sign of it.
 */
export function rdsEventTitle(kind: RdsEventClass, subject: string | undefined, message: string): string {
  if (!kind.known) {
    const label = `Unknown RDS event ${kind.eventId ?? '(no event ID)'}${subject ? ` on ${subject}` : ''}`;
    return message ? `${label}: ${message}` : label;
  }
  if (message && subject) return `${subject}: ${message}`;
  return (
    message || `RDS event${kind.eventId ? ` ${kind.eventId}` : ''} on ${subject ?? 'an unnamed resource'}`
  );
}

/** Finds `RDS-EVENT-NNNN` in a bare ID or in the documentation URL RDS sends as "Event ID". */
export function extractRdsEventId(text: string | undefined | null): string | undefined {
  const match = /RDS-EVENT-\d{4,}/i.exec(text ?? '');
  return match?.[0].toUpperCase();
}

/** "configuration change" → "configuration-change": the spelling used in signal types. */
export function toSignalCategory(category: string): string {
  const kebab = category
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab === '' ? 'other' : kebab;
}
