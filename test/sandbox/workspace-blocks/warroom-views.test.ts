import { describe, expect, it } from 'vitest';
import { renderBlocks, renderModal, stateValueFor } from '../../../sandbox/workspace/blocks/index.ts';
import { buildAppHome } from '../../../src/incidents/app-home.ts';
import { impactOption } from '../../../src/incidents/incident-actions.ts';
import {
  buildDeclareModal,
  buildNoteModal,
  buildResolveModal,
} from '../../../src/incidents/incident-modals.ts';
import { DEFAULT_RUNBOOKS } from '../../../src/runbooks/default-catalog.ts';
import { fittingRunbooks } from '../../../src/runbooks/runbook.ts';
import { buildRunbookModal } from '../../../src/runbooks/runbook-modal.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import { byTestId, CONTEXT, controls, elementOf, innerOf, optionsOf, tags, textOf } from './html-probe.ts';

const incident = openIncident();

/** The <label for> of a control, or undefined. */
function labelFor(html: string, id: string | undefined): string | undefined {
  const label = tags(html, 'label').find((tag) => tag.attrs['for'] === id);
  return label ? textOf(innerOf(html, label)) : undefined;
}

describe('warroom modals, rendered', () => {
  it('the note modal: escaped title and buttons, a required multiline note with its label', () => {
    const modal = renderModal(buildNoteModal(incident, { channelId: 'C0ALERTS' }), CONTEXT);
    expect(modal).toMatchObject({ title: 'Note on INC-7', submit: 'Add note', close: 'Cancel' });
    expect(textOf(modal.body)).toContain('INC-7 · CPUUtilization > 80 on orders-db');
    const note = byTestId(modal.body, `input:${ACTION_IDS.noteText}`);
    expect(note.name).toBe('textarea');
    expect(note.attrs).toMatchObject({
      'data-block-id': BLOCK_IDS.noteInput,
      'data-action-id': ACTION_IDS.noteText,
      'data-element-type': 'plain_text_input',
      'data-input-block': 'true',
      'data-optional': 'false',
      maxlength: '3000',
    });
    expect(labelFor(modal.body, note.attrs['id'])).toBe('Note');
    expect(stateValueFor(elementOf(note), 'Failover done')).toEqual({
      type: 'plain_text_input',
      value: 'Failover done',
    });
  });

  it('the resolve modal: the question and the summary input', () => {
    const modal = renderModal(buildResolveModal(incident, {}), CONTEXT);
    expect(modal.submit).toBe('Resolve');
    const summary = byTestId(modal.body, `input:${ACTION_IDS.summaryText}`);
    expect(labelFor(modal.body, summary.attrs['id'])).toBe('What happened and what fixed it');
  });

  it('the declare modal: title prefilled and escaped, impact menu at its default, the hint', () => {
    const modal = renderModal(buildDeclareModal({}, { title: 'Orders "slow" <b>', impact: 2 }), CONTEXT);
    expect(modal.title).toBe('Declare an incident');
    const title = byTestId(modal.body, `input:${ACTION_IDS.titleText}`);
    expect(title.name).toBe('input');
    expect(title.attrs).toMatchObject({ type: 'text', value: 'Orders "slow" <b>', maxlength: '150' });
    expect(modal.body).toContain('value="Orders &quot;slow&quot; &lt;b&gt;"');
    const impact = byTestId(modal.body, `select:${ACTION_IDS.impactChoice}`);
    expect(impact.attrs).toMatchObject({
      'data-block-id': BLOCK_IDS.impactInput,
      'data-input-block': 'true',
    });
    expect(optionsOf(modal.body, impact).filter((option) => option.selected)).toEqual([
      { value: '2', label: '2 · High', selected: true },
    ]);
    expect(labelFor(modal.body, impact.attrs['id'])).toBe('Impact');
    expect(modal.body).toContain('<div class="bk-hint">1 Critical … 5 No impact</div>');
    expect(stateValueFor(elementOf(impact), '1')).toEqual({
      type: 'static_select',
      selected_option: impactOption(1),
    });
  });

  const fitting = fittingRunbooks(DEFAULT_RUNBOOKS, incident.resource);
  const byId = (id: string) => fitting.find((runbook) => runbook.id === id)!;

  it('the runbook modal while loading: the runbook menu as a section accessory, no submit', () => {
    const view = buildRunbookModal({
      incident,
      fitting,
      selected: byId('reboot-instance'),
      state: { kind: 'loading' },
    });
    const modal = renderModal(view, CONTEXT);
    expect(modal.submit).toBeUndefined();
    expect(modal.title).toBe('Runbook · INC-7');
    const menu = byTestId(modal.body, `select:${ACTION_IDS.runbookChoice}`);
    expect(menu.attrs['data-block-id']).toBe(BLOCK_IDS.runbookChoice);
    expect(menu.attrs['data-input-block']).toBeUndefined();
    const values = optionsOf(modal.body, menu).map((option) => option.value);
    expect(values).toContain('reboot-instance');
    expect(optionsOf(modal.body, menu).find((option) => option.selected)?.value).toBe('reboot-instance');
    expect(textOf(modal.body)).toContain('Reading the document and the database…');
  });

  it('the runbook modal when ready: fixed parameters as text, editable ones as labelled inputs', () => {
    const selected = byId('enable-backups');
    const view = buildRunbookModal({
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
    const modal = renderModal(view, CONTEXT);
    expect(modal.submit).toBe('Run');
    expect(modal.body).toContain('<code class="bk-code">DbiResourceId</code> = db-ABC');
    const inputs = controls(modal.body).filter((tag) => tag.attrs['data-input-block'] === 'true');
    expect(
      inputs.map((tag) => [tag.attrs['data-block-id'], tag.attrs['data-optional'], tag.attrs['value']]),
    ).toEqual([
      [`${BLOCK_IDS.runbookParameterPrefix}BackupRetentionPeriod`, 'false', '7'],
      [`${BLOCK_IDS.runbookParameterPrefix}PreferredBackupWindow`, 'true', undefined],
    ]);
    // Both inputs share one action_id; their DOM ids still differ, so each label finds its own.
    expect(new Set(inputs.map((tag) => tag.attrs['id'])).size).toBe(2);
    expect(labelFor(modal.body, inputs[1]?.attrs['id'])).toBe('PreferredBackupWindow (optional)');
    expect(modal.body).toContain('<div class="bk-hint">1–35 days</div>');
    expect(textOf(modal.body)).toContain('1. ModifyDBInstance · aws:executeAwsApi');
  });

  it('the runbook modal with problems: each one listed, escaped', () => {
    const view = buildRunbookModal({
      incident,
      fitting,
      selected: byId('reboot-instance'),
      state: { kind: 'problems', problems: ['Parameter <InstanceId> is missing'] },
    });
    const modal = renderModal(view, CONTEXT);
    expect(textOf(modal.body)).toContain('⚠️ It cannot run:\n• Parameter <InstanceId> is missing');
    expect(modal.body).not.toContain('<InstanceId>');
  });

  it('keeps DOM ids apart when two surfaces share a page (idPrefix)', () => {
    const view = buildNoteModal(incident, {});
    const first = renderModal(view, { ...CONTEXT, idPrefix: 'm1' }).body;
    const second = renderModal(view, { ...CONTEXT, idPrefix: 'm2' }).body;
    expect(controls(first)[0]?.attrs['id']).toMatch(/^m1-/);
    expect(controls(second)[0]?.attrs['id']).toMatch(/^m2-/);
  });

  it('refuses a view that is not an object, saying what it needs', () => {
    expect(() => renderModal('modal', CONTEXT)).toThrow(
      'A modal view must be an object with title and blocks.',
    );
  });
});

describe('App Home, rendered', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('lists open incidents with impact, age, who acknowledged, the resource link and channel', () => {
    const home = buildAppHome({
      incidents: [
        openIncident({ status: 'acknowledged', acknowledgedBy: 'U0ALICE', channelId: 'C0ALERTS' }),
        openIncident({
          seq: 8,
          title: 'Storage <low>',
          impact: 1,
          openedAt: new Date('2026-11-22T09:55:00Z'),
        }),
      ],
      now,
      alertChannel: 'C0ALERTS',
    });
    const html = renderBlocks(home.blocks, CONTEXT);
    const text = textOf(html);
    expect(html).toContain('<h2 class="bk-block bk-header"');
    expect(text).toContain('Open incidents');
    expect(text.indexOf('INC-8 Storage <low>')).toBeLessThan(text.indexOf('INC-7 CPUUtilization'));
    expect(text).toContain('🔴 Impact 1 (Critical) · Open · not acknowledged yet');
    expect(text).toContain('Acknowledged · acknowledged by @alice');
    expect(text).toContain('opened 1h 0m ago · orders-db · 123456789012 (us-east-1) · #alerts');
    expect(tags(html, 'hr')).toHaveLength(3);
    expect(controls(html)).toEqual([]);
  });

  it('the empty state names the alert channel and the declare command', () => {
    const html = renderBlocks(buildAppHome({ incidents: [], now, alertChannel: 'C0ALERTS' }).blocks, CONTEXT);
    expect(textOf(html)).toContain('No open incidents. 🎉\nNew ones appear here and as cards in #alerts');
    expect(html).toContain('<code class="bk-code">/incident declare</code>');
  });
});
