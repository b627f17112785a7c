import { z } from 'zod';
import type { Impact } from '../incidents/index.ts';
import type { EscalationConfig, EscalationPolicy } from '../paging/index.ts';
import { RESOURCE_KINDS } from '../signals/index.ts';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `0s`, `90s`, `5m`, `1h` → milliseconds. */
const duration = z
  .string()
  .regex(/^\d+[smh]$/, 'expected a duration such as 0s, 5m or 1h')
  .transform((text) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS]);

const target = z.string().regex(
  // contact: an SSM Contacts alias (lower-case, as AWS allows) or a contact/escalation-plan ARN.
  /^([UWS][A-Z0-9]{2,}|rotation:[A-Za-z0-9_-]+|contact:([a-z0-9_-]{1,255}|arn:aws(-cn|-us-gov)?:ssm-contacts:[a-z0-9-]+:\d{12}:contact\/[a-z0-9_-]+))$/,
  'expected a Slack user id (U…), a user-group id (S…), rotation:<name> or contact:<SSM Contacts alias or contact ARN>',
);

const stage = z.strictObject({
  after: duration.describe('Time after the incident opened, e.g. `0s`, `10m`, `1h`.'),
  notify: z
    .array(target)
    .min(1, 'expected at least one person, group or rotation to notify')
    .describe(
      'Who is pinged (thread mention and DM): Slack user ids (`U…`), user-group ids (`S…`), `rotation:<name>` (a rotation under `oncall.rotations`) or `contact:<SSM Contacts alias or ARN>` (also starts an engagement).',
    ),
});

const stages = z.array(stage).min(1, 'expected at least one stage');

/** The long form of a policy; also what docs/configuration.md documents for `escalation.<name>`. */
export const escalationPolicyObjectSchema = z.strictObject({
  stages: stages.describe(
    'Stages, fired in order of `after` until someone acknowledges or the incident resolves.',
  ),
  repeatLastEveryMinutes: z
    .number()
    .int()
    .positive('expected a whole number of minutes')
    .optional()
    .describe('Ping the last stage again every this many minutes until someone acknowledges.'),
});

/**
 * A policy is its list of stages, or `{ stages, repeatLastEveryMinutes }`. Chosen by shape rather
 * than by z.union, whose error would say "Invalid input" instead of naming the bad key. Being
 * z.unknown() to JSON Schema, the reference generator documents it as that union instead.
 */
export const escalationPolicySchema = z
  .unknown()
  .transform((value, ctx) => {
    const result = Array.isArray(value)
      ? stages.transform((list) => ({ stages: list, repeatLastEveryMinutes: undefined })).safeParse(value)
      : escalationPolicyObjectSchema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.map(String) });
    }
    return z.NEVER;
  })
  .describe(
    'A list of stages, or `{ stages, repeatLastEveryMinutes }` (the list alone is short for `{ stages: [...] }`).',
  );

export const escalationSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_-]+$/), escalationPolicySchema)
  .optional()
  .describe(
    'Escalation policies by name (letters, digits, `-`, `_`). `default` applies unless a rule in `escalationRules` picks another; without one, incidents are not escalated (docs/escalation.md).',
  );

export const escalationRulesSchema = z
  .array(
    z.strictObject({
      when: z
        .strictObject({
          impactAtMost: z
            .number()
            .int()
            .min(1)
            .max(5, 'expected an impact from 1 to 5')
            .optional()
            .describe('Matches incidents of this impact or more severe, e.g. `2`: Critical and High.'),
          resourceKind: z
            .enum(RESOURCE_KINDS)
            .optional()
            .describe('Matches incidents about this kind of resource.'),
          source: z
            .enum([
              'cloudwatch-alarm',
              'rds-event',
              'eventbridge-rds',
              'cloudtrail',
              'chatbot',
              'incident-manager',
              'unknown',
              'declared',
            ])
            .optional()
            .describe('Matches incidents opened by this source (`declared`: by `/incident declare`).'),
        })
        .describe('Every condition given must hold; `{}` matches every incident.'),
      policy: z.string().min(1).describe('Name of a policy under `escalation`.'),
    }),
  )
  .default([])
  .describe('Which policy an incident gets: the first rule that matches, else `default`.');

export const remindersSchema = z
  .strictObject({
    afterMinutes: z
      .number()
      .int()
      .positive('expected a whole number of minutes')
      .describe('Minutes an acknowledged incident may stay quiet (no timeline entry) before a reminder.'),
  })
  .optional()
  .describe('Reminders in the thread of acknowledged incidents that have gone quiet.');

type Parsed = {
  escalation?: z.infer<typeof escalationSchema>;
  escalationRules: z.infer<typeof escalationRulesSchema>;
  reminders?: z.infer<typeof remindersSchema>;
};

/**
 * Rules must name a policy that exists, and `rotation:<name>` a rotation under oncall.rotations
 * (checked once the file parsed, so every key is known).
 */
export function escalationProblems(
  file: Parsed & { oncall?: { rotations: Record<string, unknown> } },
): string[] {
  const rules = file.escalationRules.flatMap((rule, index) =>
    file.escalation?.[rule.policy]
      ? []
      : [
          `escalationRules.${index}.policy: expected one of the policies under escalation, "${rule.policy}" is not one`,
        ],
  );
  const rotations = Object.entries(file.escalation ?? {}).flatMap(([name, policy]) =>
    policy.stages.flatMap((stage, index) =>
      stage.notify
        .filter((target) => target.startsWith('rotation:') && !file.oncall?.rotations[target.slice(9)])
        .map(
          (target) =>
            `escalation.${name}.${index}.notify: ${target} is not a rotation under oncall.rotations`,
        ),
    ),
  );
  return [...rules, ...rotations];
}

/** The parsed keys as the app uses them (durations in ms). */
export function toEscalationConfig(file: Parsed): EscalationConfig {
  const policies: Record<string, EscalationPolicy> = {};
  for (const [name, value] of Object.entries(file.escalation ?? {})) {
    policies[name] = {
      name,
      stages: [...value.stages]
        .map((entry) => ({ afterMs: entry.after, notify: entry.notify }))
        .sort((a, b) => a.afterMs - b.afterMs),
      repeatLastEveryMs: value.repeatLastEveryMinutes ? value.repeatLastEveryMinutes * 60_000 : undefined,
    };
  }
  return {
    policies,
    rules: file.escalationRules.map((rule) => ({
      when: { ...rule.when, impactAtMost: rule.when.impactAtMost as Impact | undefined },
      policy: rule.policy,
    })),
    reminders: file.reminders ? { afterMs: file.reminders.afterMinutes * 60_000 } : undefined,
  };
}
