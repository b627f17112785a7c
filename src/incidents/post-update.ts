import type { Incident, TimelineEntry } from './incident.ts';
import { type PostedPlaces, type PostPlacesDeps, postToIncidentPlaces } from './post-to-incident-places.ts';
import { buildUpdateMessages } from './update-messages.ts';

/** Metadata event type on an update's messages, so one whose post answer was lost is found, not posted twice. */
export const UPDATE_EVENT = 'warroom_update';

export interface PostUpdateDeps extends PostPlacesDeps {
  /** `slack.updatesChannel`: stakeholders read updates there. */
  updatesChannel?: string;
}

/**
 * Shows a status update in the card's thread, the incident channel and the stakeholders' channel,
 * each message once even when Slack's answer is lost. `incident` is as the update left it.
 */
export async function postUpdate(
  deps: PostUpdateDeps,
  incident: Incident,
  entry: TimelineEntry,
): Promise<PostedPlaces> {
  return postToIncidentPlaces(deps, incident, {
    messages: buildUpdateMessages(incident, entry.actor, entry.text, entry.at),
    eventType: UPDATE_EVENT,
    key: `${entry.dedupeKey ?? entry.at.getTime()}`,
    at: entry.at,
    alsoIn: deps.updatesChannel,
  });
}
