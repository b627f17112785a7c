import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** `rds:StopDBInstance`: a lower-case service prefix and an action name, no wildcards. */
const ACTION = /^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/;

const RunbookPermissions = z.object({
  document: z.string().min(1),
  source: z.url({ protocol: /^https$/, hostname: /^docs\.aws\.amazon\.com$/ }),
  basis: z.enum(['required-iam-permissions', 'document-steps']),
  note: z.string().optional(),
  actions: z
    .array(z.string().regex(ACTION, 'expected service:Action, e.g. rds:StopDBInstance, without wildcards'))
    .min(1),
});

const AutomationPermissions = z.object({
  _about: z.string(),
  runbooks: z.array(RunbookPermissions).min(1),
});

/** One runbook's entry: the actions its assume role needs and where that list comes from. */
export type RunbookPermissions = z.infer<typeof RunbookPermissions>;

/**
 * Reads deploy/automation-permissions.json, the one list of what the SSM Automation role needs per
 * catalog document. Throws naming the path of every malformed field.
 */
export function loadAutomationPermissions(path: string): RunbookPermissions[] {
  const parsed = AutomationPermissions.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${path}:\n${lines.join('\n')}`);
  }
  return parsed.data.runbooks;
}

/** Every action of every entry, once each, sorted: what the AutomationRole policy must allow. */
export function automationActions(runbooks: readonly RunbookPermissions[]): string[] {
  return [...new Set(runbooks.flatMap((runbook) => runbook.actions))].sort();
}
