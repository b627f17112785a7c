/** One `accounts:` entry as the app uses it: the name people read, and how warroom reaches it. */
export interface AccountSettings {
  name: string;
  /** `prod`, `staging`, …: what routes match on; not shown. */
  stage?: string;
  /** The role warroom assumes for the AWS calls about this account's incidents (runbooks included). */
  roleArn?: string;
  /** The AutomationAssumeRole of runbooks in this account (with `roleArn`); passed by that role. */
  automationRoleArn?: string;
  /** Passed to AssumeRole as ExternalId when the role's trust policy asks for one. */
  externalId?: string;
}

/** `accounts:` by 12-digit account id. An account not listed shows its id and uses warroom's own credentials. */
export type Accounts = Readonly<Record<string, AccountSettings>>;
