import { z } from 'zod';
import { awsSeedSchema } from './aws-seed-schema.ts';
import { notificationSchema } from './notification-schema.ts';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `90s`, `5m`, `1h` → milliseconds. */
export const durationSchema = z
  .string()
  .regex(/^\d+[smh]$/, 'expected a duration such as 90s, 5m or 1h')
  .transform((text) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS]);

const role = z.strictObject({
  role: z.string().min(1),
  /** What this person does in warroom: which button, which `/incident` command. */
  tasks: z.array(z.string().min(1)).min(1, 'expected at least one task for the role'),
});

export const briefingSchema = z.strictObject({
  /** What the team is told before the drill starts (not what will happen). */
  situation: z.string().min(1),
  roles: z.array(role).min(1, 'expected at least one role'),
});

/** Shared by every expectation: what the debrief calls it, and which incident it is about. */
const expectationBase = {
  /** Shown in the briefing and the debrief; a sensible default is made from the check. */
  label: z.string().min(1).optional(),
  /** Only the incident about this resource id; default: every incident the drill's alerts opened. */
  resource: z.string().min(1).optional(),
};

export const expectationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('acknowledged'),
      within: durationSchema.optional(),
      ...expectationBase,
    }),
    z.strictObject({
      kind: z.literal('impact-set'),
      /** The impact the team should settle on (1 Critical … 5 No impact); any, when absent. */
      impact: z.number().int().min(1).max(5).optional(),
      ...expectationBase,
    }),
    z.strictObject({
      kind: z.literal('runbook-run'),
      /** A catalog runbook id (make-snapshot-private) or its SSM document name. */
      runbook: z.string().min(1),
      ...expectationBase,
    }),
    z.strictObject({ kind: z.literal('note-added'), ...expectationBase }),
    z.strictObject({
      kind: z.literal('database-read'),
      /** What the team reads through warroom (`/incident rds …` or the card's Database menu). */
      reads: z
        .array(z.enum(['status', 'check', 'logs']))
        .min(1, 'expected at least one of status, check, logs'),
      ...expectationBase,
    }),
    z.strictObject({ kind: z.literal('declared'), ...expectationBase }),
    z.strictObject({
      kind: z.literal('resolved'),
      withSummary: z.boolean().default(true),
      within: durationSchema.optional(),
      ...expectationBase,
    }),
    /** Something warroom does not record (how readable the channel stayed): the team says. */
    z.strictObject({ kind: z.literal('manual'), label: z.string().min(1), resource: z.string().optional() }),
  ],
  {
    error:
      'expected kind: acknowledged, impact-set, runbook-run, note-added, database-read, declared, resolved or manual',
  },
);

export const stepSchema = z.strictObject({
  /** Seconds from the start of the scenario; also sets the times inside the message. */
  after: z.number().min(0, 'expected seconds from the start (0 or more)'),
  label: z.string().min(1),
  /** Publish the notification once per identifier, `{{id}}` replaced by it (alarm storms). */
  repeat: z.array(z.string().min(1)).min(1).optional(),
  /** Seconds between two repeated notifications (default 0: a burst). */
  every: z.number().min(0).default(0),
  notification: notificationSchema,
});

export const scenarioSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected a lower-case id such as rds-public-snapshot'),
    title: z.string().min(1),
    description: z.string().min(1),
    briefing: briefingSchema,
    expect: z.array(expectationSchema).min(1, 'expected at least one item of what good looks like'),
    aws: awsSeedSchema.optional(),
    steps: z.array(stepSchema).min(1, 'expected at least one step'),
  })
  .superRefine((scenario, context) => {
    scenario.steps.forEach((step, index) => {
      const usesId = JSON.stringify(step.notification).includes('{{id}}');
      if (usesId && !step.repeat) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'repeat'],
          message: 'the notification uses {{id}} but the step has no repeat list',
        });
      }
      if (step.repeat && !usesId) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'notification'],
          message: 'the step repeats but its notification never uses {{id}}, so every copy would be the same',
        });
      }
    });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioStepSpec = z.output<typeof stepSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type Briefing = z.output<typeof briefingSchema>;
