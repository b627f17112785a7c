import type { CardRecord, Store } from '../store/store.ts';
import type { Incident } from './incident.ts';

/** The channel an incident's card lives in: its route's, else the alert channel. */
export function homeChannelOf(incident: Pick<Incident, 'route'> | undefined, alertChannel: string): string {
  return incident?.route?.channel ?? alertChannel;
}

/**
 * An incident's card in its home channel, and that channel: what thread posts (pages, runbook
 * runs, log lines, the storm's member list) reply under. `card` is undefined until it is posted.
 */
export async function findHomeCard(
  store: Pick<Store, 'getIncident' | 'getCard'>,
  seq: number,
  alertChannel: string,
): Promise<{ channel: string; card: CardRecord | undefined }> {
  const channel = homeChannelOf(await store.getIncident(seq), alertChannel);
  return { channel, card: await store.getCard(seq, channel) };
}
