/** Who is on call: a Slack user, nobody, or a failure to read it (said in plain words in the thread). */
export interface OnCallLookup {
  userId?: string;
  failure?: string;
}

/**
 * Who is on call in a rotation at a moment. The on-call feature (src/paging, `oncall.rotations`)
 * provides it; until it is wired, `rotation:<name>` targets resolve to nobody and say so.
 */
export interface OnCallResolver {
  currentFor(rotation: string, at: Date): Promise<OnCallLookup>;
}

export const noOnCall: OnCallResolver = { currentFor: async () => ({}) };
