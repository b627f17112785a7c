import type { ResourceKind } from '../../src/signals/index.ts';
import type { AlarmTrigger, Dimension } from './cloudwatch-alarm-schema.ts';

/**
 * Which dimensions name which resource, most specific first (a target group before its load
 * balancer, an ECS service before its cluster, an instance before its Auto Scaling group).
 * Dimension names are reused across services (`InstanceId` is also an Amazon Connect instance,
 * `ClusterName` an EKS cluster), so each row says the namespaces it holds for; `any` is kept for
 * the RDS identifiers, which no other service uses.
 */
const RESOURCE_DIMENSIONS: readonly {
  kind: ResourceKind;
  namespaces: readonly string[] | 'any';
  /** All must be present; their values, joined by `/`, are the resource id. */
  dimensions: readonly string[];
}[] = [
  { kind: 'rds-instance', namespaces: 'any', dimensions: ['DBInstanceIdentifier'] },
  { kind: 'rds-cluster', namespaces: 'any', dimensions: ['DBClusterIdentifier'] },
  { kind: 'ec2-instance', namespaces: ['AWS/EC2', 'CWAgent'], dimensions: ['InstanceId'] },
  {
    kind: 'autoscaling-group',
    namespaces: ['AWS/EC2', 'AWS/AutoScaling', 'CWAgent'],
    dimensions: ['AutoScalingGroupName'],
  },
  { kind: 'ebs-volume', namespaces: ['AWS/EBS'], dimensions: ['VolumeId'] },
  {
    kind: 'target-group',
    namespaces: ['AWS/ApplicationELB', 'AWS/NetworkELB', 'AWS/GatewayELB'],
    dimensions: ['TargetGroup'],
  },
  {
    kind: 'load-balancer',
    namespaces: ['AWS/ApplicationELB', 'AWS/NetworkELB', 'AWS/GatewayELB'],
    dimensions: ['LoadBalancer'],
  },
  { kind: 'load-balancer', namespaces: ['AWS/ELB'], dimensions: ['LoadBalancerName'] },
  { kind: 'lambda-function', namespaces: ['AWS/Lambda'], dimensions: ['FunctionName'] },
  { kind: 'sqs-queue', namespaces: ['AWS/SQS'], dimensions: ['QueueName'] },
  { kind: 'sns-topic', namespaces: ['AWS/SNS'], dimensions: ['TopicName'] },
  { kind: 'dynamodb-table', namespaces: ['AWS/DynamoDB'], dimensions: ['TableName'] },
  {
    kind: 'ecs-service',
    namespaces: ['AWS/ECS', 'ECS/ContainerInsights'],
    dimensions: ['ClusterName', 'ServiceName'],
  },
  { kind: 'ecs-cluster', namespaces: ['AWS/ECS', 'ECS/ContainerInsights'], dimensions: ['ClusterName'] },
  { kind: 'kinesis-stream', namespaces: ['AWS/Kinesis'], dimensions: ['StreamName'] },
  { kind: 'elasticache-cluster', namespaces: ['AWS/ElastiCache'], dimensions: ['CacheClusterId'] },
  { kind: 'api-gateway', namespaces: ['AWS/ApiGateway'], dimensions: ['ApiName'] },
  { kind: 's3-bucket', namespaces: ['AWS/S3'], dimensions: ['BucketName'] },
];

/** One metric the alarm reads: its namespace and dimensions. */
interface ReadMetric {
  namespace: string | undefined;
  dimensions: Dimension[];
}

/**
 * The resource every metric of the alarm names, as `{ kind, id }`, or undefined. A single-metric
 * alarm reads Trigger's metric; a metric-math alarm reads each `MetricStat` (expressions read
 * none), and names a resource only when all of them name the same one.
 */
export function alarmDimensionResource(
  trigger: AlarmTrigger,
): { kind: ResourceKind; id: string } | undefined {
  const metrics: ReadMetric[] = trigger.Metrics?.length
    ? trigger.Metrics.flatMap((m) =>
        m.MetricStat
          ? [{ namespace: m.MetricStat.Metric.Namespace, dimensions: m.MetricStat.Metric.Dimensions }]
          : [],
      )
    : [{ namespace: trigger.Namespace, dimensions: trigger.Dimensions ?? [] }];
  if (metrics.length === 0) return undefined;
  for (const row of RESOURCE_DIMENSIONS) {
    const ids = metrics.map((metric) => idIn(metric, row.namespaces, row.dimensions));
    const [first] = ids;
    if (first && ids.every((id) => id === first)) return { kind: row.kind, id: first };
  }
  return undefined;
}

function idIn(
  metric: ReadMetric,
  namespaces: readonly string[] | 'any',
  names: readonly string[],
): string | undefined {
  if (namespaces !== 'any' && !namespaces.includes(metric.namespace ?? '')) return undefined;
  const values = names.map((name) => metric.dimensions.find((d) => d.name === name)?.value);
  if (values.some((value) => !value)) return undefined;
  return values.join('/');
}
