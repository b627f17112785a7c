import type { Impact, IncidentRoute } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { Alert, Resource } from '../signals/index.ts';
import { matchRoute } from './match-route.ts';
import type { ResourceTags, Route, RouteDecision, RouteFacts } from './route.ts';
import { type AccountLookup, routeFactsFor } from './route-facts.ts';

export interface SignalRouterDeps {
  routes: readonly Route[];
  alertChannel: string;
  lookupAccount: AccountLookup;
  /** Reads (and caches) a resource's tags; never throws: a failure is `{ state: 'failed' }`. */
  readTags?: (resource: Resource) => Promise<ResourceTags>;
  logger: Logger;
}

/**
 * Decides, for a signal that may open an incident, where `routes:` sends it. Tags are read only
 * when some route needs them; without routes nothing is read and the defaults apply.
 */
export class SignalRouter {
  private readonly needsTags: boolean;

  constructor(private readonly deps: SignalRouterDeps) {
    this.needsTags = deps.routes.some((route) => route.when.tags !== undefined);
  }

  /** Whether any route is configured: without one, every signal takes the defaults. */
  get hasRoutes(): boolean {
    return this.deps.routes.length > 0;
  }

  /** Whether some route has a tag condition: only then are tags read. */
  get readsTags(): boolean {
    return this.needsTags;
  }

  get alertChannel(): string {
    return this.deps.alertChannel;
  }

  /**
   * The facts and the decision, exactly as `route` reaches them (the same tag reader and cache):
   * what `/incident route` shows.
   */
  async decide(
    alert: Pick<Alert, 'signalType' | 'otherSignalTypes' | 'resource'>,
    impact: Impact,
  ): Promise<{ facts: RouteFacts; decision: RouteDecision }> {
    const { routes, alertChannel, lookupAccount } = this.deps;
    const tags = await this.tagsOf(alert.resource);
    const facts = routeFactsFor(alert, impact, tags, lookupAccount);
    return { facts, decision: matchRoute(routes, facts, alertChannel) };
  }

  async route(alert: Alert, impact: Impact): Promise<IncidentRoute | undefined> {
    const { logger } = this.deps;
    if (!this.hasRoutes) return undefined;
    const { decision } = await this.decide(alert, impact);
    if (decision.tagsUnavailable) {
      logger.warn(
        { resource: alert.resource?.id, reason: decision.tagsUnavailable },
        'routes that need tags were passed over: the tag read failed',
      );
    }
    if (!decision.route && !decision.tagsUnavailable) return undefined;
    return {
      ...(decision.route ? { name: decision.route.name } : {}),
      ...(decision.route?.channel ? { channel: decision.route.channel } : {}),
      ...(decision.policy ? { policy: decision.policy } : {}),
      ...(decision.team ? { team: decision.team } : {}),
      ...(decision.tagsUnavailable ? { tagsUnavailable: decision.tagsUnavailable } : {}),
    };
  }

  private async tagsOf(resource: Resource | undefined): Promise<ResourceTags> {
    if (!this.needsTags || !resource) return { state: 'none' };
    if (!this.deps.readTags) return { state: 'failed', reason: 'warroom reads no tags in this set-up' };
    return this.deps.readTags(resource);
  }
}
