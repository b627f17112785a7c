import { z } from 'zod';

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

export const accountNameSchema = z
  .string()
  .trim()
  .min(1, 'expected a name people read, such as prod-payments')
  .max(64, 'expected a name of at most 64 characters');

export const accountSettingsSchema = z.strictObject({
  name: accountNameSchema.describe('The name shown instead of the id, e.g. `prod-payments`.'),
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, 'expected a stage such as prod or staging (lower case)')
    .optional()
    .describe('The stage routes can match on, e.g. `prod`, `staging`.'),
  roleArn: z
    .string()
    .regex(ROLE_ARN, 'expected an IAM role ARN such as arn:aws:iam::210987654321:role/warroom')
    .optional()
    .describe(
      "Role warroom assumes (STS AssumeRole) for the AWS calls about this account's incidents: RDS reads and snapshots, CloudWatch metrics and alarm pictures, tags, runbooks (SSM Automation). Omitted: warroom's own credentials.",
    ),
  automationRoleArn: z
    .string()
    .regex(ROLE_ARN, 'expected an IAM role ARN such as arn:aws:iam::210987654321:role/warroom-automation')
    .optional()
    .describe(
      "With roleArn: the AutomationAssumeRole runbooks run with in this account (`{{config.automationRoleArn}}`), passed by warroom's role there. Omitted: runbooks needing one are refused in that account.",
    ),
  externalId: z
    .string()
    .regex(/^[\w+=,.@:/-]{2,1224}$/, 'expected an external id of 2–1224 letters, digits or +=,.@:/-')
    .optional()
    .describe("Sent as AssumeRole's `ExternalId`, when the role's trust policy requires one."),
});

/** A bare string is the name: `123456789012: prod-payments`. */
export const accountEntrySchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? { name: value } : value),
    accountSettingsSchema.superRefine((account, ctx) => {
      if (account.externalId && !account.roleArn) {
        ctx.addIssue({ code: 'custom', path: ['externalId'], message: 'expected only with roleArn' });
      }
      // Without a role warroom's own automation.roleArn serves: an account's own key would be unused.
      if (account.automationRoleArn && !account.roleArn) {
        ctx.addIssue({ code: 'custom', path: ['automationRoleArn'], message: 'expected only with roleArn' });
      }
    }),
  )
  .describe('The account: its name, or `{name, stage, roleArn, externalId, automationRoleArn}`.');

/**
 * `accounts:` in warroom.yml: a name per account id, optionally its stage and the role warroom
 * assumes there. Quoting the id is safest: YAML reads an unquoted id with a leading 0 as a number.
 */
export const accountsSchema = z
  .record(
    z.string().regex(ACCOUNT_ID, 'expected a 12-digit account id (quote it if it starts with 0)'),
    accountEntrySchema,
  )
  .default({})
  .superRefine((accounts, ctx) => {
    // A role can only act in its own account: one in another account would read the wrong data,
    // and SSM runs a runbook only with an automation role of the account it runs in.
    for (const [id, account] of Object.entries(accounts)) {
      for (const key of ['roleArn', 'automationRoleArn'] as const) {
        const roleAccount = account[key]?.match(ROLE_ARN)?.[2];
        if (roleAccount && roleAccount !== id) {
          ctx.addIssue({
            code: 'custom',
            path: [id, key],
            message: `expected a role in account ${id}, not in ${roleAccount}`,
          });
        }
      }
    }
  })
  .describe(
    'Names people read instead of account ids, e.g. `"123456789012": prod-payments`, or `{name, stage, roleArn, externalId}` to reach the account through a role (docs/accounts.md).',
  );
