import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { Accounts } from '../accounts/index.ts';
import type { Clock } from '../clock.ts';
import { AutomationGateway } from './automation-gateway.ts';
import type { AutomationRunner, RdsResourceReader } from './automation-port.ts';
import { createCloudWatchClient } from './cloudwatch-client.ts';
import { CloudWatchGateway } from './cloudwatch-gateway.ts';
import type { MetricValues } from './cloudwatch-metric-values.ts';
import type { MetricImages } from './metric-images.ts';
import { RdsGateway } from './rds-gateway.ts';
import type { RdsPort } from './rds-port.ts';
import { RdsResourceGateway } from './rds-resource-gateway.ts';
import { createResourceTagsGateway } from './resource-tags-gateway.ts';
import type { ResourceTagsPort } from './resource-tags-port.ts';
import { createRoleCredentials, type TemporaryCredentials } from './role-credentials.ts';

/** The AWS calls made about one incident's resources: they go to that incident's account and Region. */
export interface AccountScopedPorts {
  rds: RdsPort;
  /** CloudWatch metric values of the incident's resources (free storage in `rds status`). */
  metricValues: MetricValues;
  /** CloudWatch pictures of an alarm's metric, for the card's thread. */
  metricImages: MetricImages;
  /** Tags of its databases and alarms, for routes. */
  resourceTags: ResourceTagsPort;
  /** SSM Automation: the incident's runbooks run, are followed and stopped there. */
  automation: AutomationRunner;
  /** ARN and resource id of the DB a runbook acts on. */
  rdsResources: RdsResourceReader;
}

/** Which ports serve an incident's account (undefined: none named) and Region. */
export type PortsInAccount = (accountId: string | undefined, region: string) => AccountScopedPorts;

/**
 * Builds the ports of one account and Region; `credentials` undefined means warroom's own (the
 * standard chain). A test may count or fake them.
 */
export type BuildAccountPorts = (
  region: string,
  credentials: (() => Promise<TemporaryCredentials>) | undefined,
) => AccountScopedPorts;

/** The SDK clients of one account and Region, signed with a role's credentials or warroom's own. */
export const buildScopedPorts: BuildAccountPorts = (region, credentials) => {
  const config = credentials ? { region, credentials } : { region };
  const clients = { rds: new RDSClient(config), cloudwatch: createCloudWatchClient(config) };
  const cloudwatch = new CloudWatchGateway(clients.cloudwatch);
  return {
    rds: new RdsGateway(clients.rds),
    metricValues: cloudwatch,
    metricImages: cloudwatch,
    resourceTags: createResourceTagsGateway(() => clients),
    automation: new AutomationGateway(new SSMClient(config)),
    rdsResources: new RdsResourceGateway(clients.rds),
  };
};

/**
 * Which ports an incident's calls use, for its account and Region: a role's account
 * (`accounts.<id>.roleArn`) gets clients signed with that role, any other account warroom's own
 * credentials; warroom's own Region and credentials are `home`. Each (account, Region) is built on
 * first use and kept (role credentials renew themselves); one AssumeRole serves every Region.
 */
export function createAccountPorts(input: {
  region: string;
  accounts: Accounts;
  clock: Clock;
  home: AccountScopedPorts;
  build?: BuildAccountPorts;
  /** Default: an STS client over the standard credential chain (AWS_ENDPOINT_URL_STS honoured). */
  sts?: Pick<STSClient, 'send'>;
}): PortsInAccount {
  const built = new Map<string, AccountScopedPorts>();
  const roles = new Map<string, () => Promise<TemporaryCredentials>>();
  const build = input.build ?? buildScopedPorts;
  let sts = input.sts;
  const roleCredentials = (accountId: string, roleArn: string) => {
    const existing = roles.get(accountId);
    if (existing) return existing;
    const account = input.accounts[accountId];
    sts ??= new STSClient({ region: input.region });
    const credentials = createRoleCredentials(
      { accountId, accountName: account?.name ?? accountId, roleArn, externalId: account?.externalId },
      { sts, clock: input.clock },
    );
    roles.set(accountId, credentials);
    return credentials;
  };
  return (accountId, region) => {
    const roleArn = accountId ? input.accounts[accountId]?.roleArn : undefined;
    if (!roleArn && region === input.region) return input.home;
    // Warroom's own credentials reach every account without a role alike: one client per Region.
    const key = `${roleArn ? accountId : '-'}|${region}`;
    const existing = built.get(key);
    if (existing) return existing;
    const ports = build(region, accountId && roleArn ? roleCredentials(accountId, roleArn) : undefined);
    built.set(key, ports);
    return ports;
  };
}

/** The Region an incident's calls go to: its resource's, else its own, else warroom's. */
export function regionOf(
  where: { region?: string; resource?: { region?: string } },
  fallback: string,
): string {
  return where.resource?.region ?? where.region ?? fallback;
}
