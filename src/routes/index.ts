/** The routes capability's public entry: which channel, policy and team a signal gets, and why. */
export { matchRoute } from './match-route.ts';
export { checkRouteOffline, readCapturedNotification } from './offline-route-check.ts';
export type { ResourceTags, Route, RouteConditions, RouteDecision, RouteFacts, RouteStep } from './route.ts';
export { buildRouteAnswerText } from './route-answer-text.ts';
export type { ExplainStyle } from './route-explanation.ts';
export { explainRoute } from './route-explanation.ts';
export type { AccountLookup } from './route-facts.ts';
export { routeFactsFor } from './route-facts.ts';
export {
  type ArnResource,
  DEFAULT_ROUTE_SIGNAL,
  type RouteAnswer,
  RouteInquiry,
  type RouteQuestion,
  type RouteSubject,
} from './route-inquiry.ts';
export type { RouteContext } from './route-problems.ts';
export { routeProblems } from './route-problems.ts';
export { SignalRouter } from './signal-router.ts';
export type { TagCacheLimits } from './tag-cache.ts';
export { createTagReader, type TagReader, type TagReaderDeps } from './tag-reader.ts';
