import type { FollowUp } from '../../../src/store/follow-up-store.ts';
import type { Store } from '../../../src/store/store.ts';

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

const followUp = (seq: number, id: string, createdAt: Date, extra: Partial<FollowUp> = {}): FollowUp => ({
  id,
  seq,
  title: `Fix ${id}`,
  status: 'open',
  createdBy: 'U0ALICE',
  createdAt,
  statusAt: createdAt,
  ...extra,
});

/** The follow-ups the fixture made, by id, with the Slack request each was made from. */
export interface PostIncidentFixture {
  followUps: { id: string; dedupeKey: string }[];
}

/**
 * Reviews at every stage (claimed only, a delivered draft, complete) and follow-ups open and
 * done, with and without an OpsItem, each made from its own request, through the real Store API.
 */
export async function addPostIncident(
  store: Store,
  seqs: { claimed: number; draft: number; complete: number },
  t0: Date,
): Promise<PostIncidentFixture> {
  const at = (n: number) => minutes(t0, n);
  await store.reviews.claim(seqs.claimed, 'replica-a', at(6), at(0));
  await store.reviews.claim(seqs.draft, 'replica-a', at(6), at(0));
  await store.reviews.recordDelivered(
    seqs.draft,
    {
      kind: 'canvas',
      id: 'F0CANVAS1',
      channel: 'C0INC1',
      url: 'https://slack.test/F0CANVAS1',
      threadTs: '1.000100',
    },
    at(7),
  );
  await store.reviews.recordGenerated(seqs.draft, at(9));
  await store.reviews.claim(seqs.complete, 'replica-b', at(6), at(0));
  await store.reviews.recordDelivered(
    seqs.complete,
    { kind: 'file', id: 'F0FILE1', channel: 'C0ALERTS' },
    at(7),
  );
  await store.reviews.complete(seqs.complete, 'U0BOB', at(8));

  const made = [
    // Open, no OpsItem yet, with an owner and a due day; another made at the same minute (ties by id).
    {
      item: followUp(seqs.complete, 'fu-00000000b1', at(6), { owner: 'U0BOB', due: '2026-12-01' }),
      key: 'view:FU1',
    },
    { item: followUp(seqs.complete, 'fu-00000000a1', at(6)), key: 'view:FU0' },
    // Open, tracked by an OpsItem read back since.
    { item: followUp(seqs.complete, 'fu-00000000c1', at(7)), key: 'shortcut:FU2' },
    // Done after its OpsItem was made: not in OpsCenter yet.
    { item: followUp(seqs.complete, 'fu-00000000d1', at(7)), key: 'view:FU3' },
    // Done without an OpsItem, on another incident.
    { item: followUp(seqs.draft, 'fu-00000000e1', at(8)), key: 'trigger:FU4' },
  ];
  for (const { item, key } of made) await store.followUps.create(item, key);
  await store.followUps.linkOpsItem('fu-00000000c1', 'oi-0123456789ab', at(8));
  await store.followUps.markSynced('fu-00000000c1', at(10));
  await store.followUps.linkOpsItem('fu-00000000d1', 'oi-0123456789cd', at(8));
  await store.followUps.setStatus('fu-00000000d1', 'done', 'U0BOB', at(11));
  await store.followUps.setStatus('fu-00000000e1', 'done', undefined, at(12));
  return { followUps: made.map(({ item, key }) => ({ id: item.id, dedupeKey: key })) };
}
