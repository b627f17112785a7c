import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The parts of botocore's service-2.json ("C2J") format the emulator reads. Unknown keys are kept
 * (loose objects) so a newer model still loads.
 */
const shapeRefSchema = z.looseObject({
  shape: z.string(),
  location: z.enum(['querystring', 'uri', 'header', 'headers', 'statusCode']).optional(),
  locationName: z.string().optional(),
  flattened: z.boolean().optional(),
  idempotencyToken: z.boolean().optional(),
  resultWrapper: z.string().optional(),
});

const shapeSchema = z.looseObject({
  type: z.enum([
    'structure',
    'list',
    'map',
    'string',
    'integer',
    'long',
    'float',
    'double',
    'boolean',
    'timestamp',
    'blob',
  ]),
  members: z.record(z.string(), shapeRefSchema).optional(),
  required: z.array(z.string()).optional(),
  member: shapeRefSchema.optional(),
  key: shapeRefSchema.optional(),
  value: shapeRefSchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z.string().optional(),
  enum: z.array(z.string()).optional(),
  union: z.boolean().optional(),
  sensitive: z.boolean().optional(),
  flattened: z.boolean().optional(),
  exception: z.boolean().optional(),
  fault: z.boolean().optional(),
  error: z
    .looseObject({
      code: z.string().optional(),
      httpStatusCode: z.number().optional(),
      senderFault: z.boolean().optional(),
    })
    .optional(),
});

const operationSchema = z.looseObject({
  name: z.string(),
  http: z.looseObject({ method: z.string(), requestUri: z.string(), responseCode: z.number().optional() }),
  input: shapeRefSchema.optional(),
  output: shapeRefSchema.optional(),
  errors: z.array(shapeRefSchema).optional(),
});

const serviceModelSchema = z.looseObject({
  metadata: z.looseObject({
    apiVersion: z.string(),
    protocol: z.string(),
    serviceId: z.string(),
    endpointPrefix: z.string(),
    signingName: z.string().optional(),
    targetPrefix: z.string().optional(),
    jsonVersion: z.string().optional(),
    xmlNamespace: z.string().optional(),
    awsQueryCompatible: z.looseObject({}).optional(),
  }),
  operations: z.record(z.string(), operationSchema),
  shapes: z.record(z.string(), shapeSchema),
});

export type ShapeRef = z.infer<typeof shapeRefSchema>;
export type Shape = z.infer<typeof shapeSchema>;
export type Operation = z.infer<typeof operationSchema>;
export type ServiceModel = z.infer<typeof serviceModelSchema>;

export type ModelName =
  | 'ssm-incidents'
  | 'ssm'
  | 'ssm-contacts'
  | 'rds'
  | 'sns'
  | 'sqs'
  | 'cloudwatch'
  | 'sts'
  | 'dynamodb';

const cache = new Map<ModelName, ServiceModel>();

/** Loads a vendored, trimmed model from ./../models (never from ../shared: a clone has no such folder). */
export function loadServiceModel(name: ModelName): ServiceModel {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = readFileSync(new URL(`../models/${name}.json`, import.meta.url), 'utf8');
  const model = serviceModelSchema.parse(JSON.parse(text));
  cache.set(name, model);
  return model;
}

/** The named shape; a missing one is a broken model, so this throws rather than guessing. */
export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`model ${model.metadata.serviceId} has no shape ${name}`);
  return shape;
}
