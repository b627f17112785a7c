import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';
import type { Accounts } from '../accounts/index.ts';
import type { Clock } from '../clock.ts';
import { createCloudWatchClient } from './cloudwatch-client.ts';
import { CloudWatchGateway } from './cloudwatch-gateway.ts';
import type { MetricValues } from './cloudwatch-metric-values.ts';
import type { MetricImages } from './metric-images.ts';
import { RdsGateway } from './rds-gateway.ts';
import type { RdsPort } from './rds-port.ts';
import { createResourceTagsGateway } from './resource-tags-gateway.ts';
import type { ResourceTagsPort } from './resource-tags-port.ts';
import { createRoleCredentials, type TemporaryCredentials } from './role-credentials.ts';

/**
 * The AWS calls made about one incident's resources: they go to that incident's account. (Runbooks
 * are not among them yet: the planner refuses them in an account reached through a role.)
 */
export interface AccountScopedPorts {
  rds: RdsPort;
  /** CloudWatch metric values of the incident's resources (free storage in `rds status`). */
  metricValues: MetricValues;
  /** CloudWatch pictures of an alarm's metric, for the card's thread. */
  metricImages: MetricImages;
  /** Tags of its databases and alarms, for routes. */
  resourceTags: ResourceTagsPort;
}

/** Builds the ports of one account from its credentials (a test may count or fake them). */
export type BuildAccountPorts = (credentials: () => Promise<TemporaryCredentials>) => AccountScopedPorts;

/** The SDK clients of a role's account, in warroom's Region, signed with the role's credentials. */
export function buildRolePorts(region: string): BuildAccountPorts {
  return (credentials) => {
    const clients = {
      rds: new RDSClient({ region, credentials }),
      cloudwatch: createCloudWatchClient({ region, credentials }),
    };
    const cloudwatch = new CloudWatchGateway(clients.cloudwatch);
    return {
      rds: new RdsGateway(clients.rds),
      metricValues: cloudwatch,
      metricImages: cloudwatch,
      resourceTags: createResourceTagsGateway(() => clients),
    };
  };
}

/**
 * Which ports an incident's calls use: those of its account's role (`accounts.<id>.roleArn`),
 * built on first use and kept (their credentials renew themselves), else warroom's own (`home`):
 * an account without a role, or an incident with no account.
 */
export function createAccountPorts(input: {
  region: string;
  accounts: Accounts;
  clock: Clock;
  home: AccountScopedPorts;
  build?: BuildAccountPorts;
  /** Default: an STS client over the standard credential chain (AWS_ENDPOINT_URL_STS honoured). */
  sts?: Pick<STSClient, 'send'>;
}): (accountId: string | undefined) => AccountScopedPorts {
  const built = new Map<string, AccountScopedPorts>();
  const build = input.build ?? buildRolePorts(input.region);
  let sts = input.sts;
  return (accountId) => {
    const account = accountId === undefined ? undefined : input.accounts[accountId];
    if (!accountId || !account?.roleArn) return input.home;
    const existing = built.get(accountId);
    if (existing) return existing;
    sts ??= new STSClient({ region: input.region });
    const role = {
      accountId,
      accountName: account.name,
      roleArn: account.roleArn,
      externalId: account.externalId,
    };
    const ports = build(createRoleCredentials(role, { sts, clock: input.clock }));
    built.set(accountId, ports);
    return ports;
  };
}
