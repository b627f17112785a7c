import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildSignedNotification } from '../../sandbox/sns/sign-sns-message.ts';
import { TEST_TOPIC_ARN } from '../support/warroom-harness.ts';
import { type Mutation, mutateJson, mutationsArb } from './mutate-json.ts';

/** The decoded Messages warroom parses (test/fixtures/payloads), each a JSON document to mutate. */
const MESSAGE_FIXTURES = [
  'cloudwatch-alarm-rds.message.json',
  'cloudwatch-alarm-metric-math.message.json',
  'rds-event.message.json',
  'eventbridge-rds-db-instance-event.json',
  'eventbridge-rds-snapshot.json',
  'eventbridge-rds-cluster-snapshot.json',
  'cloudtrail-create-db-cluster-snapshot.json',
  'cloudtrail-modify-db-snapshot-attribute.json',
  'incident-manager-cloudtrail-start-incident.json',
  'incident-manager-cloudtrail-update-incident-record-resolved.json',
  'chatbot-custom.json',
  'eventbridge-ssm-automation-execution.json',
].map(
  (name) =>
    JSON.parse(readFileSync(new URL(`../fixtures/payloads/${name}`, import.meta.url), 'utf8')) as unknown,
);

/**
 * valid: a well-formed, correctly signed notification that must end up carded.
 * resigned: a fixture Message mutated, then signed (authentic, but not what its parser expects).
 * tampered: a signed envelope mutated or cut after signing (must be refused, 4xx).
 */
export interface SnsFuzzPlan {
  kind: 'valid' | 'resigned' | 'tampered';
  fixture: number;
  mutations: Mutation[];
  cut: number | null;
}

export const snsPlanArb: fc.Arbitrary<SnsFuzzPlan> = fc.record({
  kind: fc.constantFrom('valid', 'resigned', 'tampered'),
  fixture: fc.nat(),
  mutations: mutationsArb,
  cut: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 3000 }) }),
});

export interface SnsFuzzRequest {
  body: string;
  /** Set for a valid notification: the title its card must show. */
  mustCard?: string;
}

let validCount = 0;

/** A valid notification no other is grouped with: an AWS Chatbot custom notification of its own. */
function validNotification(): SnsFuzzRequest {
  validCount += 1;
  const title = `Fuzz check ${validCount} ${randomUUID().slice(0, 8)}`;
  const message = {
    version: '1.0',
    source: 'custom',
    id: randomUUID(),
    content: {
      textType: 'client-markdown',
      title,
      description: 'A valid notification sent between fuzzed ones.',
    },
    metadata: { threadId: `fuzz-${randomUUID()}`, summary: title },
  };
  return {
    body: buildSignedNotification({ topicArn: TEST_TOPIC_ARN, message: JSON.stringify(message) }),
    mustCard: title,
  };
}

export function buildSnsRequest(plan: SnsFuzzPlan): SnsFuzzRequest {
  if (plan.kind === 'valid') return validNotification();
  const fixture = MESSAGE_FIXTURES[plan.fixture % MESSAGE_FIXTURES.length];
  if (plan.kind === 'resigned') {
    const text = JSON.stringify(mutateJson(fixture, plan.mutations));
    const message = plan.cut === null ? text : text.slice(0, plan.cut);
    return { body: buildSignedNotification({ topicArn: TEST_TOPIC_ARN, message: message || ' ' }) };
  }
  const signed = JSON.parse(
    buildSignedNotification({ topicArn: TEST_TOPIC_ARN, message: JSON.stringify(fixture) }),
  ) as Record<string, unknown>;
  const body = JSON.stringify(mutateJson(signed, plan.mutations));
  return { body: plan.cut === null ? body : body.slice(0, plan.cut) };
}
