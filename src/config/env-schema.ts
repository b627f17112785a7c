import { z } from 'zod';

/** Secrets and endpoints come from the environment; everything else from the YAML file. */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'expected a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: z.string().min(8, 'expected the signing secret from the app settings').optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[A-Za-z0-9-]+$/, 'expected an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: z
    .url({ message: 'expected a URL such as https://slack.com/api/' })
    .default('https://slack.com/api/'),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
    .optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  WARROOM_CONFIG: z.string().min(1).default('./warroom.yml'),
  WARROOM_STORE: z
    .string()
    .regex(/^(sqlite:.+|dynamodb:[A-Za-z0-9_.-]{3,255})$/, 'expected sqlite:<path> or dynamodb:<table>')
    .default('sqlite:./data/warroom.db'),
  SNS_CERT_DIR: z.string().min(1).optional(),
  SQS_QUEUE_URL: z.url({ message: 'expected an SQS queue URL' }).optional(),
  PORT: z.coerce
    .number({ message: 'expected a TCP port number' })
    .int()
    .min(0, 'expected a TCP port number')
    .max(65535, 'expected a TCP port number')
    .default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;
