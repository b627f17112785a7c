import type { Impact } from '../incidents/index.ts';
import type { ResourceKind } from '../signals/index.ts';

/** The conditions of one route, as parsed from `routes[].when`: lists where the file allowed one. */
export interface RouteConditions {
  account?: readonly string[];
  stage?: readonly string[];
  region?: readonly string[];
  resourceKind?: readonly ResourceKind[];
  resource?: readonly string[];
  signal?: readonly string[];
  impactAtMost?: number;
  tags?: Readonly<Record<string, readonly string[]>>;
}

/** One entry of `routes:`; `name` is the configured one or `route <n>` (1-based). */
export interface Route {
  name: string;
  when: RouteConditions;
  channel?: string;
  policy?: string;
  team?: string;
}

/** A resource's tags as far as warroom could learn them. */
export type ResourceTags =
  | { state: 'read'; tags: Readonly<Record<string, string>> }
  /** AWS refused or failed the read: routes that need tags are passed over, visibly. */
  | { state: 'failed'; reason: string }
  /** Nothing to read: the signal names no taggable resource (tag conditions do not hold). */
  | { state: 'none' };

/** What is known about a signal when it is routed. */
export interface RouteFacts {
  accountId?: string;
  /** The account's name under `accounts:`, when it has one. */
  accountName?: string;
  stage?: string;
  region?: string;
  resourceKind?: ResourceKind;
  resourceName?: string;
  /** The signal's types (its own first): the route's `signal` condition holds if any matches. */
  signalTypes: readonly string[];
  impact: Impact;
  tags: ResourceTags;
}

/** How one route fared, in words `/incident route` shows. */
export interface RouteStep {
  route: string;
  outcome: 'matched' | 'missed' | 'needs-tags';
  /** For a match: every condition, as it held. For a miss: the first condition that did not. */
  because: string[];
}

/** Where a signal goes: its route (none: the defaults), channel, policy and team, and why. */
export interface RouteDecision {
  route?: Route;
  channel: string;
  /** Set by the route; otherwise `escalationRules` pick. */
  policy?: string;
  team?: string;
  steps: RouteStep[];
  /** Set when a tag read failed and routes that need tags were passed over: said on the card. */
  tagsUnavailable?: string;
}
