import { randomBytes } from 'node:crypto';
import type { EmulatorEnvironment } from '../../emulator-state.ts';

/** A role other principals may assume, seeded by tests. */
export interface StsRole {
  arn: string;
  /** The role's account, from its ARN: calls signed with its keys act there. */
  accountId: string;
  /** When set, AssumeRole must pass exactly this ExternalId (the trust policy's sts:ExternalId). */
  externalId?: string;
  /** The role's MaxSessionDuration, seconds (AWS default 3600). */
  maxSessionSeconds: number;
}

/** Temporary credentials AssumeRole handed out. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  roleArn: string;
  accountId: string;
  sessionName: string;
}

/** What a request's access key means: the home account's, a live role session's, or refused. */
export type AccessKeyCheck =
  | { ok: true; accountId: string; roleArn?: string }
  | { ok: false; reason: 'invalid-token' | 'expired-token' };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomText(length: number, alphabet: string): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** STS roles and the sessions issued for them; every temporary key is checked against these. */
export class StsState {
  readonly roles = new Map<string, StsRole>();
  /** By access key id, in the order they were issued. */
  readonly issued = new Map<string, IssuedCredentials>();

  constructor(private readonly env: EmulatorEnvironment) {}

  addRole(arn: string, options: { externalId?: string; maxSessionSeconds?: number } = {}): StsRole {
    const match = ROLE_ARN.exec(arn);
    if (!match) throw new Error(`not an IAM role ARN: ${arn}`);
    const role: StsRole = {
      arn,
      accountId: match[1] ?? '',
      externalId: options.externalId,
      maxSessionSeconds: options.maxSessionSeconds ?? 3600,
    };
    this.roles.set(arn, role);
    return role;
  }

  /** Temporary credentials for a role session, valid for `seconds` from now. */
  issue(role: StsRole, sessionName: string, seconds: number): IssuedCredentials {
    const credentials: IssuedCredentials = {
      // Temporary keys start ASIA, long-term ones AKIA: how AWS (and this emulator) tells them apart.
      accessKeyId: `ASIA${randomText(16, KEY_ALPHABET)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(96).toString('base64'),
      expiration: new Date(this.env.clock.now().getTime() + seconds * 1000),
      roleArn: role.arn,
      accountId: role.accountId,
      sessionName,
    };
    this.issued.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  /** The role session whose key signed a request, if any. */
  sessionOf(accessKeyId: string): IssuedCredentials | undefined {
    return this.issued.get(accessKeyId);
  }

  /**
   * A temporary key (ASIA…) must be one AssumeRole issued, sent with its session token and not
   * expired, as AWS requires; any other key is taken as warroom's own, in the home account.
   */
  checkAccessKey(accessKeyId: string, sessionToken: string | undefined): AccessKeyCheck {
    if (!accessKeyId.startsWith('ASIA')) return { ok: true, accountId: this.env.accountId };
    const session = this.issued.get(accessKeyId);
    if (!session || session.sessionToken !== sessionToken) return { ok: false, reason: 'invalid-token' };
    if (session.expiration.getTime() <= this.env.clock.now().getTime()) {
      return { ok: false, reason: 'expired-token' };
    }
    return { ok: true, accountId: session.accountId, roleArn: session.roleArn };
  }
}
