import type { Resource } from '../../src/signals/alert.ts';
import { ALERT_CHANNEL, type Harness } from './warroom-harness.ts';

/**
 * Opens an incident about an RDS resource straight in the store (as intake would from an RDS
 * event), then lets the card sync post its card; returns its sequence number.
 */
export async function openRdsIncident(
  harness: Harness,
  resource: Omit<Resource, 'region' | 'accountId'>,
  accountId = '123456789012',
  region = 'us-east-1',
) {
  const now = new Date();
  const { incident } = await harness.warroom.store.createIncident(
    {
      groupKey: `${resource.kind}:${accountId}:${region}:${resource.id}`,
      title: `Trouble with ${resource.id}`,
      impact: 3,
      impactSetBy: 'signal',
      status: 'open',
      source: 'rds-event',
      resource: { ...resource, region, accountId },
      accountId,
      region,
      openedAt: now,
      updatedAt: now,
      latestSignal: { signalType: 'rds-event:test', title: 'RDS event', detail: '', at: now, facts: [] },
      signalCount: 1,
      version: 1,
    },
    { at: now, kind: 'opened', actor: 'aws:rds-event', text: `opened for ${resource.id}` },
  );
  harness.warroom.cards.request(incident.seq);
  await harness.warroom.settled();
  return incident.seq;
}

/** The messages in the thread of an incident's card in the alert channel (the card itself left out). */
export async function cardThread(harness: Harness, seq: number) {
  const card = await harness.warroom.store.getCard(seq, ALERT_CHANNEL);
  if (!card?.ts) throw new Error(`INC-${seq} has no card`);
  return harness.slack
    .messages(ALERT_CHANNEL)
    .filter((message) => message.thread_ts === card.ts && message.ts !== card.ts);
}
