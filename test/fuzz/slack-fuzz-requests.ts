import fc from 'fast-check';
import { ACTION_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { mutateJson, mutationsArb } from './mutate-json.ts';
import { buildSlackPayload, type SlackFuzzContext, type SlackFuzzPlan } from './slack-fuzz-payloads.ts';

const OLD_IDS = ['incident_ack', 'warroom_old_button', ''];
const VALUES = [
  JSON.stringify({ seq: 1, v: 1 }),
  JSON.stringify({ seq: 99, v: 1 }),
  'INC-1',
  'arn:aws:cloudwatch:x',
  '3',
  '',
];
const COMMAND_TEXTS = [
  'list',
  'show INC-1',
  'ack INC-1',
  'note INC-1 fuzz',
  'help',
  '',
  'timeline INC-1',
  'resolve INC-1 fixed',
  'nonsense',
];

/** Which payload, with which of warroom's ids (current and older), and how it is broken. */
export const slackPlanArb: fc.Arbitrary<SlackFuzzPlan> = fc.record({
  base: fc.nat(),
  userId: fc.constantFrom('U0ALICE', 'U0BOB', 'U0CAROL'),
  actionId: fc.constantFrom(...Object.values(ACTION_IDS), ...OLD_IDS),
  value: fc.constantFrom(...VALUES),
  callbackId: fc.constantFrom(...Object.values(VIEW_IDS), 'resolve_incident'),
  commandText: fc.constantFrom(...COMMAND_TEXTS),
  mutations: mutationsArb,
  cut: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 4000 }) }),
  swapContentType: fc.nat({ max: 9 }).map((roll) => roll === 0),
});

/** The finished body and content type of a plan: mutated, encoded, maybe truncated. */
export function buildSlackRequest(
  plan: SlackFuzzPlan,
  ctx: SlackFuzzContext,
): { body: string; contentType: string } {
  const built = buildSlackPayload(plan, ctx);
  const mutated = mutateJson(built.body, plan.mutations);
  let body: string;
  if (built.encoding === 'payload')
    body = new URLSearchParams({ payload: JSON.stringify(mutated) }).toString();
  else if (built.encoding === 'event') body = JSON.stringify(mutated);
  else body = encodeForm(mutated);
  const isForm = built.encoding !== 'event';
  const contentType =
    isForm !== plan.swapContentType ? 'application/x-www-form-urlencoded' : 'application/json';
  return { body: plan.cut === null ? body : body.slice(0, plan.cut), contentType };
}

/** Form fields as a mutated command would carry them: arrays repeat the key, objects are stringified. */
function encodeForm(fields: unknown): string {
  const form = new URLSearchParams();
  if (typeof fields !== 'object' || fields === null) return String(fields);
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined)
        form.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return form.toString();
}
