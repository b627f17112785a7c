import { deniedText } from './denied-text.ts';
import { incidentId } from './incident.ts';
import { durationsLine } from './lifecycle.ts';
import type { TriageResult } from './triage.ts';

/** The one-line answer to the person who acted, for every outcome of a triage action. */
export function triageReplyText(result: TriageResult): string {
  switch (result.kind) {
    case 'changed': {
      const change = result.entry.from !== undefined ? ` (${result.entry.from} → ${result.entry.to})` : '';
      const said = `${incidentId(result.incident.seq)}: you ${result.entry.text}${change}.`;
      // The resolution message says how long it took, as the card then does.
      const durations = result.incident.status === 'resolved' ? durationsLine(result.incident) : undefined;
      return durations ? `${said}\n${durations}.` : said;
    }
    case 'unchanged':
      return result.message;
    case 'duplicate':
      return `${incidentId(result.incident.seq)}: that was already done; nothing changed.`;
    case 'denied':
      return deniedText(result);
    case 'not-found':
      return 'That incident does not exist.';
  }
}

/** A snooze's answer, naming the storm when the incident asked about escalates through one. */
export function snoozeReplyText(askedSeq: number, result: TriageResult): string {
  const text = triageReplyText(result);
  if (result.kind !== 'changed' && result.kind !== 'unchanged') return text;
  const through =
    result.incident.seq === askedSeq
      ? ''
      : `${incidentId(askedSeq)} escalates through its storm ${incidentId(result.incident.seq)}, so the storm is what is snoozed.\n`;
  return `${through}${text}`;
}
