import { BotError } from '../errors.ts';

/** Every variable the AWS SDK takes an endpoint from: `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>`. */
const ENDPOINT_VARIABLE = /^AWS_ENDPOINT_URL(?:_[A-Z0-9_]+)?$/;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Credentials that mean nothing to AWS: even a request that got out could not act on an account. */
export const LOCAL_ONLY_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIDLOCALEMULATOR',
  AWS_SECRET_ACCESS_KEY: 'local-emulator-only',
} as const;

/**
 * What points every AWS SDK client at the local emulator: each emulated service by name, every
 * other service through `AWS_ENDPOINT_URL` (so a client for a service the emulator lacks fails
 * locally instead of reaching AWS), and throwaway credentials.
 */
export function localAwsEnvironment(
  emulator: { url: string; endpointEnv(): Record<string, string> },
  region: string,
): Record<string, string> {
  return {
    ...emulator.endpointEnv(),
    AWS_ENDPOINT_URL: emulator.url,
    ...LOCAL_ONLY_CREDENTIALS,
    AWS_REGION: region,
  };
}

/** Variables that would hand real credentials along (the emulator needs none): removed, not refused. */
export const REAL_CREDENTIAL_VARIABLES = ['AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

/**
 * Refuses (BotError `DRILL.AWS_NOT_LOCAL`, naming every offending variable) unless every AWS
 * endpoint in `env` is the local emulator on loopback: a drill and the sandbox never touch an AWS
 * account. Checked against the environment the SDK reads, right before warroom starts.
 */
export function assertAwsStaysLocal(env: Record<string, string | undefined>, emulatorUrl: string): void {
  const problems: string[] = [];
  const emulator = new URL(emulatorUrl);
  if (!LOOPBACK_HOSTS.has(emulator.hostname)) {
    problems.push(`the AWS emulator is at ${emulatorUrl}, which is not a loopback address`);
  }
  if (!env['AWS_ENDPOINT_URL']) {
    problems.push('AWS_ENDPOINT_URL is not set, so a client of a service the emulator lacks would call AWS');
  }
  for (const [name, value] of Object.entries(env)) {
    if (!ENDPOINT_VARIABLE.test(name) || value === undefined) continue;
    let origin: string | undefined;
    try {
      origin = new URL(value).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== emulator.origin) {
      problems.push(`${name} points at ${value}, not at the local AWS emulator (${emulator.origin})`);
    }
  }
  const ignore = env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.trim().toLowerCase();
  if (ignore === 'true' || ignore === '1') {
    problems.push(
      'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is set, so the SDK would ignore the emulator and call AWS',
    );
  }
  if (problems.length > 0) {
    throw new BotError(
      'DRILL.AWS_NOT_LOCAL',
      `Refusing to start: every AWS call must go to the local emulator, and ${problems.length === 1 ? 'this does' : 'these do'} not:\n- ${problems.join('\n- ')}\nUnset ${problems.length === 1 ? 'it' : 'them'} and run again.`,
    );
  }
}

/**
 * Points this process's AWS SDK at the emulator (the SDK reads process.env itself), after checking
 * that the result keeps every call local. Nothing is changed when the check fails.
 */
export function useLocalAwsOnly(
  processEnv: Record<string, string | undefined>,
  localEnv: Record<string, string>,
  emulatorUrl: string,
): void {
  const next: Record<string, string | undefined> = { ...processEnv, ...localEnv };
  for (const name of REAL_CREDENTIAL_VARIABLES) delete next[name];
  assertAwsStaysLocal(next, emulatorUrl);
  for (const name of REAL_CREDENTIAL_VARIABLES) delete processEnv[name];
  Object.assign(processEnv, localEnv);
}
