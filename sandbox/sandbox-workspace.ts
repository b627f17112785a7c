import {
  SANDBOX_ALERT_CHANNEL,
  SANDBOX_PAYMENTS_CHANNEL,
  SANDBOX_PAYMENTS_GROUP,
  SANDBOX_SRE_GROUP,
} from './sandbox-account.ts';
import { DEFAULT_USERS, type WorkspaceOptions } from './slack/workspace.ts';

/**
 * The local Slack workspace of the sandbox: Alice, Bob and Carol as in every local workspace, plus
 * Dana of the payments team; `#alerts` (everyone) and `#payments-alerts` (the payments people and
 * Alice); user groups `@sre` and `@payments`. The bot is in both channels, as an app added to them is.
 */
export function sandboxWorkspace(): WorkspaceOptions {
  const users = [
    ...DEFAULT_USERS,
    { id: 'U0DANA', name: 'dana', realName: 'Dana Diaz', email: 'dana@example.com' },
  ];
  return {
    users,
    channels: [
      { id: SANDBOX_ALERT_CHANNEL, name: 'alerts', members: ['U0WARBOT', ...users.map((user) => user.id)] },
      {
        id: SANDBOX_PAYMENTS_CHANNEL,
        name: 'payments-alerts',
        members: ['U0WARBOT', 'U0ALICE', 'U0CAROL', 'U0DANA'],
      },
    ],
    usergroups: [
      { id: SANDBOX_SRE_GROUP, handle: 'sre', users: ['U0ALICE'] },
      { id: SANDBOX_PAYMENTS_GROUP, handle: 'payments', users: ['U0CAROL', 'U0DANA'] },
    ],
  };
}
