import type { Key } from './dynamo-table.ts';

/**
 * The table's keys, as docs/store.md lays them out. Numbers in sort keys are zero-padded so they
 * sort as numbers; times are ISO 8601 UTC with milliseconds, which sort as times.
 */
export const pad = (n: number): string => String(n).padStart(10, '0');
export const iso = (at: Date): string => at.toISOString();
/** Sorts after every `<time>#…` key of the same time: "due by now" is `gsi1sk <= dueBy(now)`. */
export const dueBy = (now: Date): string => `${iso(now)}#~`;

export const incidentPk = (seq: number): string => `INC#${pad(seq)}`;
export const incidentKey = (seq: number): Key => ({ pk: incidentPk(seq), sk: 'INCIDENT' });
export const counterKey: Key = { pk: 'SEQ', sk: 'INCIDENT' };
export const openMarkerKey = (groupKey: string): Key => ({ pk: `OPEN#${groupKey}`, sk: 'OPEN' });
export const dedupeKey = (key: string): Key => ({ pk: `DEDUPE#${key}`, sk: 'DEDUPE' });
export const channelMarkerKey = (channelId: string): Key => ({ pk: `CHANNEL#${channelId}`, sk: 'CHANNEL' });
export const inboxKey = (messageId: string): Key => ({ pk: `INBOX#${messageId}`, sk: 'INBOX' });
export const outboxKey = (seq: number, n: number): Key => ({ pk: incidentPk(seq), sk: `OUTBOX#${pad(n)}` });
export const cardKey = (seq: number, channel: string): Key => ({
  pk: incidentPk(seq),
  sk: `CARD#${channel}`,
});
export const cardMessageKey = (channel: string, ts: string): Key => ({
  pk: `CARDTS#${channel}#${ts}`,
  sk: 'CARDTS',
});
export const executionKey = (executionId: string): Key => ({ pk: `EXEC#${executionId}`, sk: 'EXEC' });
export const executionTokenKey = (clientToken: string): Key => ({
  pk: `EXECTOKEN#${clientToken}`,
  sk: 'EXECTOKEN',
});
export const requestKey = (id: string): Key => ({ pk: `REQ#${id}`, sk: 'REQ' });
export const escalationKey = (seq: number, index: number): Key => ({
  pk: incidentPk(seq),
  sk: `ESC#${pad(index)}`,
});
export const impactRoundKey = (seq: number, impact: number): Key => ({
  pk: incidentPk(seq),
  sk: `IMPACT#${impact}`,
});
export const snapshotWatchKey = (kind: string, snapshotId: string): Key => ({
  pk: `SNAP#${kind}#${snapshotId}`,
  sk: 'SNAP',
});

/** The gsi1 lists. */
export const OPEN_INCIDENTS = 'INCIDENTS#OPEN';
export const OUTBOX_DUE = 'OUTBOX#DUE';
export const EXECUTIONS_DUE = 'EXEC#DUE';
export const REQUESTS_DUE = 'REQ#DUE';
export const ESCALATIONS_DUE = 'ESC#DUE';
export const SNAPSHOTS_DUE = 'SNAP#DUE';
/** The gsi2 list of incidents whose cards may be behind (checked, then settled, by the card code). */
export const CARD_SYNC = 'CARDSYNC';
export const cardsIn = (channel: string): string => `CARDIN#${channel}`;
/** The gsi2 list of an incident's runbook executions, by start time. */
export const executionsOf = (seq: number): string => `${incidentPk(seq)}#EXEC`;

/** Outbox ids name their item: `seq × OUTBOX_ID_SPAN + n`. */
export const OUTBOX_ID_SPAN = 1_000_000;

/** Epoch seconds `days` after `at`: when DynamoDB may delete finished work (TTL). */
export const expiresAfterDays = (at: Date, days: number): number =>
  Math.floor(at.getTime() / 1000) + days * 86_400;
export const leaseKey = (key: string): Key => ({ pk: `LEASE#${key}`, sk: 'LEASE' });

/** Engagements: the record, the page-request marker that finds it, and their lists. */
export const engagementKey = (engagementArn: string): Key => ({ pk: `ENG#${engagementArn}`, sk: 'ENG' });
export const engagementRequestKey = (dedupeKey: string, contactArn: string): Key => ({
  pk: `ENGREQ#${dedupeKey}#${contactArn}`,
  sk: 'ENGREQ',
});
export const OPEN_ENGAGEMENTS = 'ENG#OPEN';
export const engagementsOf = (seq: number): string => `${incidentPk(seq)}#ENG`;

/** Page DMs, listed per incident. */
export const pageDmKey = (channel: string, ts: string): Key => ({ pk: `DM#${channel}#${ts}`, sk: 'DM' });
export const pageDmsOf = (seq: number): string => `${incidentPk(seq)}#DM`;

/** An incident's post-incident review, in the incident's own partition. */
export const reviewKey = (seq: number): Key => ({ pk: incidentPk(seq), sk: 'REVIEW' });
/** Follow-ups: the record, the Slack-request marker that finds it, and their lists. */
export const followUpKey = (id: string): Key => ({ pk: `FU#${id}`, sk: 'FU' });
export const followUpRequestKey = (dedupeKey: string): Key => ({ pk: `FUREQ#${dedupeKey}`, sk: 'FUREQ' });
export const OPEN_FOLLOW_UPS = 'FU#OPEN';
export const followUpsOf = (seq: number): string => `${incidentPk(seq)}#FU`;
