/** The routes capability's public entry: which channel, policy and team a signal gets, and why. */
export { matchRoute } from './match-route.ts';
export type { ResourceTags, Route, RouteConditions, RouteDecision, RouteFacts, RouteStep } from './route.ts';
export type { RouteContext } from './route-problems.ts';
export { routeProblems } from './route-problems.ts';
export type { TagCacheLimits } from './tag-cache.ts';
export { createTagReader, type TagReader, type TagReaderDeps } from './tag-reader.ts';
