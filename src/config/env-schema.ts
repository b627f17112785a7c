import { z } from 'zod';

/**
 * Secrets and endpoints come from the environment; everything else from the YAML file. Every
 * variable carries a description: docs/configuration.md is generated from them
 * (scripts/generate-config-reference.ts), and a test fails when one is missing.
 */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[A-Za-z0-9-]+$/, 'expected a bot token starting with xoxb-')
    .describe('Bot User OAuth Token (app settings → OAuth & Permissions), e.g. `xoxb-1234-5678-abc`.'),
  SLACK_SIGNING_SECRET: z
    .string()
    .min(8, 'expected the signing secret from the app settings')
    .optional()
    .describe(
      'Signing Secret (app settings → Basic Information); verifies requests to `POST /slack/events`. Required unless `SLACK_APP_TOKEN` is set.',
    ),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[A-Za-z0-9-]+$/, 'expected an app-level token starting with xapp-')
    .optional()
    .describe(
      'App-level token with `connections:write`, e.g. `xapp-1-A0-123-abc`. When set, warroom talks to Slack over Socket Mode and needs no public Slack request URL.',
    ),
  SLACK_API_URL: z
    .url({ message: 'expected a URL such as https://slack.com/api/' })
    .default('https://slack.com/api/')
    .describe('Slack Web API base URL. Only tests and the sandbox point it elsewhere.'),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
    .optional()
    .describe(
      "Region of warroom's AWS calls (RDS, SSM, CloudWatch, Incident Manager), e.g. `us-east-1`; runbooks run only here. SNS calls go to each topic's own region. Required unless `AWS_DEFAULT_REGION` is set.",
    ),
  AWS_DEFAULT_REGION: z.string().optional().describe('Used when `AWS_REGION` is not set.'),
  WARROOM_CONFIG: z
    .string()
    .min(1)
    .default('./warroom.yml')
    .describe(
      'Path of the YAML configuration file (the keys below). The container image sets `/config/warroom.yml`.',
    ),
  WARROOM_STORE: z
    .string()
    // The table part is checked by parseStoreTarget, which says what is wrong with it.
    .regex(/^(sqlite:.+|dynamodb:.+)$/, 'expected sqlite:<path> or dynamodb:<table>')
    .default('sqlite:./data/warroom.db')
    .describe(
      "Where incidents and the notification inbox are kept: `sqlite:<path>` (one process), or `dynamodb:<table>` / `dynamodb:<table ARN>` (a table shared by several replicas, in `AWS_REGION` or the ARN's Region; see docs/store.md). The container image sets `sqlite:/data/warroom.db`.",
    ),
  SNS_CERT_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Folder of pinned SNS signing certificates, each named as the last path segment of its `SigningCertURL` (`SimpleNotificationService-<hex>.pem`). Read before fetching, and only for a URL that passed the host check. Unset: certificates are fetched from SNS over HTTPS.',
    ),
  SQS_QUEUE_URL: z
    .url({ message: 'expected an SQS queue URL' })
    .optional()
    .describe(
      'Standard (not FIFO) SQS queue subscribed to your SNS topics, raw delivery off, e.g. `https://sqs.us-east-1.amazonaws.com/123456789012/warroom`. warroom long-polls it, so notifications need no inbound port (docs/sqs-intake.md); `POST /sns` keeps working.',
    ),
  PORT: z.coerce
    .number({ message: 'expected a TCP port number' })
    .int()
    .min(0, 'expected a TCP port number')
    .max(65535, 'expected a TCP port number')
    .default(3000)
    .describe('HTTP port for `/slack/events`, `/sns`, `/healthz`, `/readyz` and `/metrics`.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Lowest level written to the JSON log on stdout.'),
});

export type Env = z.infer<typeof envSchema>;
