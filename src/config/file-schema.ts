import { z } from 'zod';
import type { Impact } from '../incident/impact.ts';
import { escalationRulesSchema, escalationSchema, remindersSchema } from './escalation-schema.ts';
import { oncallSchema } from './oncall-schema.ts';
import { automationSchema, runbooksSchema } from './runbooks-schema.ts';

const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'expected a Slack channel id such as C0123ALERTS');
const snsTopicArn = z
  .string()
  .regex(/^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'expected an SNS topic ARN');
const principal = z
  .string()
  .regex(/^([UWS][A-Z0-9]{2,}|\*)$/, 'expected a Slack user id (U…/W…), a user-group id (S…) or "*"');
const impact = z
  .number()
  .int('expected an impact from 1 to 5')
  .min(1, 'expected an impact from 1 to 5')
  .max(5, 'expected an impact from 1 to 5')
  .transform((value) => value as Impact);

/** The warroom.yml file. Every key is optional except slack.alertChannel; unknown keys are errors. */
export const fileSchema = z.strictObject({
  slack: z.strictObject({
    alertChannel: channelId,
    incidentChannels: z.boolean().default(false),
    /** Incident channels are public unless this is true (private channels need groups:write). */
    incidentChannelPrivate: z.boolean().default(false),
  }),
  sns: z
    .strictObject({
      topicArns: z.array(snsTopicArn).default([]),
    })
    .default({ topicArns: [] }),
  incidents: z
    .strictObject({
      responsePlanArn: z
        .string()
        .regex(
          /^arn:aws(-cn|-us-gov)?:ssm-incidents::\d{12}:response-plan\/.+$/,
          'expected an Incident Manager response-plan ARN',
        )
        .optional(),
    })
    .default({}),
  signals: z
    .array(
      z.strictObject({
        match: z.string().min(1, 'expected a signal type such as rds-event:failover or cloudwatch-alarm:*'),
        effect: z.enum(['open', 'annotate', 'recover']),
        impact: impact.optional(),
      }),
    )
    .default([]),
  permissions: z
    .strictObject({
      declare: z.array(principal).default(['*']),
      triage: z.array(principal).default(['*']),
      resolve: z.array(principal).default(['*']),
      runbook: z.array(principal).default(['*']),
      page: z.array(principal).default(['*']),
    })
    .default({ declare: ['*'], triage: ['*'], resolve: ['*'], runbook: ['*'], page: ['*'] }),
  /** Added to (or replacing by id) the default runbook catalog: docs/runbooks.md. */
  runbooks: runbooksSchema.default([]),
  automation: automationSchema,
  /** Escalation policies, the rules that pick one, and reminders: docs in escalation-schema.ts. */
  escalation: escalationSchema,
  escalationRules: escalationRulesSchema,
  reminders: remindersSchema,
  /** On-call rotations: src/config/oncall-schema.ts. */
  oncall: oncallSchema,
});

export type FileConfig = z.infer<typeof fileSchema>;
