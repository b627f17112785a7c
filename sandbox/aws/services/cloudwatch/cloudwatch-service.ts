import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsJsonProtocol } from '../../protocols/aws-json-protocol.ts';
import type { ServiceDefinition } from '../../service-definition.ts';
import { getMetricData } from './get-metric-data.ts';
import { getMetricWidgetImage } from './get-metric-widget-image.ts';
import { listTagsForResource } from './list-tags-for-resource.ts';

/**
 * CloudWatch over awsJson 1.0 with awsQueryCompatible, signing name `monitoring`. The model lists
 * CBOR first, but the JS SDK sends awsJson 1.0 (AWS-NOTES §1), and warroom pins that protocol.
 * GetMetricData serves what tests and scenarios seed in `state.cloudwatch`, ListTagsForResource the
 * alarms seeded with `state.cloudwatch.alarms.add(…)`. DescribeAlarms is modelled, not served.
 */
export function createCloudWatchService(): ServiceDefinition {
  const model = loadServiceModel('cloudwatch');
  return {
    name: 'cloudwatch',
    signingName: 'monitoring',
    endpointEnvSuffix: 'CLOUDWATCH',
    model,
    protocol: createAwsJsonProtocol(model),
    handlers: {
      GetMetricWidgetImage: getMetricWidgetImage,
      GetMetricData: getMetricData,
      ListTagsForResource: listTagsForResource,
    },
  };
}
