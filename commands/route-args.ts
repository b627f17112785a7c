import { z } from 'zod';
import type { Impact } from '../src/incidents/index.ts';
import type { ArnResource, RouteQuestion } from '../src/routes/index.ts';
import { IMPACT_HINT, impactWord, quote } from './parse-args.ts';

const WHAT = 'an RDS DB instance or cluster ARN, a CloudWatch alarm ARN, or a DB instance name';

/** arn:partition:service:region:account:resource. */
const ARN = /^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):(.+)$/;

/** RDS DB identifiers: a letter, then letters, digits and single hyphens, at most 63 characters. */
const DB_NAME = /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$/;

/** A signal type as the policy table keys it: `<source>:<kind>`, e.g. `rds-event:failover`. */
const SIGNAL_TYPE = /^[a-z][a-z-]*:[A-Za-z0-9_:.-]+$/;

function resourceOfArn(arn: string): ArnResource | string {
  const parts = ARN.exec(arn);
  if (!parts) {
    return `${quote(arn)} is not a well-formed ARN: expected arn:aws:<service>:<region>:<account id>:<resource>.`;
  }
  const [, , service, region = '', accountId = '', rest = ''] = parts;
  const place = { arn, region, accountId };
  const [type, id, extra] = rest.split(':');
  if (service === 'rds' && (type === 'db' || type === 'cluster') && id && extra === undefined) {
    if (!DB_NAME.test(id) || id.length > 63 || id.endsWith('-')) {
      return `${quote(id)} is not an RDS DB identifier (a letter, then letters, digits and single hyphens).`;
    }
    // RDS identifiers are case-insensitive and RDS reports them in lower case, as signals name them.
    return { kind: type === 'db' ? 'rds-instance' : 'rds-cluster', id: id.toLowerCase(), ...place };
  }
  if (service === 'cloudwatch' && type === 'alarm' && rest.length > 'alarm:'.length) {
    return { kind: 'cloudwatch-alarm', id: rest.slice('alarm:'.length), ...place };
  }
  const named =
    service === 'rds' || service === 'cloudwatch' ? `${service} ${type ?? ''} ARNs` : `${service} ARNs`;
  return `${quote(arn)}: \`route\` takes ${WHAT}, not ${named}.`;
}

/** `<resource or ARN> [signal=<type>] [impact=<1-5>]`, in any order after the resource. */
export const routeArgs = z.array(z.string()).transform((words, ctx): RouteQuestion => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const options = words.filter((word) => word.includes('='));
  const named = words.filter((word) => !word.includes('='));
  if (named.length === 0) return fail(`Name what to route: ${WHAT}.`);
  if (named.length > 1) return fail(`Name one resource; ${quote(named[1] ?? '')} is a second.`);
  const given = named[0] ?? '';
  let signalType: string | undefined;
  let impact: Impact | undefined;
  for (const option of options) {
    const [key = '', ...value] = option.split('=');
    const text = value.join('=');
    if ((key === 'signal' || key === 'impact') && text === '') {
      return fail(`\`${key}=\` needs a value: signal=<type> or impact=<1-5>.`);
    }
    if (key === 'signal') {
      if (!SIGNAL_TYPE.test(text)) {
        return fail(
          `${quote(text)} is not a signal type: write it as <source>:<kind>, e.g. rds-event:failover.`,
        );
      }
      signalType = text;
    } else if (key === 'impact') {
      const parsed = impactWord.safeParse(text);
      if (!parsed.success) return fail(`${quote(text)} is not an impact: ${IMPACT_HINT}.`);
      impact = parsed.data;
    } else {
      return fail(`${quote(key)} is not an option: use signal=<type> or impact=<1-5>.`);
    }
  }
  const extras = { ...(signalType ? { signalType } : {}), ...(impact ? { impact } : {}) };
  if (given.toLowerCase().startsWith('arn:')) {
    const resource = resourceOfArn(given);
    if (typeof resource === 'string') return fail(resource);
    return { subject: { named: 'arn', resource }, ...extras };
  }
  if (!DB_NAME.test(given) || given.length > 63 || given.endsWith('-')) {
    return fail(`${quote(given)} is neither an ARN nor an RDS DB instance name: name ${WHAT}.`);
  }
  return { subject: { named: 'name', id: given.toLowerCase() }, ...extras };
});
