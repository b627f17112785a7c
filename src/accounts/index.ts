export type { AccountSettings, Accounts } from './account-settings.ts';
export { describeAccount, nameAccount } from './describe-account.ts';
