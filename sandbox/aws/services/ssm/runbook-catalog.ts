import { readFileSync } from 'node:fs';
import { z } from 'zod';

const parameterSchema = z.object({
  name: z.string(),
  type: z.enum(['String', 'StringList', 'Integer', 'Boolean']),
  description: z.string(),
  /** Absent means required: SSM treats a parameter without a default as required. */
  defaultValue: z.string().optional(),
  allowedValues: z.array(z.string()).optional(),
  allowedPattern: z.string().optional(),
});

const runbookSchema = z.object({
  name: z.string(),
  description: z.string(),
  targetType: z.string(),
  parameters: z.array(parameterSchema),
  steps: z.array(z.object({ name: z.string(), action: z.string(), seconds: z.number().positive() })).min(1),
  outputs: z.array(z.string()).optional(),
});

export type RunbookParameter = z.infer<typeof parameterSchema>;
export type Runbook = z.infer<typeof runbookSchema>;

/** The AWS-managed RDS runbooks from the data file beside this module (AWS-NOTES §3). */
export function loadAwsRunbooks(): Runbook[] {
  const text = readFileSync(new URL('./aws-runbooks.json', import.meta.url), 'utf8');
  return z.object({ runbooks: z.array(runbookSchema) }).parse(JSON.parse(text)).runbooks;
}
