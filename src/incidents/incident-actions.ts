import { buildDatabaseControl } from '../rds/index.ts';
import type { Button, KnownBlock, Overflow } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../slack/ids.ts';
import { IMPACT_NAMES, type Impact } from './impact.ts';
import type { Incident } from './incident.ts';

/** What a card button carries: the incident and the version the card showed when clicked. */
export function incidentButtonValue(incident: Incident): string {
  return JSON.stringify({ seq: incident.seq, v: incident.version });
}

export function impactOption(impact: Impact) {
  return {
    text: { type: 'plain_text' as const, text: `${impact} · ${IMPACT_NAMES[impact]}` },
    value: String(impact),
  };
}

export const IMPACT_OPTIONS = ([1, 2, 3, 4, 5] as const).map(impactOption);

/**
 * The card's buttons, only those that apply: Acknowledge while open; Take it until someone owns it;
 * impact, note, update and resolve until
 * resolved, and on an RDS incident the Database menu (status, check, logs, snapshot); a resolved
 * incident offers Reopen and the review only (no console links either: the card reads as finished).
 */
export function buildIncidentActions(
  incident: Incident,
  links: Button[],
  options: { offerRunbooks?: boolean; offerPaging?: boolean } = {},
): KnownBlock | undefined {
  const value = incidentButtonValue(incident);
  const elements: Array<Button | Overflow | Record<string, unknown>> = [];
  if (incident.status === 'resolved') {
    // Resolved: Reopen and the review (drafted, or regenerated until complete); nothing live is offered.
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.reopen,
      text: { type: 'plain_text', text: 'Reopen' },
      value,
    });
    if (!incident.review?.completedBy) {
      elements.push({
        type: 'button',
        action_id: ACTION_IDS.review,
        text: { type: 'plain_text', text: incident.review ? 'Regenerate review' : 'Review' },
        value,
      });
    }
    return { type: 'actions', block_id: BLOCK_IDS.cardActions, elements } as KnownBlock;
  }
  if (incident.status === 'open') {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.acknowledge,
      style: 'primary',
      text: { type: 'plain_text', text: 'Acknowledge' },
      value,
    });
  }
  // Until someone owns it: anyone can take it (acknowledging it if open) from the card too.
  if (!incident.owner) {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.takeIncident,
      text: { type: 'plain_text', text: 'Take it' },
      value,
    });
  }
  elements.push(
    {
      type: 'static_select',
      action_id: ACTION_IDS.impactSelect,
      placeholder: { type: 'plain_text', text: 'Set impact' },
      options: IMPACT_OPTIONS,
      initial_option: impactOption(incident.impact),
    },
    {
      type: 'button',
      action_id: ACTION_IDS.addNote,
      text: { type: 'plain_text', text: 'Add note' },
      value,
    },
    {
      type: 'button',
      action_id: ACTION_IDS.postUpdate,
      text: { type: 'plain_text', text: 'Post update' },
      value,
    },
    {
      type: 'button',
      action_id: ACTION_IDS.resolve,
      style: 'danger',
      text: { type: 'plain_text', text: 'Resolve' },
      value,
    },
  );
  // Only where an escalation policy applies: it says whom to page.
  if (options.offerPaging) {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.pageOnCall,
      text: { type: 'plain_text', text: 'Page on-call' },
      value,
    });
  }
  // Only where a catalog runbook fits the incident's resource; the modal lists which.
  if (options.offerRunbooks) {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.runRunbook,
      text: { type: 'plain_text', text: 'Run runbook' },
      value,
    });
  }
  // A member's card (one posted before its storm formed): out of the storm, its own card and paging.
  if (incident.stormSeq !== undefined) {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.splitFromStorm,
      text: { type: 'plain_text', text: 'Split out of storm' },
      value,
    });
  }
  elements.push(...links);
  // Last, where Slack users look for "more": the Database menu (or Check snapshot) until resolved.
  const database = buildDatabaseControl(incident);
  if (database) elements.push(database);
  return { type: 'actions', block_id: BLOCK_IDS.cardActions, elements } as KnownBlock;
}
