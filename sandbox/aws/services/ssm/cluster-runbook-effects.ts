import { startDBCluster, stopDBCluster } from '../rds/rds-cluster-actions.ts';
import { callRds, type RunbookEffects } from './step-effect.ts';

/**
 * AWS-StartStopAuroraCluster: one script step that calls StartDBCluster or StopDBCluster and does
 * not wait, so the cluster is still `starting` / `stopping` when the run succeeds and reaches
 * `available` / `stopped` `state.rds.transitionMs` after the call.
 */
const startStopCluster: RunbookEffects = {
  StartStopAuroraCluster: {
    run(step) {
      const cluster = step.param('ClusterName');
      const timing = { at: step.at, doneAt: new Date(step.at.getTime() + step.rds.transitionMs) };
      if (step.param('Action') === 'Stop')
        callRds('StopDBCluster', () => stopDBCluster(step.rds, cluster, timing));
      else callRds('StartDBCluster', () => startDBCluster(step.rds, cluster, timing));
    },
  },
};

export const CLUSTER_RUNBOOK_EFFECTS: Readonly<Record<string, RunbookEffects>> = {
  'AWS-StartStopAuroraCluster': startStopCluster,
};
