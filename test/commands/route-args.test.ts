import { describe, expect, it } from 'vitest';
import { routeCommand } from '../../commands/route.ts';

const DB_ARN = 'arn:aws:rds:eu-west-1:123456789012:db:orders-db';

describe('/incident route arguments', () => {
  it('reads an RDS DB instance ARN: kind, id, Region and account from the ARN', () => {
    expect(routeCommand.parse(DB_ARN)).toEqual({
      ok: true,
      args: {
        subject: {
          named: 'arn',
          resource: {
            kind: 'rds-instance',
            id: 'orders-db',
            arn: DB_ARN,
            region: 'eu-west-1',
            accountId: '123456789012',
          },
        },
      },
    });
  });

  it('reads a cluster ARN and a quoted alarm ARN whose name has spaces and colons', () => {
    const cluster = routeCommand.parse('arn:aws:rds:us-east-1:123456789012:cluster:orders');
    expect(cluster.ok && cluster.args.subject).toMatchObject({
      named: 'arn',
      resource: { kind: 'rds-cluster', id: 'orders' },
    });
    const alarm = routeCommand.parse('"arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-db CPU: high"');
    expect(alarm.ok && alarm.args.subject).toMatchObject({
      named: 'arn',
      resource: { kind: 'cloudwatch-alarm', id: 'orders-db CPU: high', region: 'us-east-1' },
    });
  });

  it('reads a bare name as a DB instance name, with signal= and impact= in any order', () => {
    expect(routeCommand.parse('impact=2 orders-db signal=rds-event:failover')).toEqual({
      ok: true,
      args: { subject: { named: 'name', id: 'orders-db' }, signalType: 'rds-event:failover', impact: 2 },
    });
  });

  it('names an RDS database in lower case, as RDS and its signals do', () => {
    const named = routeCommand.parse('Orders-DB');
    expect(named.ok && named.args.subject).toEqual({ named: 'name', id: 'orders-db' });
    const byArn = routeCommand.parse('arn:aws:rds:us-east-1:123456789012:cluster:Ledger');
    expect(byArn.ok && byArn.args.subject).toMatchObject({ resource: { kind: 'rds-cluster', id: 'ledger' } });
  });

  it.each([
    [
      '',
      'Name what to route: an RDS DB instance or cluster ARN, a CloudWatch alarm ARN, or a DB instance name.',
    ],
    [
      'signal=rds-event:failover',
      'Name what to route: an RDS DB instance or cluster ARN, a CloudWatch alarm ARN, or a DB instance name.',
    ],
    [
      'arn:aws:lambda:us-east-1:123456789012:function:checkout',
      '`arn:aws:lambda:us-east-1:123456789012:function:checkout`: `route` takes an RDS DB instance or cluster ARN, a CloudWatch alarm ARN, or a DB instance name, not lambda ARNs.',
    ],
    [
      'arn:aws:rds:us-east-1:123456789012:snapshot:nightly',
      '`arn:aws:rds:us-east-1:123456789012:snapshot:nightly`: `route` takes an RDS DB instance or cluster ARN, a CloudWatch alarm ARN, or a DB instance name, not rds snapshot ARNs.',
    ],
    [
      'arn:aws:rds:us-east-1:1234:db:orders-db',
      '`arn:aws:rds:us-east-1:1234:db:orders-db` is not a well-formed ARN: expected arn:aws:<service>:<region>:<account id>:<resource>.',
    ],
    [
      'arn:aws:rds:us-east-1:123456789012:db:orders--db',
      '`orders--db` is not an RDS DB identifier (a letter, then letters, digits and single hyphens).',
    ],
    [
      'orders_db!',
      '`orders_db!` is neither an ARN nor an RDS DB instance name: name an RDS DB instance or cluster ARN, a CloudWatch alarm ARN, or a DB instance name.',
    ],
    ['orders-db billing-db', 'Name one resource; `billing-db` is a second.'],
    [
      'orders-db impact=6',
      '`6` is not an impact: impact must be 1 (Critical), 2 (High), 3 (Medium), 4 (Low), 5 (No impact).',
    ],
    ['orders-db impact=', '`impact=` needs a value: signal=<type> or impact=<1-5>.'],
    [
      'orders-db signal=failover',
      '`failover` is not a signal type: write it as <source>:<kind>, e.g. rds-event:failover.',
    ],
    ['orders-db team=payments', '`team` is not an option: use signal=<type> or impact=<1-5>.'],
  ])('refuses %j, saying why', (text, problem) => {
    expect(routeCommand.parse(text)).toEqual({ ok: false, problem });
  });
});
