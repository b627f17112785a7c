import type { RotationConfig } from '../oncall/rotation.ts';
import { whoIsOnCall } from '../oncall/who-is-on-call.ts';
import type { OnCallResolver } from './on-call-resolver.ts';

/** `rotation:<name>` targets resolved from `oncall.rotations` in the YAML. */
export function configOnCall(rotations: Record<string, RotationConfig>): OnCallResolver {
  return {
    currentFor(rotation, at) {
      const config = rotations[rotation];
      return config ? whoIsOnCall(config, at).current.userId : undefined;
    },
  };
}
