import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Clock } from '../clock.ts';
import { BotError } from '../errors.ts';

/** What the SDK clients accept as `credentials`: temporary keys and when they stop working. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** The role warroom takes on in another account (`accounts.<id>.roleArn`). */
export interface AccountRole {
  accountId: string;
  /** As people read it (`prod-payments`), for the error someone sees. */
  accountName: string;
  roleArn: string;
  externalId?: string;
}

/** Names the sessions in the other account's CloudTrail, so its owners see who acted. */
export const ROLE_SESSION_NAME = 'warroom';
/** New credentials this long before the old ones expire, so no call is signed with a dying key. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/** STS refusals that say the trust between the accounts is wrong, not that STS is unwell. */
const REFUSED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'RegionDisabledException',
  'ValidationError',
]);

/**
 * A credentials provider for one account's role: STS AssumeRole with warroom's own credentials
 * (the standard chain, through `sts`), its external id when set, cached until five minutes before
 * they expire. Callers at the same moment share one AssumeRole. A refusal is a BotError naming
 * the role and the account, which the person who asked sees as it is.
 */
export function createRoleCredentials(
  role: AccountRole,
  deps: { sts: Pick<STSClient, 'send'>; clock: Clock },
): () => Promise<TemporaryCredentials> {
  let cached: TemporaryCredentials | undefined;
  let pending: Promise<TemporaryCredentials> | undefined;

  const fresh = (credentials: TemporaryCredentials | undefined) =>
    credentials?.expiration !== undefined &&
    credentials.expiration.getTime() - REFRESH_BEFORE_MS > deps.clock.now().getTime();

  async function assume(): Promise<TemporaryCredentials> {
    try {
      const { Credentials: out } = await deps.sts.send(
        new AssumeRoleCommand({
          RoleArn: role.roleArn,
          RoleSessionName: ROLE_SESSION_NAME,
          ...(role.externalId ? { ExternalId: role.externalId } : {}),
        }),
      );
      if (!out?.AccessKeyId || !out.SecretAccessKey || !out.SessionToken || !out.Expiration) {
        throw new Error('AssumeRole answered without complete credentials');
      }
      cached = {
        accessKeyId: out.AccessKeyId,
        secretAccessKey: out.SecretAccessKey,
        sessionToken: out.SessionToken,
        expiration: out.Expiration,
      };
      return cached;
    } catch (error) {
      throw roleError(role, error);
    }
  }

  return () => {
    if (cached && fresh(cached)) return Promise.resolve(cached);
    pending ??= assume().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

function roleError(role: AccountRole, error: unknown): BotError {
  const name = error instanceof Error ? error.name : 'UnknownError';
  const where = `account ${role.accountName === role.accountId ? role.accountId : `${role.accountName} (${role.accountId})`}`;
  const detail = `STS AssumeRole ${role.roleArn}: ${name}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`;
  if (REFUSED.has(name)) {
    return new BotError(
      'ACCOUNT.ROLE_REFUSED',
      `AWS refused warroom the role ${role.roleArn} in ${where} (${name}): check that the role's trust policy allows warroom's own role, and its external id.`,
      { cause: error, detail },
    );
  }
  return new BotError(
    'ACCOUNT.ROLE_FAILED',
    `warroom could not take on the role ${role.roleArn} in ${where} (${name}); nothing was done there. Try again in a moment.`,
    { cause: error, detail },
  );
}
