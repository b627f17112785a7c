import { z } from 'zod';
import type { Impact } from '../incidents/index.ts';
import { accountsSchema } from './accounts-schema.ts';
import { escalationRulesSchema, escalationSchema, remindersSchema } from './escalation-schema.ts';
import { oncallSchema } from './oncall-schema.ts';
import { permissionsSchema } from './permissions-schema.ts';
import { routesSchema } from './routes-schema.ts';
import { automationSchema, runbooksSchema } from './runbooks-schema.ts';
import { stormsSchema } from './storms-schema.ts';
import { updatesSchema } from './updates-schema.ts';

const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'expected a Slack channel id such as C0123ALERTS');
const snsTopicArn = z
  .string()
  .regex(/^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'expected an SNS topic ARN');
const impact = z
  .number()
  .int('expected an impact from 1 to 5')
  .min(1, 'expected an impact from 1 to 5')
  .max(5, 'expected an impact from 1 to 5')
  .transform((value) => value as Impact);

/**
 * The warroom.yml file. Every key is optional except slack.alertChannel; unknown keys are errors.
 * Every key carries a description: docs/configuration.md is generated from them
 * (scripts/generate-config-reference.ts), and a test fails when one is missing.
 */
export const fileSchema = z.strictObject({
  slack: z
    .strictObject({
      alertChannel: channelId.describe(
        'Channel id where new incident cards are posted, e.g. `C0123ALERTS` (channel details, at the bottom). Invite the bot there.',
      ),
      incidentChannels: z
        .boolean()
        .default(false)
        .describe('`true`: declared incidents and new incidents of impact 1–2 get a channel of their own.'),
      /** Incident channels are public unless this is true (private channels need groups:write). */
      incidentChannelPrivate: z
        .boolean()
        .default(false)
        .describe('`true`: incident channels are private (needs the `groups:write` scope).'),
      updatesChannel: channelId
        .optional()
        .describe(
          'Channel id where status updates (`/incident update`, Post update) are also posted, e.g. `C0123UPDATES`: for stakeholders who should not see the noise. Invite the bot there.',
        ),
    })
    .describe('Where warroom posts in Slack.'),
  sns: z
    .strictObject({
      topicArns: z
        .array(snsTopicArn)
        .default([])
        .describe(
          'SNS topics warroom accepts and confirms subscriptions for, e.g. `arn:aws:sns:us-east-1:123456789012:incidents`. A message from any other topic is refused (403 `topic_not_allowed`); with none listed, every message is.',
        ),
    })
    .default({ topicArns: [] })
    .describe('The SNS topics warroom reads.'),
  incidents: z
    .strictObject({
      responsePlanArn: z
        .string()
        .regex(
          /^arn:aws(-cn|-us-gov)?:ssm-incidents::\d{12}:response-plan\/.+$/,
          'expected an Incident Manager response-plan ARN',
        )
        .optional()
        .describe(
          'Incident Manager response plan, e.g. `arn:aws:ssm-incidents::123456789012:response-plan/db`. When set, `/incident declare` starts the incident there (`StartIncident`) and writes every change through.',
        ),
    })
    .default({})
    .describe("warroom's own incident record and AWS Incident Manager."),
  signals: z
    .array(
      z.strictObject({
        match: z
          .string()
          .min(1, 'expected a signal type such as rds-event:failover or cloudwatch-alarm:*')
          .describe(
            'Signal type to match; `*` matches any run of characters, e.g. `rds-event:failover`, `cloudtrail:*:shared`.',
          ),
        effect: z
          .enum(['open', 'annotate', 'recover', 'annotate-or-open'])
          .describe(
            '`open` opens or updates an incident, `annotate` adds to an open one, `recover` records that the problem recovered, `annotate-or-open` adds to the open one or opens one when none is open.',
          ),
        impact: impact
          .optional()
          .describe('1 Critical … 5 No impact. Omitted: the impact the message states, else 3.'),
      }),
    )
    .default([])
    .describe('Rules tried before the default signal policy, first match wins (docs/signals.md).'),
  storms: stormsSchema,
  routes: routesSchema,
  permissions: permissionsSchema,
  /** Added to (or replacing by id) the default runbook catalog: docs/runbooks.md. */
  runbooks: runbooksSchema
    .default([])
    .describe(
      'Runbooks applied to the default catalog in order: an existing id replaces that entry, a new id is added (docs/runbooks.md).',
    ),
  automation: automationSchema,
  /** Escalation policies, the rules that pick one, and reminders: docs in escalation-schema.ts. */
  escalation: escalationSchema,
  escalationRules: escalationRulesSchema,
  reminders: remindersSchema,
  updates: updatesSchema,
  followups: z
    .strictObject({
      opsCenter: z
        .boolean()
        .default(true)
        .describe(
          "Track each follow-up as an OpsCenter OpsItem in warroom's own account and Region (CreateOpsItem; Done/Reopen update its status; changes made in OpsCenter are read back). When AWS refuses CreateOpsItem, warroom says so once and keeps its own record. Off: warroom's own record only.",
        ),
    })
    .default({ opsCenter: true })
    .describe('Follow-ups (`/incident followup`, the Make follow-up shortcut): docs/lifecycle.md.'),
  /** On-call rotations: src/config/oncall-schema.ts. */
  oncall: oncallSchema,
  /** Account names and roles: src/config/accounts-schema.ts. */
  accounts: accountsSchema,
  leaseSeconds: z
    .number()
    .int('expected whole seconds')
    .min(5, 'expected 5 to 60 seconds')
    .max(60, 'expected 5 to 60 seconds')
    .default(30)
    .describe(
      "How long a replica's claim on background work (posting a card, sending Incident Manager writes, following a runbook) lasts without being renewed. A replica renews its claims while it works; one that dies loses them this long after, and another replica takes the work over. Matters with several replicas on DynamoDB; see docs/store.md.",
    ),
  shutdownGraceSeconds: z
    .number()
    .int('expected whole seconds')
    .min(0, 'expected 0 to 300 seconds')
    .max(300, 'expected 0 to 300 seconds')
    .default(10)
    .describe(
      'On SIGTERM or SIGINT warroom stops taking work at once, gives work in hand this many seconds to finish, then exits 0; what did not finish stays in the store and the next start finishes it. Keep it below the stop timeout of whatever runs warroom (ECS: 30 s by default).',
    ),
});

export type FileConfig = z.infer<typeof fileSchema>;
