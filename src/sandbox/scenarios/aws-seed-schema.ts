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

export const awsSeedSchema = z.strictObject({
  rds: z
    .strictObject({
      instances: z.array(instanceSeedSchema).default([]),
      clusters: z.array(clusterSeedSchema).default([]),
      snapshots: z.array(snapshotSeedSchema).default([]),
    })
    .default({ instances: [], clusters: [], snapshots: [] }),
});

export type AwsSeed = z.output<typeof awsSeedSchema>;
export type InstanceSeedSpec = z.output<typeof instanceSeedSchema>;
export type ClusterSeedSpec = z.output<typeof clusterSeedSchema>;
export type SnapshotSeedSpec = z.output<typeof snapshotSeedSchema>;
