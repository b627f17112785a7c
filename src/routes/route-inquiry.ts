import { isBotError } from '../errors.ts';
import type { Impact } from '../incidents/index.ts';
import { decideSignal, type Resource, type SignalEffect, type SignalPolicyRule } from '../signals/index.ts';
import type { RouteDecision, RouteFacts } from './route.ts';
import type { SignalRouter } from './signal-router.ts';
import { findTagTarget } from './tag-target.ts';

/** A resource named by its ARN: kind, id, Region and account all come from the ARN. */
export type ArnResource = Resource & { arn: string; region: string; accountId: string };

/** What `/incident route` asks about: a resource by ARN, or an RDS DB instance by name alone. */
export type RouteSubject = { named: 'arn'; resource: ArnResource } | { named: 'name'; id: string };

export interface RouteQuestion {
  subject: RouteSubject;
  /** Absent: {@link DEFAULT_ROUTE_SIGNAL}. */
  signalType?: string;
  /** Absent: the impact the signal policy gives that signal. */
  impact?: Impact;
}

/** The signal asked about when none is named: an alarm going off, the commonest way in. */
export const DEFAULT_ROUTE_SIGNAL = 'cloudwatch-alarm:ALARM';

export type RouteAnswer =
  | { outcome: 'no-routes'; alertChannel: string }
  | { outcome: 'no-such-database'; id: string; region: string }
  | {
      outcome: 'routed';
      facts: RouteFacts;
      decision: RouteDecision;
      alertChannel: string;
      /** Set when only a name was given: the Region it was looked up in (warroom's). */
      assumedRegion?: string;
      signalDefaulted: boolean;
      impactFrom: 'given' | 'policy';
      /** What the signal policy makes of the signal: only some effects open an incident. */
      effect: SignalEffect;
      /** Whether any route has a tag condition (intake reads tags only then). */
      readsTags: boolean;
      /** The ARN whose tags were read, when they were. */
      tagArn?: string;
    };

export interface RouteInquiryDeps {
  /** The router intake uses, with its tag reader and cache: the answer is what intake would do. */
  router: SignalRouter;
  signalRules: readonly SignalPolicyRule[];
  /** warroom's own Region, where a bare DB name is looked up. */
  region: string;
  /** RDS DescribeDBInstances in warroom's account and Region; throws BotError `AWS.NOT_FOUND`. */
  describeInstance(id: string): Promise<{ arn?: string }>;
}

const ARN_PLACE = /^arn:[a-z-]+:[a-z0-9-]+:([a-z0-9-]+):(\d{12}):/;

/**
 * Answers "where would a signal about this resource go, and why": the route, channel, policy and
 * team `routes:` would give it, with the tags read through intake's own reader.
 */
export class RouteInquiry {
  constructor(private readonly deps: RouteInquiryDeps) {}

  async ask(question: RouteQuestion): Promise<RouteAnswer> {
    const { router, signalRules } = this.deps;
    if (!router.hasRoutes) return { outcome: 'no-routes', alertChannel: router.alertChannel };
    const found = await this.resourceOf(question.subject);
    if ('missing' in found) return found.missing;
    const signalType = question.signalType ?? DEFAULT_ROUTE_SIGNAL;
    const policy = decideSignal([signalType], undefined, signalRules);
    const impact = question.impact ?? policy.impact;
    const { facts, decision } = await router.decide({ signalType, resource: found.resource }, impact);
    const target = findTagTarget(found.resource);
    return {
      outcome: 'routed',
      facts,
      decision,
      alertChannel: router.alertChannel,
      ...(question.subject.named === 'name' ? { assumedRegion: this.deps.region } : {}),
      signalDefaulted: question.signalType === undefined,
      impactFrom: question.impact === undefined ? 'policy' : 'given',
      effect: policy.effect,
      readsTags: router.readsTags,
      ...(facts.tags.state === 'read' && 'target' in target ? { tagArn: target.target.arn } : {}),
    };
  }

  /** A bare name is an RDS DB instance in warroom's account and Region; RDS names its ARN. */
  private async resourceOf(
    subject: RouteSubject,
  ): Promise<{ resource: Resource } | { missing: RouteAnswer & { outcome: 'no-such-database' } }> {
    if (subject.named === 'arn') return { resource: subject.resource };
    const { region } = this.deps;
    try {
      const { arn } = await this.deps.describeInstance(subject.id);
      const place = ARN_PLACE.exec(arn ?? '');
      const resource: Resource = {
        kind: 'rds-instance',
        id: subject.id,
        region: place?.[1] ?? region,
        ...(arn ? { arn } : {}),
        ...(place?.[2] ? { accountId: place[2] } : {}),
      };
      return { resource };
    } catch (error) {
      if (isBotError(error) && error.code === 'AWS.NOT_FOUND') {
        return { missing: { outcome: 'no-such-database', id: subject.id, region } };
      }
      throw error;
    }
  }
}
