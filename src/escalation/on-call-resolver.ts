/**
 * Who is on call in a rotation at a moment. The on-call feature (src/oncall, `oncall.rotations`)
 * provides it; until it is wired, `rotation:<name>` targets resolve to nobody and say so.
 */
export interface OnCallResolver {
  currentFor(rotation: string, at: Date): string | undefined;
}

export const noOnCall: OnCallResolver = { currentFor: () => undefined };
