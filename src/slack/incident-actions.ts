import { IMPACT_NAMES, type Impact } from '../incident/impact.ts';
import type { Incident } from '../incident/incident.ts';
import { rdsTargetOf } from '../rds/rds-target.ts';
import type { Button, KnownBlock } from './block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from './ids.ts';

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
 * The card's buttons, only those that apply: Acknowledge while open; impact, note and resolve until
 * resolved, and Check database on an RDS incident; a resolved incident offers nothing that changes it
 * but Reopen.
 */
export function buildIncidentActions(
  incident: Incident,
  links: Button[],
  options: { offerRunbooks?: boolean } = {},
): KnownBlock | undefined {
  const value = incidentButtonValue(incident);
  const elements: Array<Button | Record<string, unknown>> = [];
  if (incident.status === 'resolved') {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.reopen,
      text: { type: 'plain_text', text: 'Reopen' },
      value,
    });
  } else {
    if (incident.status === 'open') {
      elements.push({
        type: 'button',
        action_id: ACTION_IDS.acknowledge,
        style: 'primary',
        text: { type: 'plain_text', text: 'Acknowledge' },
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
        action_id: ACTION_IDS.resolve,
        style: 'danger',
        text: { type: 'plain_text', text: 'Resolve' },
        value,
      },
    );
    // Read-only, so it needs no confirmation; the answer goes to the clicker alone.
    if (rdsTargetOf(incident.resource)) {
      elements.push({
        type: 'button',
        action_id: ACTION_IDS.checkDatabase,
        text: { type: 'plain_text', text: 'Check database' },
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
  }
  elements.push(...links);
  return { type: 'actions', block_id: BLOCK_IDS.cardActions, elements } as KnownBlock;
}
