import { existsSync, readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { routeProblems } from '../routes/index.ts';
import { DEFAULT_RUNBOOKS, mergeCatalog } from '../runbooks/index.ts';
import type { Config } from './config.ts';
import { envSchema } from './env-schema.ts';
import { escalationProblems, toEscalationConfig } from './escalation-schema.ts';
import { type FileConfig, fileSchema } from './file-schema.ts';
import { permissionProblems } from './permissions-schema.ts';
import { toRoutes } from './routes-schema.ts';
import { queueUrlProblem } from './sqs-queue-url.ts';
import { parseStoreTarget } from './store-target.ts';
import { toUpdatesConfig } from './updates-schema.ts';
import { parseLocatedYaml } from './yaml-lines.ts';

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

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const key = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (unknown) => `${key ? `${key}.` : ''}${unknown}: unknown key (see the configuration reference)`,
      );
    }
    // A bad map key (an account id) carries its own message inside, not zod's "Invalid key in record".
    const message =
      issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return [`${key || '(root)'}: ${message}`];
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

export type FileConfigResult = { file?: FileConfig; problems: string[] };

/**
 * Reads and checks warroom.yml alone (no environment): what `npm run routes:check` needs to judge
 * a config in CI, where no Slack token or AWS Region is set.
 */
export function readConfigFile(configPath: string, files: ConfigFiles = nodeConfigFiles): FileConfigResult {
  if (!files.exists(configPath)) {
    return { problems: [`WARROOM_CONFIG: expected a YAML config file, but ${configPath} does not exist`] };
  }
  const parsed = parseLocatedYaml(files.read(configPath));
  if (!parsed.ok) return { problems: [`${configPath}: expected valid YAML (${parsed.message})`] };
  const { yaml } = parsed;
  // Each problem names its key and, where the file wrote it (or its parent), the line to fix.
  const located = (problem: string) => {
    const line = yaml.lineOf(problem.slice(0, problem.indexOf(': ')));
    return line ? `${problem} (${configPath}:${line})` : problem;
  };
  const file = fileSchema.safeParse(yaml.data);
  if (!file.success) return { problems: describeIssues(file.error.issues).map(located) };
  const problems = [
    ...escalationProblems(file.data),
    ...permissionProblems(file.data),
    ...routeProblems(toRoutes(file.data.routes), {
      policies: Object.keys(file.data.escalation ?? {}),
      accounts: Object.entries(file.data.accounts).map(([id, account]) => ({ id, ...account })),
    }),
  ];
  return problems.length > 0 ? { problems: problems.map(located) } : { file: file.data, problems };
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
  const fileRead = readConfigFile(configPath, files);
  problems.push(...fileRead.problems);
  const file = fileRead.file;

  const store = env.success ? parseStoreTarget(env.data.WARROOM_STORE) : undefined;
  if (env.success) {
    if (store && !store.ok) problems.push(`WARROOM_STORE: ${store.problem}`);
    const queueProblem = env.data.SQS_QUEUE_URL ? queueUrlProblem(env.data.SQS_QUEUE_URL) : undefined;
    if (queueProblem) problems.push(`SQS_QUEUE_URL: ${queueProblem}`);
    if (env.data.SNS_CERT_DIR && !files.isDirectory(env.data.SNS_CERT_DIR)) {
      problems.push(
        `SNS_CERT_DIR: expected a directory of pinned certificates, ${env.data.SNS_CERT_DIR} is not one`,
      );
    }
  }
  if (problems.length > 0 || !env.success || !file || !store?.ok) return { ok: false, problems };

  const e = env.data;
  const f = file;
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
        ...(f.slack.updatesChannel ? { updatesChannel: f.slack.updatesChannel } : {}),
      },
      aws: { region: (e.AWS_REGION ?? e.AWS_DEFAULT_REGION) as string },
      store: store.store,
      sns: { topicArns: f.sns.topicArns, certDir: e.SNS_CERT_DIR },
      ...(e.SQS_QUEUE_URL ? { sqs: { queueUrl: e.SQS_QUEUE_URL } } : {}),
      incidents: { responsePlanArn: f.incidents.responsePlanArn },
      signals: f.signals,
      storms: { enabled: f.storms.enabled, threshold: f.storms.threshold, windowMs: f.storms.window },
      routes: toRoutes(f.routes),
      permissions: f.permissions,
      runbooks: {
        catalog: mergeCatalog(DEFAULT_RUNBOOKS, f.runbooks, f.automation.defaultCatalog),
        roleArn: f.automation.roleArn,
        approvalTimeoutMs: f.automation.approvalTimeoutMinutes * 60_000,
        approvers: f.automation.approvers,
      },
      escalation: toEscalationConfig(f),
      ...(f.updates ? { updates: toUpdatesConfig(f.updates) } : {}),
      followups: { opsCenter: f.followups.opsCenter },
      oncall: { rotations: f.oncall.rotations },
      accounts: f.accounts,
      leaseSeconds: f.leaseSeconds,
      shutdownGraceSeconds: f.shutdownGraceSeconds,
      // Every top-level key is active in this version; the list stays for later reserved keys.
      inactiveKeys: [],
    },
  };
}
