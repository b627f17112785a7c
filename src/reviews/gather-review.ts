import type { Clock } from '../clock.ts';
import type { PeopleNames } from '../incident-manager/index.ts';
import type { Incident } from '../incidents/index.ts';
import type { Store } from '../store/store.ts';
import type { ReviewFollowUp, ReviewInput } from './review-input.ts';
import { mentionedIds } from './review-markdown.ts';

/** What the review is written from, read from the store; names are asked of Slack only for a file. */
export async function gatherReview(
  deps: {
    store: Store;
    clock: Clock;
    names: PeopleNames;
    defaultRegion: string;
    followUps?: (seq: number) => Promise<ReviewFollowUp[]>;
  },
  incident: Incident,
  cardUrl: string | undefined,
): Promise<Omit<ReviewInput, 'naming'> & { names: () => Promise<Map<string, string>> }> {
  const { store } = deps;
  const [timeline, executions, engagements, followUps] = await Promise.all([
    store.listTimeline(incident.seq),
    store.runbooks.listExecutions(incident.seq),
    store.engagements.list(incident.seq),
    deps.followUps?.(incident.seq) ?? Promise.resolve([]),
  ]);
  const names = async () => {
    const ids = new Set<string>();
    const person = (id: string | undefined) => {
      if (id && /^[UW][A-Z0-9]+$/.test(id)) ids.add(id);
    };
    for (const entry of timeline) {
      person(entry.actor);
      for (const id of mentionedIds(entry.text)) ids.add(id);
    }
    for (const id of mentionedIds(incident.summary ?? '')) ids.add(id);
    for (const id of [incident.acknowledgedBy, incident.resolvedBy, incident.declaredBy, incident.owner])
      person(id);
    for (const past of incident.resolutions ?? []) [past.resolvedBy, past.reopenedBy].forEach(person);
    for (const run of executions) [run.requestedBy, run.approvedBy].forEach(person);
    for (const item of followUps) person(item.owner);
    const named = new Map<string, string>();
    for (const id of ids)
      named.set(id, await deps.names.name(id.startsWith('S') ? { kind: 'group', id } : { kind: 'user', id }));
    return named;
  };
  return {
    incident,
    timeline,
    executions,
    engagements,
    followUps,
    defaultRegion: deps.defaultRegion,
    cardUrl,
    generatedAt: deps.clock.now(),
    names,
  };
}
