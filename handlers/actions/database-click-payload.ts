import { z } from 'zod';
import { DATABASE_CHOICES, type DatabaseChoice } from '../../src/rds/index.ts';
import type { CardClick, Parsed } from './card-click.ts';
import {
  blockActionsSchema,
  clickFrom,
  parseButtonClick,
  salvageTarget,
  UNREADABLE,
} from './card-click-payload.ts';

/** JSON in a string, then a schema: how warroom writes option and button values. */
function jsonOf<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((raw, ctx): unknown => {
      try {
        return JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'value is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const ref = { seq: z.number().int().positive(), v: z.number().int().nonnegative() };

/** A choice in the card's Database overflow: `{"seq":7,"v":3,"do":"check"}` (src/rds/database-menu.ts). */
const overflowActionSchema = z.object({
  action_id: z.string().min(1),
  selected_option: z.object({ value: jsonOf(z.object({ ...ref, do: z.enum(DATABASE_CHOICES) })) }),
  action_ts: z.string().min(1).optional(),
});

/** The Run button beside a ✗ of the check: `{"seq":7,"v":3,"runbook":"…"}` (src/rds/rds-check-text.ts). */
const remediationValueSchema = z.object({
  actions: z.array(z.object({ value: jsonOf(z.object({ ...ref, runbook: z.string().min(1) })) })).min(1),
});

export type DatabaseMenuClick = CardClick & { choice: DatabaseChoice };
export type RemediationClick = CardClick & { runbookId: string };

export function parseDatabaseMenuClick(body: unknown): Parsed<DatabaseMenuClick> {
  const payload = blockActionsSchema.safeParse(body);
  const action = payload.success ? overflowActionSchema.safeParse(payload.data.actions[0]) : undefined;
  if (!payload.success || !action?.success)
    return { ok: false, reason: UNREADABLE, target: salvageTarget(body) };
  const { seq, v, do: choice } = action.data.selected_option.value;
  return { ok: true, click: { ...clickFrom(payload.data, action.data, { seq, v }), choice } };
}

/** A card-like button click whose value also names a runbook. */
export function parseRemediationClick(body: unknown): Parsed<RemediationClick> {
  const parsed = parseButtonClick(body);
  if (!parsed.ok) return parsed;
  const value = remediationValueSchema.safeParse(body);
  const runbookId = value.success ? value.data.actions[0]?.value.runbook : undefined;
  if (!runbookId) return { ok: false, reason: UNREADABLE, target: parsed.click };
  return { ok: true, click: { ...parsed.click, runbookId } };
}
