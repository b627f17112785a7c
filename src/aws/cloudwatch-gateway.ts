import { type CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import { BotError } from '../errors.ts';
import { toAwsBotError } from './aws-error.ts';
import type { MetricImages } from './metric-images.ts';
import type { MetricWidget } from './metric-widget.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** MetricImages over CloudWatch GetMetricWidgetImage (IAM: `cloudwatch:GetMetricWidgetImage`). */
export class CloudWatchGateway implements MetricImages {
  constructor(private readonly client: CloudWatchClient) {}

  async fetchPng(widget: MetricWidget): Promise<Uint8Array> {
    let image: Uint8Array | undefined;
    try {
      const command = new GetMetricWidgetImageCommand({
        MetricWidget: JSON.stringify(widget),
        OutputFormat: 'png',
      });
      image = (await this.client.send(command)).MetricWidgetImage;
    } catch (error) {
      throw toAwsBotError(error, 'CloudWatch', 'GetMetricWidgetImage');
    }
    // Checked here so Slack is never handed something that would show as a broken file.
    if (!image || !PNG_SIGNATURE.every((byte, index) => image[index] === byte)) {
      throw new BotError('AWS.FAILED', 'CloudWatch did not return a picture.', {
        detail: `GetMetricWidgetImage returned ${image?.length ?? 0} bytes that are not a PNG`,
      });
    }
    return image;
  }
}
