import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The IAM prefix of each SDK client package (CloudWatch signs as `monitoring` but authorises as `cloudwatch`). */
const IAM_PREFIX: Record<string, string> = {
  '@aws-sdk/client-sns': 'sns',
  '@aws-sdk/client-ssm-incidents': 'ssm-incidents',
  '@aws-sdk/client-ssm-contacts': 'ssm-contacts',
  '@aws-sdk/client-ssm': 'ssm',
  '@aws-sdk/client-rds': 'rds',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-dynamodb': 'dynamodb',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'sandbox' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every AWS API action warroom's own code sends, as IAM actions (`rds:DescribeDBInstances`): read
 * from the `XxxCommand` classes each file imports from an SDK client (the sandbox is not warroom).
 */
export function findAwsActions(root = 'src'): string[] {
  const actions = new Set<string>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z-]+)'/g,
    )) {
      const prefix = IAM_PREFIX[match[2] ?? ''];
      if (!prefix) continue;
      for (const name of (match[1] ?? '').split(',').map((part) => part.trim().replace(/^type\s+/, ''))) {
        const command = /^([A-Z][A-Za-z0-9]+)Command$/.exec(name);
        if (command?.[1] && new RegExp(`new\\s+${name}\\(`).test(text))
          actions.add(`${prefix}:${command[1]}`);
      }
    }
  }
  return [...actions].sort();
}
