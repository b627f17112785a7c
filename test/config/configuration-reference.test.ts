import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  buildConfigSections,
  CONFIG_REFERENCE_PATH,
  findUndocumented,
  renderConfigReference,
} from '../../scripts/generate-config-reference.ts';
import { envSchema } from '../../src/config/env-schema.ts';
import { fileSchema } from '../../src/config/file-schema.ts';

const sections = buildConfigSections();
const paths = sections.flatMap((section) => section.rows.map((row) => row.path));

describe('docs/configuration.md', () => {
  it('is what scripts/generate-config-reference.ts writes now (run `npm run docs:config` after changing a schema)', () => {
    expect(readFileSync(CONFIG_REFERENCE_PATH, 'utf8')).toBe(renderConfigReference());
  });

  it('gives every environment variable and YAML key a description and a type', () => {
    expect(findUndocumented(sections)).toEqual([]);
  });

  it('lists every environment variable and every top-level YAML key of the schemas', () => {
    expect(sections[0]?.rows.map((row) => row.path)).toEqual(Object.keys(envSchema.shape));
    expect(sections.slice(1).map((section) => section.title)).toEqual(Object.keys(fileSchema.shape));
  });

  it('documents the keys inside lists, maps and the two-form entries (escalation policies, rotations)', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'slack.alertChannel',
        'runbooks[].parameters.<name>',
        'escalation.<name>.stages[].after',
        'escalation.<name>.repeatLastEveryMinutes',
        'oncall.rotations.<name>.members',
        'oncall.rotations.<name>.overrides[].from',
        'oncall.rotations.<name>.ssmRotation',
      ]),
    );
    const row = (path: string) => sections.flatMap((section) => section.rows).find((r) => r.path === path);
    expect(row('slack.alertChannel')?.presence).toBe('required');
    expect(row('LOG_LEVEL')?.presence).toBe('default `info`');
    expect(row('signals')?.presence).toBe('default `[]`');
    expect(row('runbooks[].approval')?.allowed).toBe('`confirm`, `two-person`');
    expect(row('oncall.rotations.<name>.members')?.presence).toBe('required in this form');
  });

  it('fails a variable or key added without a description, and says where', () => {
    const grown = buildConfigSections({
      env: envSchema.extend({ NEW_VARIABLE: z.string().optional() }),
      file: fileSchema.extend({ newKey: z.strictObject({ flag: z.boolean().default(false) }).optional() }),
    });
    expect(findUndocumented(grown)).toEqual([
      'NEW_VARIABLE: no description (add .describe() in its schema)',
      'newKey: no description (add .describe() in its schema)',
      'newKey.flag: no description (add .describe() in its schema)',
    ]);
    expect(renderConfigReference(grown)).not.toBe(readFileSync(CONFIG_REFERENCE_PATH, 'utf8'));
  });

  it('fails a key whose shape JSON Schema cannot show, until the generator is told what it accepts', () => {
    const grown = buildConfigSections({
      env: envSchema,
      file: fileSchema.extend({ opaque: z.unknown().describe('parsed by a transform') }),
    });
    expect(findUndocumented(grown)).toEqual([
      'opaque: type unknown to JSON Schema (add it to DOCUMENTED_AS in this script)',
    ]);
  });
});
