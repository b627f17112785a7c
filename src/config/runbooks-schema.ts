import { z } from 'zod';
import { checkTemplate } from '../runbooks/template.ts';

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
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected a short id: lower-case letters, digits and hyphens'),
  document: z
    .string()
    .regex(/^[a-zA-Z0-9_\-.:/]{3,128}$/, 'expected an SSM document name such as AWS-RebootRdsInstance'),
  // Slack shows it as a menu option, which holds 75 characters.
  title: z.string().min(1, 'expected a title').max(75, 'expected a title of at most 75 characters'),
  description: z.string().max(300, 'expected at most 300 characters').optional(),
  resource: z.enum(['rds-instance', 'rds-cluster', 'rds-snapshot', 'any']),
  parameters: z.record(parameterName, template).default({}),
  approval: z.enum(['confirm', 'two-person']).default('confirm'),
  editable: z.array(parameterName).default([]),
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
      .optional(),
    /** false: only the runbooks listed under `runbooks:` exist. */
    defaultCatalog: z.boolean().default(true),
    /** How long a two-person request waits for its second person. */
    approvalTimeoutMinutes: z
      .number()
      .int('expected whole minutes')
      .min(1, 'expected 1 to 1440 minutes')
      .max(1440, 'expected 1 to 1440 minutes')
      .default(30),
  })
  .default({ defaultCatalog: true, approvalTimeoutMinutes: 30 });
