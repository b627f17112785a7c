import { z } from 'zod';
import { checkTemplate } from '../runbooks/index.ts';

/** SSM parameter names are 1–50 characters (AWS-NOTES §2.2). */
const parameterName = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,50}$/, 'expected an SSM parameter name (letters, digits, _; at most 50)');

const template = z
  .string()
  .min(1, 'expected a value or a template such as "{{resource.id}}"')
  .max(512, 'expected at most 512 characters (SSM limit per value)')
  .superRefine((value, ctx) => {
    for (const problem of checkTemplate(value)) ctx.addIssue({ code: 'custom', message: problem });
  });

/** One `runbooks:` entry (docs/runbooks.md). */
export const runbookEntrySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected a short id: lower-case letters, digits and hyphens')
    .describe(
      'Short id typed in `/incident runbook`, e.g. `reboot-instance`; an id of the default catalog replaces that entry.',
    ),
  document: z
    .string()
    .regex(/^[a-zA-Z0-9_\-.:/]{3,128}$/, 'expected an SSM document name such as AWS-RebootRdsInstance')
    .describe('SSM Automation document (AWS-managed or your own), e.g. `AWS-RebootRdsInstance`.'),
  // Slack shows it as a menu option, which holds 75 characters.
  title: z
    .string()
    .min(1, 'expected a title')
    .max(75, 'expected a title of at most 75 characters')
    .describe('Shown on the form and in the thread, e.g. `Reboot DB instance`.'),
  description: z
    .string()
    .max(300, 'expected at most 300 characters')
    .optional()
    .describe('One line shown on the form.'),
  resource: z
    .enum(['rds-instance', 'rds-cluster', 'rds-snapshot', 'any'])
    .describe('Incidents it is offered on; `any`: every incident (its parameters must not need a resource).'),
  parameters: z
    .record(
      parameterName,
      template.describe(
        'A value or a template such as `{{resource.id}}` or `{{config.automationRoleArn?}}` (placeholders: docs/runbooks.md); checked at start-up.',
      ),
    )
    .default({})
    .describe(
      'Document parameter name → value. Sent as a one-element list, except `StringList` parameters (split on commas).',
    ),
  approval: z
    .enum(['confirm', 'two-person'])
    .default('confirm')
    .describe('`two-person`: a second person with `permissions.runbook` must approve before it starts.'),
  editable: z
    .array(parameterName)
    .default([])
    .describe('Parameters people may set in the form or with `key=value`; a value left empty is not sent.'),
});

export const runbooksSchema = z.array(runbookEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `id ${entry.id} is listed twice` });
    }
    seen.add(entry.id);
  });
});

/** `automation:`: how runbooks run. */
export const automationSchema = z
  .strictObject({
    /** Filled into {{config.automationRoleArn}}: the role SSM Automation assumes. */
    roleArn: z
      .string()
      .regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/.+$/, 'expected an IAM role ARN')
      .optional()
      .describe(
        'Role SSM Automation assumes, filled into `{{config.automationRoleArn}}`, e.g. `arn:aws:iam::123456789012:role/warroom-automation` (deploy/iam-policy.json lets warroom pass roles named `warroom-automation*`).',
      ),
    /** false: only the runbooks listed under `runbooks:` exist. */
    defaultCatalog: z
      .boolean()
      .default(true)
      .describe('`false`: only the runbooks listed under `runbooks` exist.'),
    /** How long a two-person request waits for its second person. */
    approvalTimeoutMinutes: z
      .number()
      .int('expected whole minutes')
      .min(1, 'expected 1 to 1440 minutes')
      .max(1440, 'expected 1 to 1440 minutes')
      .default(30)
      .describe('Minutes a two-person request waits for its second person before it expires.'),
    /** Whom a two-person request mentions, instead of the `permissions.runbook` holders. */
    approvers: z
      .array(
        z
          .string()
          .regex(
            /^[UWS][A-Z0-9]{2,}$/,
            'expected a Slack user id (U…/W…) or a user-group id (S…) to mention',
          ),
      )
      .max(20, 'expected at most 20 approvers to mention (name a user group instead)')
      .default([])
      .describe(
        'Who a two-person request asks to approve, by mention, e.g. `[S0SRELEADS]`: instead of the `permissions.runbook` holders (who are not mentioned when that is `"*"`). Approving still needs `permissions.runbook`.',
      ),
  })
  .default({ defaultCatalog: true, approvalTimeoutMinutes: 30, approvers: [] })
  .describe('How runbooks run (docs/runbooks.md).');
