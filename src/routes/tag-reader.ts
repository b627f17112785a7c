import type { ResourceTagsPort } from '../aws/resource-tags-port.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Resource } from '../signals/index.ts';
import type { ResourceTags } from './route.ts';
import { DEFAULT_TAG_CACHE_LIMITS, TagCache, type TagCacheLimits } from './tag-cache.ts';
import { describeTagFailure } from './tag-failure.ts';
import { findTagTarget } from './tag-target.ts';

export interface TagReaderDeps {
  tags: ResourceTagsPort;
  clock: Clock;
  logger?: Pick<Logger, 'warn'>;
  limits?: Partial<TagCacheLimits>;
  /** A read AWS has not answered within this is abandoned and reported as failed. */
  timeoutMs?: number;
}

/** Reads a signal's resource tags for routing; never throws. */
export interface TagReader {
  readTags(resource: Resource | undefined): Promise<ResourceTags>;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Tags from the resource itself: RDS ListTagsForResource for DB instances and clusters, CloudWatch
 * ListTagsForResource for alarms, remembered per ARN (5 min; a failure 30 s) and read once however
 * many signals ask at the same time. Other kinds, and no resource, are `none`. A refusal, throttle,
 * timeout or unknown ARN is `failed` with a reason a person can act on.
 */
export function createTagReader(deps: TagReaderDeps): TagReader {
  const limits = { ...DEFAULT_TAG_CACHE_LIMITS, ...deps.limits };
  const cache = new TagCache(deps.clock, limits);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    async readTags(resource) {
      if (!resource) return { state: 'none' };
      const found = findTagTarget(resource);
      if ('untagged' in found) return { state: 'none' };
      if ('problem' in found) return { state: 'failed', reason: found.problem };
      const { target } = found;
      // RDS identifiers are case-insensitive (ORDERS-DB is orders-db); alarm names are not.
      const key = target.service === 'rds' ? target.arn.toLowerCase() : target.arn;
      return cache.get(key, async () => {
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), timeoutMs);
        try {
          return { state: 'read', tags: await deps.tags.listTags(target, abort.signal) };
        } catch (error) {
          const reason = abort.signal.aborted
            ? `${target.service}:ListTagsForResource on ${target.arn} did not answer within ${timeoutMs / 1000} s`
            : describeTagFailure(error, target, limits.failureTtlMs);
          deps.logger?.warn({ err: error, arn: target.arn }, `tag read failed: ${reason}`);
          return { state: 'failed', reason };
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
