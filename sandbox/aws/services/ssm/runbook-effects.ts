import { CLUSTER_RUNBOOK_EFFECTS } from './cluster-runbook-effects.ts';
import { INSTANCE_RUNBOOK_EFFECTS } from './instance-runbook-effects.ts';
import { REMEDIATION_RUNBOOK_EFFECTS } from './remediation-runbook-effects.ts';
import { SNAPSHOT_PERMISSION_EFFECTS } from './snapshot-permission-effects.ts';
import type { RunbookEffects } from './step-effect.ts';

/**
 * What each runbook of warroom's default catalog does to the emulated RDS, by document name.
 * Documents not listed (custom ones, the connectivity check) only advance their steps.
 */
export const RUNBOOK_EFFECTS: Readonly<Record<string, RunbookEffects>> = {
  ...INSTANCE_RUNBOOK_EFFECTS,
  ...CLUSTER_RUNBOOK_EFFECTS,
  ...REMEDIATION_RUNBOOK_EFFECTS,
  ...SNAPSHOT_PERMISSION_EFFECTS,
};
