import { existsSync, readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_RUNBOOKS, mergeCatalog } from '../runbooks/index.ts';
import type { Config } from './config.ts';
import { envSchema } from './env-schema.ts';
import { escalationProblems, toEscalationConfig } from './escalation-schema.ts';
import { fileSchema } from './file-schema.ts';
import { queueUrlProblem } from './sqs-queue-url.ts';
import { findYamlLine } from './yaml-line.ts';

export type LoadConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads files; injected so tests need no real files. */
export interface ConfigFiles {
  exists(path: string): boolean;
  read(path: string): string;
  isDirectory(path: string): boolean;
}

export const nodeConfigFiles: ConfigFiles = {
  exists: existsSync,
  read: (path) => readFileSync(path, 'utf8'),
  isDirectory: (path) => existsSync(path) && statSync(path).isDirectory(),
};

/**
 * Top-level keys whose problems also name their line in the file. Newer keys start here; the older
 * ones keep their exact wording until their tests move too.
 */
const LINE_NAMED_KEYS = new Set(['accounts']);

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

function describeIssues(issues: readonly z.core.$ZodIssue[], lineOf?: LineOf): string[] {
  return issues.flatMap((issue) => {
    const key = issue.path.map(String).join('.');
    const at = (path: readonly PropertyKey[]) => {
      const line = lineOf && LINE_NAMED_KEYS.has(String(path[0])) ? lineOf(path) : undefined;
      return line === undefined ? '' : ` (line ${line})`;
    };
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (unknown) =>
          `${key ? `${key}.` : ''}${unknown}: unknown key (see the configuration reference)${at([...issue.path, unknown])}`,
      );
    }
    // A bad map key (an account id) carries its own message inside, not zod's "Invalid key in record".
    const message =
      issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return [`${key || '(root)'}: ${message}${at(issue.path)}`];
  });
}

/** Rules across several variables: zod's refinements would be skipped whenever another key fails. */
function checkEnvCombinations(rawEnv: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!rawEnv.SLACK_APP_TOKEN && !rawEnv.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_SIGNING_SECRET: expected in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (!rawEnv.AWS_REGION && !rawEnv.AWS_DEFAULT_REGION) {
    problems.push('AWS_REGION: expected an AWS region such as us-east-1');
  }
  return problems;
}

/**
 * The only reader of process.env. Returns every problem at once, one line each naming the key and
 * what is expected, so a bad deployment is fixed in one go.
 */
export function loadConfig(
  rawEnv: Record<string, string | undefined>,
  files: ConfigFiles = nodeConfigFiles,
): LoadConfigResult {
  const problems: string[] = [];
  const env = envSchema.safeParse(rawEnv);
  if (!env.success) problems.push(...describeIssues(env.error.issues));
  problems.push(...checkEnvCombinations(rawEnv));

  const configPath = rawEnv.WARROOM_CONFIG || './warroom.yml';
  let fileData: unknown;
  let fileText = '';
  if (!files.exists(configPath)) {
    problems.push(`WARROOM_CONFIG: expected a YAML config file, but ${configPath} does not exist`);
  } else {
    try {
      fileText = files.read(configPath);
      fileData = parseYaml(fileText) ?? {};
    } catch (error) {
      problems.push(`${configPath}: expected valid YAML (${(error as Error).message.split('\n')[0]})`);
    }
  }
  const file = fileData === undefined ? undefined : fileSchema.safeParse(fileData);
  if (file && !file.success) {
    problems.push(...describeIssues(file.error.issues, (path) => findYamlLine(fileText, path)));
  }
  if (file?.success) problems.push(...escalationProblems(file.data));

  if (env.success) {
    if (env.data.WARROOM_STORE.startsWith('dynamodb:')) {
      problems.push(
        'WARROOM_STORE: expected sqlite:<path> (the DynamoDB store is not available in this version)',
      );
    }
    const queueProblem = env.data.SQS_QUEUE_URL ? queueUrlProblem(env.data.SQS_QUEUE_URL) : undefined;
    if (queueProblem) problems.push(`SQS_QUEUE_URL: ${queueProblem}`);
    if (env.data.SNS_CERT_DIR && !files.isDirectory(env.data.SNS_CERT_DIR)) {
      problems.push(
        `SNS_CERT_DIR: expected a directory of pinned certificates, ${env.data.SNS_CERT_DIR} is not one`,
      );
    }
  }
  if (problems.length > 0 || !env.success || !file?.success) return { ok: false, problems };

  const e = env.data;
  const f = file.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      logLevel: e.LOG_LEVEL,
      configPath,
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
        alertChannel: f.slack.alertChannel,
        incidentChannels: f.slack.incidentChannels,
        incidentChannelPrivate: f.slack.incidentChannelPrivate,
      },
      aws: { region: (e.AWS_REGION ?? e.AWS_DEFAULT_REGION) as string },
      store: { kind: 'sqlite', path: e.WARROOM_STORE.slice('sqlite:'.length) },
      sns: { topicArns: f.sns.topicArns, certDir: e.SNS_CERT_DIR },
      ...(e.SQS_QUEUE_URL ? { sqs: { queueUrl: e.SQS_QUEUE_URL } } : {}),
      incidents: { responsePlanArn: f.incidents.responsePlanArn },
      signals: f.signals,
      storms: { enabled: f.storms.enabled, threshold: f.storms.threshold, windowMs: f.storms.window },
      permissions: f.permissions,
      runbooks: {
        catalog: mergeCatalog(DEFAULT_RUNBOOKS, f.runbooks, f.automation.defaultCatalog),
        roleArn: f.automation.roleArn,
        approvalTimeoutMs: f.automation.approvalTimeoutMinutes * 60_000,
      },
      escalation: toEscalationConfig(f),
      oncall: { rotations: f.oncall.rotations },
      accounts: f.accounts,
      // Every top-level key is active in this version; the list stays for later reserved keys.
      inactiveKeys: [],
    },
  };
}
