import type { Accounts } from './account-settings.ts';

/** The account's name from `accounts:`, else its id, so an unnamed account still reads as something. */
export function nameAccount(accountId: string, accounts: Accounts = {}): string {
  return accounts[accountId]?.name ?? accountId;
}

/**
 * Where an incident is, as people read it everywhere: `prod-payments (us-east-1)`; with only one of
 * the two known, just that; undefined when neither is (a declared incident), so nothing is shown.
 */
export function describeAccount(
  where: { accountId?: string; region?: string },
  accounts: Accounts = {},
): string | undefined {
  const { accountId, region } = where;
  if (accountId && region) return `${nameAccount(accountId, accounts)} (${region})`;
  if (accountId) return nameAccount(accountId, accounts);
  return region;
}
