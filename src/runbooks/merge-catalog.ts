import type { RunbookDefinition } from './runbook.ts';

/**
 * The catalog warroom runs with: the default catalog (unless `useDefaults` is false) with the
 * configured entries applied in order. An entry whose id is already there replaces it in place
 * (so a team can make `stop-instance` need one person, or point it at their own document); a new
 * id is added at the end. Nothing outside this catalog can be started from Slack.
 */
export function mergeCatalog(
  defaults: readonly RunbookDefinition[],
  configured: readonly RunbookDefinition[],
  useDefaults: boolean,
): RunbookDefinition[] {
  const merged = useDefaults ? [...defaults] : [];
  for (const entry of configured) {
    const index = merged.findIndex((existing) => existing.id === entry.id);
    if (index >= 0) merged[index] = entry;
    else merged.push(entry);
  }
  return merged;
}

/** Start-up warnings: runbooks that need `automation.roleArn` when it is not set. */
export function catalogWarnings(
  catalog: readonly RunbookDefinition[],
  roleArn: string | undefined,
): string[] {
  if (roleArn) return [];
  const needing = catalog.filter((runbook) =>
    Object.values(runbook.parameters).some((template) =>
      /\{\{\s*config\.automationRoleArn\s*\}\}/.test(template),
    ),
  );
  if (needing.length === 0) return [];
  return [
    `automation.roleArn is not set: runbooks ${needing.map((runbook) => runbook.id).join(', ')} need it and will refuse to run`,
  ];
}
