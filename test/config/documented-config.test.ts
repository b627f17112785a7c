import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ConfigFiles, loadConfig } from '../../src/config/load-config.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-1-docs',
  SLACK_SIGNING_SECRET: 'docs-signing-secret',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/warroom.yml',
};

function load(yaml: string) {
  const files: ConfigFiles = { exists: () => true, read: () => yaml, isDirectory: () => false };
  return loadConfig(env, files);
}

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

describe('documented configuration', () => {
  it('warroom.example.yml loads as shipped', () => {
    const result = load(readFileSync('warroom.example.yml', 'utf8'));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('every YAML example in docs/escalation.md is valid configuration', () => {
    const blocks = yamlBlocks(readFileSync('docs/escalation.md', 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const yaml = ['slack:\n  alertChannel: C0ALERTS', ...blocks].join('\n');
    const result = load(yaml);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('every YAML example in docs/accounts.md is valid configuration on its own', () => {
    const blocks = yamlBlocks(readFileSync('docs/accounts.md', 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const result = load(`slack:\n  alertChannel: C0ALERTS\n${block}`);
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });

  it('every YAML example in docs/routing.md is, on its own, valid configuration', () => {
    const blocks = yamlBlocks(readFileSync('docs/routing.md', 'utf8'));
    // Routes, the migration before and after (two steps), and the three-account example.
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const problems = blocks.flatMap((yaml, index) => {
      const result = load(yaml);
      return result.ok ? [] : result.problems.map((problem) => `block ${index + 1}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });
});
