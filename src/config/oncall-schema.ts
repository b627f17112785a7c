import { z } from 'zod';
import {
  DEFAULT_ROTATION_START,
  type HandoffTime,
  isTimeZone,
  type OnCallRotation,
  type RotationConfig,
  type ShiftLength,
  WEEKDAYS,
} from '../paging/index.ts';

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user id such as U0123ALICE');

const shift = z.string().transform((text, ctx): ShiftLength => {
  const match = /^([1-9]\d{0,3})([dh])$/.exec(text.trim());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'expected a shift length such as 7d, 1d or 12h' });
    return z.NEVER;
  }
  return { amount: Number(match[1]), unit: match[2] as 'd' | 'h' };
});

const handoff = z.string().transform((text, ctx): HandoffTime => {
  const match = /^(?:([a-z]{3})\s+)?([01]?\d|2[0-3]):([0-5]\d)$/i.exec(text.trim());
  const day = match?.[1]?.toLowerCase();
  const weekday = day === undefined ? undefined : WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]);
  if (!match || weekday === -1) {
    ctx.addIssue({ code: 'custom', message: 'expected a hand-off time such as "mon 09:00" or "09:00"' });
    return z.NEVER;
  }
  const time = { hour: Number(match[2]), minute: Number(match[3]) };
  return weekday === undefined ? time : { weekday, ...time };
});

const timezone = z
  .string()
  .refine(isTimeZone, 'expected an IANA time zone such as Europe/Berlin')
  .transform((name) => new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone);

const instant = z.iso
  .datetime({
    offset: true,
    message: 'expected an ISO date-time with offset, e.g. 2026-03-30T09:00:00+02:00',
  })
  .transform((text) => new Date(text));

const override = z
  .strictObject({
    user: userId.describe('Slack user id of whoever covers, e.g. `U0123BOB`.'),
    from: instant.describe('Start, ISO date-time with offset, e.g. `2026-12-24T09:00:00+01:00`.'),
    to: instant.describe('End (exclusive), after `from`; overrides must not overlap.'),
    reason: z.string().max(200).optional().describe('Why, shown with the override (at most 200 characters).'),
  })
  .superRefine((entry, ctx) => {
    // Cross-field checks only once every field parsed.
    if (ctx.issues.length === 0 && entry.to <= entry.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'expected to be after from' });
    }
  });

/** One `oncall.rotations.<name>` entry (docs: DESIGN.md, "oncall:"). */
export const rotationSchema = z
  .strictObject({
    members: z
      .array(userId)
      .min(1, 'expected at least one Slack user id')
      .describe('Slack user ids in rotation order; the first shift is the first member.'),
    shift: shift.describe(
      'Shift length: `<n>d` or `<n>h`, e.g. `7d`, `1d`, `12h` (days count on the local clock).',
    ),
    handoff: handoff.describe(
      'Local wall-clock hand-off, DST-safe: `"mon 09:00"` (weekly shifts) or `"09:00"`.',
    ),
    timezone: timezone.describe('IANA time zone of the hand-off, e.g. `Europe/Berlin`.'),
    start: z.iso
      .date('expected a date such as 2026-01-05')
      .default(DEFAULT_ROTATION_START)
      .describe('Date the rotation began (its first shift), e.g. `2026-01-05`.'),
    overrides: z
      .array(override)
      .default([])
      .describe('Periods someone else covers; an override always wins.'),
  })
  .superRefine((rotation, ctx) => {
    if (ctx.issues.length > 0) return;
    const { weekday } = rotation.handoff;
    const days = rotation.shift.unit === 'd' ? rotation.shift.amount : 0;
    if (weekday !== undefined && days % 7 !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['handoff'],
        message: 'a weekday needs a shift of whole weeks (7d, 14d); use "09:00" for other shifts',
      });
    }
    const sorted = rotation.overrides
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => a.entry.from.getTime() - b.entry.from.getTime());
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && current.entry.from < previous.entry.to) {
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', current.index],
          message: `overlaps overrides[${previous.index}]; overrides must not overlap`,
        });
      }
    }
  }) satisfies z.ZodType<RotationConfig, unknown>;

