import type { Clock } from '../../src/clock.ts';
import type { EmulatorState } from '../aws/emulator-state.ts';
import { viewExecution } from '../aws/services/ssm/automation-progress.ts';
import type { UiAwsState, UiDatabase } from './ui-contract.ts';

/** The emulated AWS as the side panel shows it: Incident Manager, SSM Automation, RDS. */
export function snapshotAws(state: EmulatorState, clock: Clock): UiAwsState {
  // Runbook steps and RDS transitions due by now take effect first, as any AWS request would see them.
  state.ssm.settle();
  const now = clock.now();
  const incidents = [...state.incidents.incidentRecords.values()].map((record) => ({
    arn: record.arn,
    title: record.title,
    status: record.status,
    impact: record.impact,
    created: record.creationTime.toISOString(),
    timeline: [...record.timeline]
      .sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())
      .map((event) => ({
        time: event.eventTime.toISOString(),
        type: event.eventType,
        data: event.eventData,
      })),
  }));
  const executions = [...state.ssm.executions.values()].map((execution) => {
    const view = viewExecution(execution, now);
    // Steps not started yet are shown as Pending so the whole runbook is visible.
    const steps = execution.runbook.steps.map((step, index) => ({
      name: step.name,
      status: view.steps[index]?.status ?? 'Pending',
    }));
    return {
      id: execution.id,
      document: execution.runbook.name,
      status: view.status,
      started: execution.startTime.toISOString(),
      parameters: execution.parameters,
      steps,
      ...(view.failureMessage ? { failureMessage: view.failureMessage } : {}),
    };
  });
  const instances: UiDatabase[] = [...state.rds.instances.values()].map((instance) => ({
    kind: 'instance',
    id: instance.DBInstanceIdentifier ?? '',
    engine: `${instance.Engine ?? ''} ${instance.EngineVersion ?? ''}`.trim(),
    status: instance.DBInstanceStatus ?? 'unknown',
    detail: [
      instance.DBInstanceClass,
      instance.MultiAZ ? 'Multi-AZ' : 'Single-AZ',
      instance.PubliclyAccessible ? 'public' : undefined,
      instance.DBClusterIdentifier ? `in ${instance.DBClusterIdentifier}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  const clusters: UiDatabase[] = [...state.rds.clusters.values()].map((cluster) => ({
    kind: 'cluster',
    id: cluster.DBClusterIdentifier ?? '',
    engine: `${cluster.Engine ?? ''} ${cluster.EngineVersion ?? ''}`.trim(),
    status: cluster.Status ?? 'unknown',
    detail: `${cluster.DBClusterMembers?.length ?? 0} member(s)`,
  }));
  return { incidents, executions, databases: [...clusters, ...instances] };
}
