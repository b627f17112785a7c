import type { Impact } from '../incidents/index.ts';
import { type Alert, signalTypesOf } from '../signals/index.ts';
import type { ResourceTags, RouteFacts } from './route.ts';

/** What `accounts:` says about an account id, if anything. */
export type AccountLookup = (accountId: string) => { name?: string; stage?: string } | undefined;

/** A signal's routing facts: where it is from and about, its types and impact, and the tags read. */
export function routeFactsFor(
  alert: Pick<Alert, 'signalType' | 'otherSignalTypes' | 'resource'>,
  impact: Impact,
  tags: ResourceTags,
  lookupAccount: AccountLookup,
): RouteFacts {
  const accountId = alert.resource?.accountId;
  const account = accountId ? lookupAccount(accountId) : undefined;
  return {
    ...(accountId ? { accountId } : {}),
    ...(account?.name ? { accountName: account.name } : {}),
    ...(account?.stage ? { stage: account.stage } : {}),
    ...(alert.resource?.region ? { region: alert.resource.region } : {}),
    ...(alert.resource ? { resourceKind: alert.resource.kind, resourceName: alert.resource.id } : {}),
    signalTypes: signalTypesOf(alert),
    impact,
    tags,
  };
}
