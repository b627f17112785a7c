import { type Incident, incidentId } from '../incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import type { AutomationPlace } from './automation-place.ts';
import type { RunbookDefinition } from './runbook.ts';
import type { RunbookPlan } from './runbook-planner.ts';

/** What the modal shows of a plan: where it runs, when known, is said above its parameters. */
export type ShownPlan = Omit<RunbookPlan, 'place'> & {
  place?: Pick<AutomationPlace, 'region' | 'roleAccount'>;
};

export type RunbookModalState =
  | { kind: 'loading' }
  | { kind: 'ready'; plan: ShownPlan }
  | { kind: 'problems'; problems: string[] };

/** What the runbook modal remembers (private_metadata). */
export interface RunbookModalContext {
  seq: number;
  runbookId: string;
  channelId?: string;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const mrkdwn = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const option = (runbook: RunbookDefinition) => ({
  text: plain(truncate(runbook.title, 75)),
  value: runbook.id,
});

function planBlocks(plan: ShownPlan): Record<string, unknown>[] {
  const fixed = plan.fields.filter((field) => !field.editable);
  const lines = fixed.map((field) => `• \`${field.name}\` = ${escapeMrkdwn(field.value)}`);
  const blocks: Record<string, unknown>[] = [];
  if (plan.place) {
    const account = plan.place.roleAccount ? ` in ${escapeMrkdwn(plan.place.roleAccount.where)}` : '';
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Runs in ${escapeMrkdwn(plan.place.region)}${account}` }],
    });
  }
  blocks.push(mrkdwn(`*Parameters*\n${lines.join('\n') || '_None fixed._'}`));
  for (const field of plan.fields.filter((candidate) => candidate.editable)) {
    blocks.push({
      type: 'input',
      block_id: `${BLOCK_IDS.runbookParameterPrefix}${field.name}`,
      optional: !field.required,
      label: plain(truncate(field.name, 2000)),
      element: {
        type: 'plain_text_input',
        action_id: ACTION_IDS.runbookParameter,
        max_length: 512,
        ...(field.value ? { initial_value: field.value } : {}),
      },
      ...(field.description ? { hint: plain(truncate(field.description, 2000)) } : {}),
    });
  }
  const steps = plan.steps.map(
    (step, index) => `${index + 1}. *${escapeMrkdwn(step.name)}* · \`${escapeMrkdwn(step.action)}\``,
  );
  blocks.push(
    mrkdwn(
      `*Steps*\n${steps.join('\n') || "_The document's steps could not be read; they show once it runs._"}`,
    ),
  );
  return blocks;
}

/**
 * Run runbook: a menu of the runbooks that fit the incident, and for the chosen one what will run
 * (document, parameters resolved for this database, the document's steps) with the editable
 * parameters as inputs. Submitting is the confirmation (or, for a two-person runbook, the request).
 */
export function buildRunbookModal(input: {
  incident: Incident;
  fitting: readonly RunbookDefinition[];
  selected: RunbookDefinition;
  state: RunbookModalState;
  channelId?: string;
}) {
  const { incident, selected, state } = input;
  const context: RunbookModalContext = {
    seq: incident.seq,
    runbookId: selected.id,
    channelId: input.channelId,
  };
  const resource = incident.resource
    ? `${incident.resource.kind} \`${escapeMrkdwn(incident.resource.id)}\``
    : 'no resource';
  const approval =
    selected.approval === 'two-person'
      ? '🔐 A second person with the `runbook` permission must approve before it runs.'
      : 'Runs when you confirm.';
  const blocks: Record<string, unknown>[] = [
    {
      type: 'section',
      block_id: BLOCK_IDS.runbookChoice,
      text: {
        type: 'mrkdwn',
        text: truncate(`*${incidentId(incident.seq)}* · ${escapeMrkdwn(incident.title)}\n${resource}`, 3000),
      },
      accessory: {
        type: 'static_select',
        action_id: ACTION_IDS.runbookChoice,
        options: input.fitting.slice(0, 100).map(option),
        initial_option: option(selected),
      },
    },
    {
      ...mrkdwn(
        `*${escapeMrkdwn(selected.title)}* · \`${escapeMrkdwn(selected.document)}\`\n${escapeMrkdwn(selected.description ?? '')}\n${approval}`,
      ),
      block_id: BLOCK_IDS.runbookPlan,
    },
  ];
  if (state.kind === 'loading') {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Reading the document and the database…' }],
    });
  } else if (state.kind === 'problems') {
    blocks.push(
      mrkdwn(`⚠️ *It cannot run:*\n${state.problems.map((p) => `• ${escapeMrkdwn(p)}`).join('\n')}`),
    );
  } else {
    blocks.push(...planBlocks(state.plan));
  }
  return {
    type: 'modal',
    callback_id: VIEW_IDS.runbookModal,
    private_metadata: JSON.stringify(context),
    title: plain(truncate(`Runbook · ${incidentId(incident.seq)}`, 24)),
    ...(state.kind === 'ready'
      ? { submit: plain(selected.approval === 'two-person' ? 'Ask for approval' : 'Run') }
      : {}),
    close: plain('Cancel'),
    blocks,
  };
}
