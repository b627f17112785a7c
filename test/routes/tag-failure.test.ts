import { describe, expect, it } from 'vitest';
import { toAwsBotError } from '../../src/aws/aws-error.ts';
import type { TaggedResource } from '../../src/aws/resource-tags-port.ts';
import { describeTagFailure } from '../../src/routes/tag-failure.ts';

const db: TaggedResource = {
  service: 'rds',
  arn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
  accountId: '123456789012',
  region: 'us-east-1',
};

/** An error shaped as the SDK throws it. */
function sdkError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode, requestId: 'req-1' } });
}

describe('describeTagFailure', () => {
  it("names AWS's error, the action and the ARN when AWS fails inside, and when warroom reads again", () => {
    const error = toAwsBotError(
      sdkError('InternalFailure', 'We encountered an internal error.', 500),
      'RDS',
      'ListTagsForResource',
    );
    expect(describeTagFailure(error, db, 30_000)).toBe(
      `rds:ListTagsForResource on ${db.arn} failed (InternalFailure: We encountered an internal error.); warroom reads them again in 30 s`,
    );
  });

  it('says the credentials were refused, not the permission, when the token has expired', () => {
    const error = toAwsBotError(
      sdkError('ExpiredTokenException', 'The security token included in the request is expired', 403),
      'RDS',
      'ListTagsForResource',
    );
    expect(describeTagFailure(error, db, 30_000)).toBe(
      `ExpiredTokenException: AWS refused warroom's credentials for rds:ListTagsForResource on ${db.arn}: The security token included in the request is expired`,
    );
  });

  it('describes a failure that is no AWS error at all by its message', () => {
    const reason = describeTagFailure(
      new Error('getaddrinfo ENOTFOUND rds.us-east-1.amazonaws.com'),
      db,
      30_000,
    );
    expect(reason).toBe(
      `rds:ListTagsForResource on ${db.arn} failed (Error: getaddrinfo ENOTFOUND rds.us-east-1.amazonaws.com); warroom reads them again in 30 s`,
    );
  });
});
