import type { Incident } from './incident.ts';
import type { Transition } from './transitions.ts';

/**
 * A timeline entry that changes nothing else about the incident: its version stays, so the card
 * is not re-rendered for it. For warroom's own records (a ping, a reminder, a picture posted).
 */
export function annotation(at: Date, actor: string, text: string): (incident: Incident) => Transition {
  return (incident) => ({ kind: 'changed', incident, entry: { at, kind: 'annotation', actor, text } });
}
