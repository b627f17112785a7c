import { z } from 'zod';
import type { Route } from '../routes/index.ts';
import { RESOURCE_KINDS } from '../signals/index.ts';

const channelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'expected a Slack channel id such as C0PAYMENTS');

/** One value or a list of them: `region: us-east-1` or `region: [us-east-1, eu-west-1]`. */
const oneOrMany = <T extends z.ZodType<string>>(item: T) =>
  z.union([item, z.array(item).min(1, 'expected at least one value')]).transform((value) => {
    const list: string[] = Array.isArray(value) ? value : [value];
    return list as z.output<T>[];
  });

const account = z
  .string()
  .regex(/^(\d{12}|[A-Za-z0-9][A-Za-z0-9._-]*)$/, 'expected a 12-digit account id or an account name');

const tagValue = z.string().min(1, 'expected a tag value (`*` for any value)');

/** The conditions of a route; every one given must hold. */
export const routeWhenSchema = z.strictObject({
  account: oneOrMany(account)
    .optional()
    .describe('Account id, or its name under `accounts`, e.g. `prod-payments`; or a list of them.'),
  stage: oneOrMany(z.string().min(1))
    .optional()
    .describe('Stage of the account under `accounts`, e.g. `prod`; or a list.'),
  region: oneOrMany(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS Region such as us-east-1'))
    .optional()
    .describe('AWS Region of the signal, e.g. `us-east-1`; or a list.'),
  resourceKind: oneOrMany(z.enum(RESOURCE_KINDS))
    .optional()
    .describe('Kind of resource, e.g. `rds-instance`, `rds-cluster`; or a list.'),
  resource: oneOrMany(z.string().min(1))
    .optional()
    .describe('Resource name, `*` matching any run of characters, e.g. `orders-*`; or a list.'),
  signal: oneOrMany(z.string().min(1))
    .optional()
    .describe(
      'Signal type as in `signals[].match`, e.g. `rds-event:failover`, `cloudwatch-alarm:*`; or a list.',
    ),
  impactAtMost: z
    .number()
    .int()
    .min(1, 'expected an impact from 1 to 5')
    .max(5, 'expected an impact from 1 to 5')
    .optional()
    .describe('The signal is of this impact or more severe, e.g. `2`: Critical and High.'),
  tags: z
    .record(
      z.string().min(1),
      oneOrMany(tagValue).describe('The value the tag must have, a list of values, or `*` (any value).'),
    )
    .optional()
    .describe(
      "The resource's tags, e.g. `{team: payments}`; a value may be a list or `*` (tag present). Read from AWS, cached briefly.",
    ),
});

export const routeSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'expected a name of letters, digits, `-` and `_`')
    .optional()
    .describe('A name for the route, shown by `/incident route`; default `route <n>`.'),
  when: routeWhenSchema
    .default({})
    .describe('Every condition given must hold; omitted or `{}` matches every signal.'),
  channel: channelId
    .optional()
    .describe('Channel id for the cards of incidents this route takes; default `slack.alertChannel`.'),
  policy: z
    .string()
    .min(1)
    .optional()
    .describe('Escalation policy under `escalation`; default: what `escalationRules` pick.'),
  team: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a team name in lower case, e.g. `payments`')
    .optional()
    .describe('The owning team, shown on the card and used by `team:<name>` permissions.'),
});

export const routesSchema = z
  .array(routeSchema)
  .default([])
  .describe(
    'Routes, first match wins: which channel, escalation policy and owning team a signal gets (docs/routing.md). Unmatched signals go to `slack.alertChannel`.',
  );

export type RouteConfig = z.output<typeof routeSchema>;

/** The parsed `routes:` as the app uses them: every route named (`route <n>`, 1-based, by default). */
export function toRoutes(configured: readonly RouteConfig[]): Route[] {
  return configured.map((entry, index) => ({
    name: entry.name ?? `route ${index + 1}`,
    when: entry.when,
    ...(entry.channel ? { channel: entry.channel } : {}),
    ...(entry.policy ? { policy: entry.policy } : {}),
    ...(entry.team ? { team: entry.team } : {}),
  }));
}
