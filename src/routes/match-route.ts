import { matchesSignal } from '../signals/index.ts';
import type { Route, RouteConditions, RouteDecision, RouteFacts, RouteStep } from './route.ts';

/** A condition's verdict and the words that explain it. */
interface Check {
  holds: boolean;
  says: string;
}

const globMatches = (pattern: string, value: string) => matchesSignal(pattern, value);
const listed = (values: readonly string[]) => values.join(' or ');

function checkAccount(wanted: readonly string[], facts: RouteFacts): Check {
  const shown = facts.accountName
    ? `${facts.accountName} (${facts.accountId})`
    : (facts.accountId ?? 'unknown');
  const holds = wanted.some((value) => value === facts.accountId || value === facts.accountName);
  return { holds, says: `account ${shown} ${holds ? 'is' : 'is not'} ${listed(wanted)}` };
}

function checkValue(what: string, wanted: readonly string[], actual: string | undefined): Check {
  const holds = actual !== undefined && wanted.includes(actual);
  return { holds, says: `${what} ${actual ?? 'unknown'} ${holds ? 'is' : 'is not'} ${listed(wanted)}` };
}

function checkResource(wanted: readonly string[], name: string | undefined): Check {
  const holds = name !== undefined && wanted.some((pattern) => globMatches(pattern, name));
  return {
    holds,
    says: `resource ${name ?? 'unknown'} ${holds ? 'matches' : 'does not match'} ${listed(wanted)}`,
  };
}

function checkSignal(wanted: readonly string[], types: readonly string[]): Check {
  const hit = types.find((type) => wanted.some((pattern) => globMatches(pattern, type)));
  return hit
    ? { holds: true, says: `signal ${hit} matches ${listed(wanted)}` }
    : { holds: false, says: `signal ${types[0] ?? 'unknown'} does not match ${listed(wanted)}` };
}

function checkTags(wanted: Readonly<Record<string, readonly string[]>>, facts: RouteFacts): Check {
  if (facts.tags.state !== 'read') return { holds: false, says: 'the resource has no tags to read' };
  const tags = facts.tags.tags;
  for (const [key, values] of Object.entries(wanted)) {
    const actual = tags[key];
    const holds = actual !== undefined && values.some((value) => value === '*' || value === actual);
    if (!holds) {
      return {
        holds: false,
        says: `tag ${key} is ${actual === undefined ? 'not set' : actual}, not ${listed(values)}`,
      };
    }
  }
  const said = Object.keys(wanted).map((key) => `${key}=${tags[key]}`);
  return { holds: true, says: `tags ${said.join(', ')}` };
}

/** Each condition the route states, in the order people read them. */
function checks(when: RouteConditions, facts: RouteFacts): Check[] {
  const list: Check[] = [];
  if (when.account) list.push(checkAccount(when.account, facts));
  if (when.stage) list.push(checkValue('stage', when.stage, facts.stage));
  if (when.region) list.push(checkValue('Region', when.region, facts.region));
  if (when.resourceKind) list.push(checkValue('resource kind', when.resourceKind, facts.resourceKind));
  if (when.resource) list.push(checkResource(when.resource, facts.resourceName));
  if (when.signal) list.push(checkSignal(when.signal, facts.signalTypes));
  if (when.impactAtMost !== undefined) {
    const holds = facts.impact <= when.impactAtMost;
    list.push({
      holds,
      says: `impact ${facts.impact} is ${holds ? '' : 'not '}${when.impactAtMost} or more severe`,
    });
  }
  if (when.tags) list.push(checkTags(when.tags, facts));
  return list;
}

function tryRoute(route: Route, facts: RouteFacts): RouteStep {
  if (route.when.tags && facts.tags.state === 'failed') {
    return {
      route: route.name,
      outcome: 'needs-tags',
      because: ['it needs tags, which could not be read'],
    };
  }
  const results = checks(route.when, facts);
  const miss = results.find((check) => !check.holds);
  if (miss) return { route: route.name, outcome: 'missed', because: [miss.says] };
  return {
    route: route.name,
    outcome: 'matched',
    because: results.length > 0 ? results.map((check) => check.says) : ['it matches every signal'],
  };
}

/**
 * The first route whose every condition holds decides the channel, the policy and the team;
 * without one, the alert channel and `escalationRules` do. A route that needs tags when the tag
 * read failed is passed over (not guessed), and the decision says so, so the card can.
 */
export function matchRoute(routes: readonly Route[], facts: RouteFacts, alertChannel: string): RouteDecision {
  const steps: RouteStep[] = [];
  for (const route of routes) {
    const step = tryRoute(route, facts);
    steps.push(step);
    if (step.outcome !== 'matched') continue;
    return {
      route,
      channel: route.channel ?? alertChannel,
      ...(route.policy ? { policy: route.policy } : {}),
      ...(route.team ? { team: route.team } : {}),
      steps,
      ...tagsUnavailable(facts, steps),
    };
  }
  return { channel: alertChannel, steps, ...tagsUnavailable(facts, steps) };
}

function tagsUnavailable(facts: RouteFacts, steps: readonly RouteStep[]): { tagsUnavailable?: string } {
  if (facts.tags.state !== 'failed' || !steps.some((step) => step.outcome === 'needs-tags')) return {};
  return { tagsUnavailable: facts.tags.reason };
}
