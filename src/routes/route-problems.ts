import type { Route, RouteConditions } from './route.ts';

/** What the config checks need to know besides the routes. */
export interface RouteContext {
  policies: readonly string[];
  /** Account ids and names under `accounts:`, with their stages. */
  accounts: ReadonlyArray<{ id: string; name?: string; stage?: string }>;
}

const isCatchAll = (when: RouteConditions) => Object.values(when).every((value) => value === undefined);

/** Conditions compared as data, so a route repeating an earlier one's conditions is found. */
function sameConditions(a: RouteConditions, b: RouteConditions): boolean {
  const canonical = (when: RouteConditions) =>
    JSON.stringify(
      Object.entries(when)
        .filter(([, value]) => value !== undefined)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return canonical(a) === canonical(b);
}

/**
 * Routes that can never match or point nowhere, one line each in the config loader's
 * `key: problem` form: a route after one that matches everything or with the same conditions as
 * an earlier one, a policy that is not under `escalation`, an account or stage `accounts:` does
 * not know (once `accounts:` names any).
 */
export function routeProblems(routes: readonly Route[], context: RouteContext): string[] {
  const problems: string[] = [];
  routes.forEach((route, index) => {
    const key = `routes.${index}`;
    const earlier = routes.slice(0, index);
    const catchAll = earlier.findIndex((other) => isCatchAll(other.when));
    const twin = earlier.findIndex((other) => sameConditions(other.when, route.when));
    if (catchAll >= 0) {
      problems.push(
        `${key}: can never match: routes.${catchAll} (${routes[catchAll]?.name}) before it matches every signal`,
      );
    } else if (twin >= 0) {
      problems.push(
        `${key}: can never match: routes.${twin} (${routes[twin]?.name}) before it has the same conditions`,
      );
    }
    if (route.policy && !context.policies.includes(route.policy)) {
      problems.push(
        `${key}.policy: expected one of the policies under escalation, "${route.policy}" is not one`,
      );
    }
    problems.push(...accountProblems(key, route.when, context));
  });
  return problems;
}

function accountProblems(key: string, when: RouteConditions, context: RouteContext): string[] {
  if (context.accounts.length === 0) return [];
  const problems: string[] = [];
  for (const account of when.account ?? []) {
    const known = /^\d{12}$/.test(account) || context.accounts.some((entry) => entry.name === account);
    if (!known)
      problems.push(`${key}.when.account: "${account}" is neither an account id nor a name under accounts`);
  }
  for (const stage of when.stage ?? []) {
    if (!context.accounts.some((entry) => entry.stage === stage)) {
      problems.push(`${key}.when.stage: no account under accounts has stage "${stage}"`);
    }
  }
  return problems;
}
