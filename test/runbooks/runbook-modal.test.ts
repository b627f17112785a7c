import { describe, expect, it } from 'vitest';
import { buildIncidentCard } from '../../src/incidents/incident-card.ts';
import { DEFAULT_RUNBOOKS } from '../../src/runbooks/default-catalog.ts';
import { fittingRunbooks } from '../../src/runbooks/runbook.ts';
import { buildRunbookModal } from '../../src/runbooks/runbook-modal.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const incident = openIncident();
const fitting = fittingRunbooks(DEFAULT_RUNBOOKS, incident.resource);
const byId = (id: string) => fitting.find((runbook) => runbook.id === id)!;

describe('the runbook modal', () => {
  it('while preparing: the menu of fitting runbooks, no submit yet; the context names incident and runbook', () => {
    const modal = buildRunbookModal({
      incident,
      fitting,
      selected: byId('reboot-instance'),
      state: { kind: 'loading' },
      channelId: 'C0ALERTS',
    });
    expect(modal.callback_id).toBe(VIEW_IDS.runbookModal);
    expect(modal).not.toHaveProperty('submit');
    expect(JSON.parse(modal.private_metadata)).toEqual({
      seq: 7,
      runbookId: 'reboot-instance',
      channelId: 'C0ALERTS',
    });
    const menu = JSON.stringify(modal.blocks[0]);
    expect(menu).toContain(ACTION_IDS.runbookChoice);
    expect(menu).toContain('"value":"stop-instance"');
    expect(menu).not.toContain('start-cluster');
  });

  it('ready: fixed parameters as text, editable ones as inputs, the steps, and the submit naming what happens', () => {
    const selected = byId('enable-backups');
    const modal = buildRunbookModal({
      incident,
      fitting,
      selected,
      state: {
        kind: 'ready',
        plan: {
          runbook: selected,
          incident,
          parameters: { DbiResourceId: ['db-ABC'], BackupRetentionPeriod: ['7'] },
          fields: [
            { name: 'DbiResourceId', value: 'db-ABC', editable: false, required: true },
            {
              name: 'BackupRetentionPeriod',
              value: '7',
              editable: true,
              required: true,
              description: '1–35 days',
            },
            { name: 'PreferredBackupWindow', value: '', editable: true, required: false },
          ],
          steps: [{ name: 'ModifyDBInstance', action: 'aws:executeAwsApi' }],
        },
      },
    });
    expect(modal.submit).toEqual({ type: 'plain_text', text: 'Run' });
    const shown = JSON.stringify(modal.blocks);
    expect(shown).toContain('`DbiResourceId` = db-ABC');
    expect(shown).toContain('1. *ModifyDBInstance* · `aws:executeAwsApi`');
    const inputs = modal.blocks.filter((block) => block['type'] === 'input');
    expect(inputs).toMatchObject([
      {
        block_id: `${BLOCK_IDS.runbookParameterPrefix}BackupRetentionPeriod`,
        optional: false,
        element: { initial_value: '7' },
      },
      { block_id: `${BLOCK_IDS.runbookParameterPrefix}PreferredBackupWindow`, optional: true },
    ]);
    const twoPerson = buildRunbookModal({
      incident,
      fitting,
      selected: byId('stop-instance'),
      state: {
        kind: 'ready',
        plan: { runbook: byId('stop-instance'), incident, parameters: {}, fields: [], steps: [] },
      },
    });
    expect(twoPerson.submit).toEqual({ type: 'plain_text', text: 'Ask for approval' });
  });

  it('cannot run: the reasons, and no submit', () => {
    const modal = buildRunbookModal({
      incident,
      fitting,
      selected: byId('disable-public-access'),
      state: { kind: 'problems', problems: ['AutomationAssumeRole needs {{config.automationRoleArn}}'] },
    });
    expect(modal).not.toHaveProperty('submit');
    expect(JSON.stringify(modal.blocks)).toContain('It cannot run');
  });
});

describe('the card', () => {
  it('offers Run runbook only when told a runbook fits', () => {
    const ids = (offerRunbooks: boolean) =>
      JSON.stringify(buildIncidentCard(incident, { defaultRegion: 'us-east-1', offerRunbooks }).blocks);
    expect(ids(true)).toContain(ACTION_IDS.runRunbook);
    expect(ids(false)).not.toContain(ACTION_IDS.runRunbook);
  });
});
