import type { OnCallResolver } from './on-call-resolver.ts';
import { isSsmRotation, type OnCallRotation } from './rotation.ts';
import type { SsmOnCallReader } from './ssm-on-call.ts';
import { whoIsOnCall } from './who-is-on-call.ts';

/**
 * `rotation:<name>` targets resolved from `oncall.rotations` in the YAML; `ssmRotation`/`ssmContact`
 * rotations are read from Incident Manager Contacts (without it, they fail in plain words).
 */
export function configOnCall(
  rotations: Record<string, OnCallRotation>,
  ssm?: SsmOnCallReader,
): OnCallResolver {
  return {
    async currentFor(rotation, at) {
      const config = rotations[rotation];
      if (!config) return {};
      if (!isSsmRotation(config)) return { userId: whoIsOnCall(config, at).current.userId };
      if (!ssm)
        return { failure: 'Incident Manager Contacts is not configured, so its rotation cannot be read' };
      const result = await ssm.read(config, at);
      if (!result.ok) return { failure: result.reason };
      const holder = result.onCall.current?.holder;
      if (holder && !holder.slackUser) {
        return { failure: `no Slack user has the email of contact \`${holder.alias ?? holder.contactArn}\`` };
      }
      return { userId: holder?.slackUser };
    },
  };
}
