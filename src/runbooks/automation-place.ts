import { type Accounts, describeAccount } from '../accounts/index.ts';
import { type PortsInAccount, regionOf } from '../aws/account-ports.ts';
import type { AutomationRunner, RdsResourceReader } from '../aws/automation-port.ts';
import type { Incident } from '../incidents/index.ts';

/** Where an incident's runbooks run: its account's SSM and RDS, in its Region. */
export interface AutomationPlace {
  automation: AutomationRunner;
  rdsResources: RdsResourceReader;
  region: string;
  /** `{{config.automationRoleArn}}`: the AutomationAssumeRole, a role of the account it runs in. */
  roleArn?: string;
  /** Set for an account warroom reaches through a role: its automation role is its own key. */
  roleAccount?: { accountId: string; where: string };
}

/** The place of one incident's runbooks. */
export type PlaceAutomation = (incident: Incident) => AutomationPlace;

/**
 * Runbooks follow the incident: in an account with `accounts.<id>.roleArn` SSM is called with
 * that role's credentials and runs with `accounts.<id>.automationRoleArn` (a role of that account:
 * SSM cannot pass one of warroom's); elsewhere with warroom's own and `automation.roleArn`. The
 * Region is the resource's, else the incident's, else warroom's. Without `inAccount` (test
 * doubles) `home` serves every account and Region.
 */
export function placeAutomation(input: {
  home: { automation: AutomationRunner; rdsResources: RdsResourceReader };
  inAccount?: PortsInAccount;
  accounts: Accounts;
  region: string;
  roleArn?: string;
}): PlaceAutomation {
  return (incident) => {
    const accountId = incident.resource?.accountId ?? incident.accountId;
    const region = regionOf(incident, input.region);
    const ports = input.inAccount?.(accountId, region) ?? input.home;
    const account = accountId ? input.accounts[accountId] : undefined;
    const place = { automation: ports.automation, rdsResources: ports.rdsResources, region };
    if (!accountId || !account?.roleArn) return { ...place, roleArn: input.roleArn };
    return {
      ...place,
      roleArn: account.automationRoleArn,
      roleAccount: { accountId, where: describeAccount({ accountId }, input.accounts) ?? accountId },
    };
  };
}
