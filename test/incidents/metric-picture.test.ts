import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { MetricImages } from '../../src/aws/metric-images.ts';
import type { MetricWidget } from '../../src/aws/metric-widget.ts';
import { ManualClock } from '../../src/clock.ts';
import { BotError } from '../../src/errors.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import { MetricPicture, metricPictureKey } from '../../src/incidents/metric-picture.ts';
import type { FileUpload, MessageContent } from '../../src/slack/slack-gateway.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const ALERTS = 'C0ALERTS';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ALARM_AT = new Date('2026-11-22T08:58:30Z');
const ALARM_ARN = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-db-cpu-high';

/** Records what it was asked to draw; fails with `failWith` when set. */
class FakeMetricImages implements MetricImages {
  readonly widgets: MetricWidget[] = [];
  failWith: Error | undefined;
  async fetchPng(widget: MetricWidget): Promise<Uint8Array> {
    this.widgets.push(widget);
    if (this.failWith) throw this.failWith;
    return PNG;
  }
}

class FakeSlack {
  readonly uploads: FileUpload[] = [];
  readonly posts: MessageContent[] = [];
  failUploadWith: Error | undefined;
  async uploadFile(file: FileUpload) {
    if (this.failUploadWith) throw this.failUploadWith;
    this.uploads.push(file);
    return { fileId: `F${this.uploads.length}` };
  }
  async postMessage(content: MessageContent) {
    this.posts.push(content);
    return { ts: '2.000' };
  }
}

async function setUp(overrides: Partial<Incident> = {}, options: { posted?: boolean; path?: string } = {}) {
  const path = options.path ?? join(mkdtempSync(join(tmpdir(), 'warroom-picture-')), 'w.db');
  const store = new SqliteStore(path);
  const { seq: _seq, ...incident } = openIncident({
    correlation: { kind: 'alarm', value: ALARM_ARN },
    metric: {
      kind: 'single',
      namespace: 'AWS/RDS',
      name: 'CPUUtilization',
      dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
      stat: 'Average',
      period: 60,
      threshold: 80,
      comparison: 'GreaterThanThreshold',
    },
    ...overrides,
  });
  const { incident: created } = await store.createIncident(incident, {
    at: ALARM_AT,
    kind: 'opened',
    actor: 'aws:cloudwatch-alarm',
    text: incident.title,
    dedupeKey: 'sns:m1',
  });
  if (options.posted !== false) {
    await store.beginCardPost(created.seq, ALERTS, new Date());
    await store.recordCardPosted(created.seq, ALERTS, '1.000', 1);
  }
  return { store, seq: created.seq, path, ...wire(store) };
}

function wire(store: SqliteStore) {
  const images = new FakeMetricImages();
  const slack = new FakeSlack();
  const clock = new ManualClock('2026-11-22T10:00:00Z');
  const logger = pino({ level: 'silent' });
  const picture = new MetricPicture({
    store,
    slack,
    metricImages: images,
    clock,
    logger,
    alertChannel: ALERTS,
  });
  return { images, slack, picture };
}

describe('MetricPicture', () => {
  it('uploads the alarm’s metric around the alarm time into the card’s thread, once, and notes it', async () => {
    const { store, seq, images, slack, picture } = await setUp();
    await Promise.all([picture.ensure(seq), picture.ensure(seq)]);
    await picture.ensure(seq);
    expect(images.widgets).toHaveLength(1);
    expect(images.widgets[0]).toMatchObject({
      title: 'orders-db-cpu-high',
      region: 'us-east-1',
      annotations: { vertical: [{ value: ALARM_AT.toISOString(), label: 'Alarm' }] },
    });
    expect(slack.uploads).toHaveLength(1);
    expect(slack.uploads[0]).toMatchObject({ channel: ALERTS, threadTs: '1.000', bytes: PNG });
    expect(slack.uploads[0]?.initialComment).toContain('AWS/RDS CPUUtilization (Average)');
    const timeline = await store.listTimeline(seq);
    expect(timeline.filter((entry) => entry.dedupeKey === metricPictureKey(seq))).toHaveLength(1);
    expect((await store.getIncident(seq))?.version).toBe(1);
  });

  it('says the threshold in the metric’s human unit in the caption and the alt text', async () => {
    const { slack, seq, picture } = await setUp({
      metric: {
        kind: 'single',
        namespace: 'AWS/RDS',
        name: 'AuroraVolumeBytesLeftTotal',
        dimensions: [{ name: 'DBClusterIdentifier', value: 'payments-aurora' }],
        stat: 'Minimum',
        period: 300,
        threshold: 1099511627776,
        comparison: 'LessThanThreshold',
      },
    });
    await picture.ensure(seq);
    expect(slack.uploads[0]?.initialComment).toMatch(/, threshold 1 TiB\.$/);
    expect(slack.uploads[0]?.altText).toContain('with the threshold 1 TiB');
    expect(JSON.stringify(slack.uploads[0])).not.toContain('1099511627776');
  });

  it('fetches nothing after a restart once the picture is on the timeline', async () => {
    const first = await setUp();
    await first.picture.ensure(first.seq);
    first.store.close();
    const store = new SqliteStore(first.path);
    const again = wire(store);
    await again.picture.ensure(first.seq);
    expect(again.images.widgets).toEqual([]);
    expect(again.slack.uploads).toEqual([]);
  });

  it('says in the thread, in plain words, when CloudWatch refuses, and records nothing', async () => {
    const { store, seq, images, slack, picture } = await setUp();
    images.failWith = new BotError(
      'AWS.ACCESS_DENIED',
      'warroom is not allowed to make this CloudWatch call.',
    );
    await expect(picture.ensure(seq)).resolves.toBeUndefined();
    expect(slack.uploads).toEqual([]);
    expect(slack.posts).toEqual([
      {
        channel: ALERTS,
        threadTs: '1.000',
        text: "⚠️ Could not draw the alarm's metric: warroom is not allowed to make this CloudWatch call. It needs `cloudwatch:GetMetricWidgetImage`.",
      },
    ]);
    expect((await store.listTimeline(seq)).map((entry) => entry.kind)).toEqual(['opened']);
  });

  it('says so when Slack does not take the file, with what to do about it', async () => {
    const { seq, slack, picture } = await setUp();
    slack.failUploadWith = new BotError(
      'SLACK.NOT_IN_CHANNEL',
      'Slack refused files.completeUploadExternal: not_in_channel.',
    );
    await picture.ensure(seq);
    expect(slack.posts[0]?.text).toMatch(
      /^⚠️ Could not post the picture of the alarm's metric: .*not_in_channel.*Invite warroom/,
    );
  });

  it('does nothing for an incident without an alarm metric, or whose card is not posted yet', async () => {
    const rds = await setUp({ source: 'rds-event', metric: undefined });
    await rds.picture.ensure(rds.seq);
    expect(rds.images.widgets).toEqual([]);
    const unposted = await setUp({}, { posted: false });
    await unposted.picture.ensure(unposted.seq);
    expect(unposted.images.widgets).toEqual([]);
    expect(unposted.slack.posts).toEqual([]);
  });
});
