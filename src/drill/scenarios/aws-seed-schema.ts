import { StandardUnit } from '@aws-sdk/client-cloudwatch';
import { z } from 'zod';

/**
 * The emulated AWS state a scenario needs, added to the sandbox account before its steps run.
 * An entry may name one resource (`id`) or several alike (`ids`, e.g. a YAML alias of the list a
 * storm step repeats over).
 */

const tags = z.record(z.string(), z.string()).optional();

/** `id` names one resource, `ids` several made alike; exactly one of the two. */
const naming = {
  id: z.string().min(1).optional(),
  ids: z.array(z.string().min(1)).min(1).optional(),
};
const namedOnce = (entry: { id?: string; ids?: string[] }) =>
  (entry.id === undefined) !== (entry.ids === undefined);
const namingProblem = { message: 'expected either id or ids (a list), not both and not neither' };

export const instanceSeedSchema = z
  .strictObject({
    ...naming,
    engine: z.string().default('postgres'),
    engineVersion: z.string().optional(),
    instanceClass: z.string().optional(),
    status: z.string().optional(),
    multiAZ: z.boolean().default(false),
    publiclyAccessible: z.boolean().default(false),
    storageEncrypted: z.boolean().default(true),
    backupRetentionPeriod: z.number().int().min(0).max(35).default(7),
    deletionProtection: z.boolean().default(false),
    iamDatabaseAuthentication: z.boolean().default(false),
    /** GiB. */
    allocatedStorage: z.number().int().positive().optional(),
    storageType: z.string().optional(),
    /**
     * The Availability Zones the instances are spread over, in turn, by letter in the sandbox's
     * Region (`[a, b]` puts the first in `<region>a`, the second in `<region>b`, …); default `a`.
     */
    availabilityZones: z
      .array(z.string().regex(/^[a-z]$/, 'expected a zone letter such as a, b or c'))
      .min(1)
      .optional(),
    tags,
  })
  .refine(namedOnce, namingProblem);

export const clusterSeedSchema = z
  .strictObject({
    ...naming,
    engine: z.enum(['aurora-postgresql', 'aurora-mysql']).default('aurora-postgresql'),
    engineVersion: z.string().optional(),
    status: z.string().optional(),
    storageEncrypted: z.boolean().default(true),
    deletionProtection: z.boolean().default(false),
    iamDatabaseAuthentication: z.boolean().default(false),
    backupRetentionPeriod: z.number().int().min(1).max(35).default(7),
    /** Member instance ids, writer first; each is created as an instance of the cluster. */
    members: z.array(z.string().min(1)).min(1, 'expected at least one member instance (the writer)'),
    instanceClass: z.string().default('db.r6g.large'),
    tags,
  })
  .refine(namedOnce, namingProblem);

export const snapshotSeedSchema = z.strictObject({
  id: z.string().min(1),
  instance: z.string().min(1),
  type: z.enum(['manual', 'automated']).default('manual'),
  encrypted: z.boolean().default(true),
  /** The `restore` attribute: `all` makes the snapshot public; account ids share it with them. */
  restore: z
    .array(
      z.union([z.literal('all'), z.string().regex(/^\d{12}$/, 'expected "all" or a 12-digit account id')]),
    )
    .default([]),
});

const metricLevelSchema = z.strictObject({
  /** Seconds from the start of the scenario, as a step's `after`. */
  after: z.number().int().min(0),
  value: z.number(),
});

/**
 * A CloudWatch metric published once a minute, as RDS publishes its own: the first level (at
 * `after: 0`) has been published for the hour before the start, each later one takes over at its
 * `after` (a volume filling up as the steps go).
 */
export const metricSeedSchema = z.strictObject({
  namespace: z.string().min(1).default('AWS/RDS'),
  metric: z.string().min(1),
  /** Exactly the metric's dimensions, e.g. `{ DBClusterIdentifier: payments-aurora }`. */
  dimensions: z.record(z.string().min(1), z.string().min(1)).default({}),
  unit: z.enum(StandardUnit).default('None'),
  levels: z
    .array(metricLevelSchema)
    .min(1)
    .refine((levels) => levels[0]?.after === 0, { message: 'the first level must be at after: 0' })
    .refine((levels) => levels.every((level, i) => i === 0 || level.after > (levels[i - 1]?.after ?? 0)), {
      message: 'levels must be in increasing `after` order',
    }),
});

export const awsSeedSchema = z.strictObject({
  rds: z
    .strictObject({
      instances: z.array(instanceSeedSchema).default([]),
      clusters: z.array(clusterSeedSchema).default([]),
      snapshots: z.array(snapshotSeedSchema).default([]),
    })
    .default({ instances: [], clusters: [], snapshots: [] }),
  cloudwatch: z.strictObject({ metrics: z.array(metricSeedSchema).default([]) }).default({ metrics: [] }),
});

export type AwsSeed = z.output<typeof awsSeedSchema>;
export type InstanceSeedSpec = z.output<typeof instanceSeedSchema>;
export type ClusterSeedSpec = z.output<typeof clusterSeedSchema>;
export type SnapshotSeedSpec = z.output<typeof snapshotSeedSchema>;
export type MetricSeedSpec = z.output<typeof metricSeedSchema>;
