import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import {
  GetAutomationExecutionCommand,
  SSMClient,
  StartAutomationExecutionCommand,
  StopAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { sdkConfig } from './sdk-test-config.ts';

/**
 * The real SSM and RDS clients against an emulator on a ManualClock, with the few calls the
 * runbook-effect tests make: start a runbook, read its execution, read what RDS now says.
 */
export async function startRunbookBench() {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const emulator: AwsEmulator = await startAwsEmulator({ clock });
  const ssm = new SSMClient(sdkConfig(emulator));
  const rds = new RDSClient(sdkConfig(emulator));

  const run = async (document: string, parameters: Record<string, string[]>) => {
    const started = await ssm.send(
      new StartAutomationExecutionCommand({ DocumentName: document, Parameters: parameters }),
    );
    return started.AutomationExecutionId ?? '';
  };
  const stop = async (id: string) => {
    await ssm.send(new StopAutomationExecutionCommand({ AutomationExecutionId: id }));
  };
  const execution = async (id: string) => {
    const { AutomationExecution } = await ssm.send(
      new GetAutomationExecutionCommand({ AutomationExecutionId: id }),
    );
    if (!AutomationExecution) throw new Error(`no execution ${id}`);
    return AutomationExecution;
  };
  /** Status, and each started step as `name:status`. */
  const progress = async (id: string) => {
    const found = await execution(id);
    return {
      status: found.AutomationExecutionStatus,
      steps: (found.StepExecutions ?? []).map((step) => `${step.StepName}:${step.StepStatus}`),
      failure: found.FailureMessage,
    };
  };
  const instance = async (id: string) => {
    const { DBInstances } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    const [found] = DBInstances ?? [];
    if (!found) throw new Error(`no instance ${id}`);
    return found;
  };
  const cluster = async (id: string) => {
    const { DBClusters } = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
    const [found] = DBClusters ?? [];
    if (!found) throw new Error(`no cluster ${id}`);
    return found;
  };
  const restoreAttribute = async (snapshotId: string) => {
    const { DBSnapshotAttributesResult } = await rds.send(
      new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: snapshotId }),
    );
    return DBSnapshotAttributesResult?.DBSnapshotAttributes?.find((a) => a.AttributeName === 'restore')
      ?.AttributeValues;
  };
  const snapshots = async (instanceId: string) =>
    (await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: instanceId }))).DBSnapshots ?? [];
  /** Moves the emulator's clock to `seconds` after the bench started. */
  const at = (seconds: number) => clock.set(new Date(Date.parse('2026-11-22T09:00:00Z') + seconds * 1000));

  return {
    clock,
    emulator,
    seed: emulator.state.rds,
    run,
    stop,
    progress,
    instance,
    cluster,
    restoreAttribute,
    snapshots,
    at,
    close: async () => {
      ssm.destroy();
      rds.destroy();
      await emulator.close();
    },
  };
}

export type RunbookBench = Awaited<ReturnType<typeof startRunbookBench>>;
