import {
  CloudWatchClient,
  type CloudWatchClientConfig,
  errorTypeRegistries,
} from '@aws-sdk/client-cloudwatch';
import { AwsJson1_0Protocol } from '@aws-sdk/core';

/**
 * A CloudWatch client that speaks awsJson 1.0 (query-compatible) whatever its version's default.
 * The botocore model lists CBOR first and the Go, Java and Ruby SDKs have already switched to it
 * (AWS-NOTES §1); a JS release that followed would break the emulator and every mock silently.
 * The settings repeat what client-cloudwatch 3.1164.0 uses by default, `errorTypeRegistries`
 * included so AWS errors still come back as the modelled classes (InvalidParameterValueException).
 */
export function createCloudWatchClient(config: CloudWatchClientConfig): CloudWatchClient {
  return new CloudWatchClient({
    ...config,
    protocol: new AwsJson1_0Protocol({
      defaultNamespace: 'com.amazonaws.cloudwatch',
      serviceTarget: 'GraniteServiceVersion20100801',
      awsQueryCompatible: true,
      errorTypeRegistries,
    }),
  });
}