const ssmArn = z
  .string()
  .regex(
    /^arn:aws[\w-]*:ssm-contacts:[\w-]*:\d+:rotation\/[\w+=/,.@:-]+$/,
    'expected an SSM Contacts rotation ARN',
  )
  .max(2048);
const ssmContact = z
  .string()
  .regex(
    /^(?:[a-z0-9_-]{1,255}|arn:aws[\w-]*:ssm-contacts:[\w-]*:\d+:contact\/[\w+=/,.@:-]+)$/,
    'expected a contact alias or ARN',
  )
  .max(2048);

/** `{ ssmRotation: <ARN> }` or `{ ssmContact: <alias or ARN> }`: on-call read from Incident Manager Contacts. */
export const ssmRotationSchema = z
  .strictObject({
    ssmRotation: ssmArn
      .optional()
      .describe(
        'Instead of the keys above: an Incident Manager Contacts rotation ARN; who is on call is read with `ListRotationShifts` and matched to Slack users by email.',
      ),
    ssmContact: ssmContact
      .optional()
      .describe(
        'Instead of the keys above: an on-call-schedule contact (alias or ARN), read through its first rotation. Not with `ssmRotation`.',
      ),
  })
  .transform((entry, ctx): OnCallRotation => {
    if (entry.ssmRotation !== undefined && entry.ssmContact !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ssmContact'],
        message: 'use ssmRotation or ssmContact, not both',
      });
      return z.NEVER;
    }
    return entry.ssmRotation !== undefined
      ? { ssm: { kind: 'rotation', id: entry.ssmRotation } }
      : { ssm: { kind: 'contact', id: entry.ssmContact ?? '' } };
  });

const YAML_ROTATION_KEYS = ['members', 'shift', 'handoff', 'timezone', 'start', 'overrides'] as const;

/**
 * A rotation entry: the YAML shifts (rotationSchema) or an Incident Manager Contacts one, never both.
 * Being z.unknown() to JSON Schema, the reference generator documents it as that union instead.
 */
export const onCallRotationSchema = z
  .unknown()
  .transform((value, ctx): OnCallRotation => {
    const entry =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    const ssmKey = entry && (['ssmRotation', 'ssmContact'] as const).find((key) => Object.hasOwn(entry, key));
    if (entry && ssmKey) {
      const mixed = YAML_ROTATION_KEYS.filter((key) => Object.hasOwn(entry, key));
      for (const key of mixed) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `cannot be used with ${ssmKey}: who is on call then comes from Incident Manager Contacts`,
        });
      }
      if (mixed.length > 0) return z.NEVER;
    }
    const result = (ssmKey ? ssmRotationSchema : rotationSchema).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    return z.NEVER;
  })
  .describe(
    'A rotation kept in this file (`members`, `shift`, `handoff`, `timezone`…) or read from Incident Manager Contacts (`ssmRotation` or `ssmContact`), never both.',
  );

const ROTATION_NAME_HINT = 'expected a rotation name: lower-case letters, digits, - and _ (at most 40)';

/** `oncall:` in warroom.yml: rotations by name (the name is used in `/incident oncall <name>`). */
export const oncallSchema = z
  .strictObject({
    rotations: z
      .record(z.string(), onCallRotationSchema)
      // Checked here rather than as the record's key schema, whose issue would not say why.
      .superRefine((rotations, ctx) => {
        for (const name of Object.keys(rotations)) {
          if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(name)) {
            ctx.addIssue({ code: 'custom', path: [name], message: ROTATION_NAME_HINT });
          }
        }
      })
      .default({})
      .describe(
        'Rotations by name: lower-case letters, digits, `-` and `_` (at most 40). The name is used in `rotation:<name>` and `/incident oncall <name>`.',
      ),
  })
  .default({ rotations: {} })
  .describe('On-call rotations (docs/escalation.md).');
