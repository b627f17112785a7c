import type { MetricImages } from '../aws/metric-images.ts';
import { buildMetricWidget, type MetricWidget } from '../aws/metric-widget.ts';
import type { Clock } from '../clock.ts';
import { toBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AlarmMetric } from '../signals/index.ts';
import { alarmMetricUnit, formatMetricValue } from '../signals/index.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { annotation } from './annotation.ts';
import { homeChannelOf } from './home-channel.ts';
import type { Incident } from './incident.ts';

export interface MetricPictureDeps {
  store: Store;
  slack: Pick<SlackGateway, 'uploadFile' | 'postMessage'>;
  metricImages: MetricImages;
  /** The metric images of an incident's account (its role's, `accounts:`) and Region; absent: `metricImages`. */
  metricImagesFor?: (incident: Incident) => MetricImages;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
}

/** The dedupe key of the timeline entry that records the picture: one per incident, ever. */
export function metricPictureKey(seq: number): string {
  return `metric-picture:${seq}`;
}

type Thread = { channel: string; threadTs: string };

/** What to do about the failures people can fix themselves. */
const HINTS: Record<string, string> = {
  'AWS.ACCESS_DENIED': ' It needs `cloudwatch:GetMetricWidgetImage`.',
  // Cards reach the channel through chat:write.public; sharing a file needs membership.
  'SLACK.NOT_IN_CHANNEL': ' Invite warroom to this channel so later alarms get their picture.',
};

/**
 * Puts a picture of the alarm's metric around the alarm time (CloudWatch GetMetricWidgetImage) in
 * the thread of an alarm incident's alert-channel card, once per incident: the timeline entry is
 * looked for before anything is fetched, so a restart or a second call uploads nothing new. A
 * failure is logged and said in the thread in plain words; it never reaches the caller.
 */
export class MetricPicture {
  /** Incidents being pictured now: a second request while one runs would upload twice. */
  private readonly drawing = new Set<number>();

  constructor(private readonly deps: MetricPictureDeps) {}

  async ensure(seq: number): Promise<void> {
    if (this.drawing.has(seq)) return;
    this.drawing.add(seq);
    try {
      await this.draw(seq);
    } catch (error) {
      this.deps.logger.warn({ err: error, incidentSeq: seq }, 'could not picture the alarm metric');
    } finally {
      this.drawing.delete(seq);
    }
  }

  private async draw(seq: number): Promise<void> {
    const { store, slack, clock } = this.deps;
    const incident = await store.getIncident(seq);
    if (incident?.source !== 'cloudwatch-alarm' || !incident.metric) return;
    // The alarm's metric lives in the incident's account and Region: read it there.
    const metricImages = this.deps.metricImagesFor?.(incident) ?? this.deps.metricImages;
    const channel = homeChannelOf(incident, this.deps.alertChannel);
    const card = await store.getCard(seq, channel);
    if (!card?.ts) return;
    const timeline = await store.listTimeline(seq);
    if (timeline.some((entry) => entry.dedupeKey === metricPictureKey(seq))) return;
    // The opening entry carries the alarm's StateChangeTime; openedAt is when warroom heard of it.
    const alarmAt = timeline.find((entry) => entry.kind === 'opened')?.at ?? incident.openedAt;
    const name = alarmNameOf(incident);
    const widget = buildMetricWidget({
      metric: incident.metric,
      title: name,
      alarmAt,
      now: clock.now(),
      ...(incident.region ? { region: incident.region } : {}),
    });
    const thread = { channel: card.channel, threadTs: card.ts };
    let bytes: Uint8Array;
    try {
      bytes = await metricImages.fetchPng(widget);
    } catch (error) {
      return this.tell(thread, seq, "Could not draw the alarm's metric", error);
    }
    try {
      await slack.uploadFile({
        ...thread,
        filename: `alarm-metric-${seq}.png`,
        title: `${name}: metric around the alarm`,
        bytes,
        initialComment: commentFor(incident.metric, alarmAt),
        altText: altTextFor(incident.metric, widget),
      });
    } catch (error) {
      return this.tell(thread, seq, "Could not post the picture of the alarm's metric", error);
    }
    await this.record(seq);
  }

  private async record(seq: number): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.mutateIncident(
      seq,
      now,
      annotation(now, 'warroom', "pictured the alarm's metric in the card's thread"),
      metricPictureKey(seq),
    );
  }

  private async tell(thread: Thread, seq: number, what: string, error: unknown): Promise<void> {
    const coded = toBotError(error);
    this.deps.logger.warn({ err: error, incidentSeq: seq, code: coded.code }, what);
    const hint = HINTS[coded.code] ?? '';
    await this.deps.slack.postMessage({ ...thread, text: `⚠️ ${what}: ${coded.userMessage}${hint}` });
  }
}

/** The alarm's name from the correlation (an alarm ARN or name), else the incident's title. */
function alarmNameOf(incident: Incident): string {
  const value = incident.correlation?.kind === 'alarm' ? incident.correlation.value : undefined;
  if (!value) return incident.title;
  const at = value.indexOf(':alarm:');
  return at >= 0 ? value.slice(at + ':alarm:'.length) : value;
}

function metricLabel(metric: AlarmMetric): string {
  if (metric.kind === 'single') return `${metric.namespace} ${metric.name} (${metric.stat})`;
  const evaluated = metric.queries.find((query) => query.returnData === true) ?? metric.queries[0];
  return evaluated?.label ?? evaluated?.expression ?? evaluated?.metric?.name ?? 'metric math';
}

/** The threshold in human units (`1 TiB`, `250 ms`) when the metric's unit is known. */
function thresholdOf(metric: AlarmMetric): string | undefined {
  return metric.threshold === undefined
    ? undefined
    : formatMetricValue(metric.threshold, alarmMetricUnit(metric));
}

function commentFor(metric: AlarmMetric, alarmAt: Date): string {
  const value = thresholdOf(metric);
  const threshold = value === undefined ? '' : `, threshold ${value}`;
  return `📈 ${escapeMrkdwn(metricLabel(metric))} around the alarm at ${slackDate(alarmAt)}${threshold}.`;
}

function altTextFor(metric: AlarmMetric, widget: MetricWidget): string {
  const value = thresholdOf(metric);
  const threshold = value === undefined ? '' : ` with the threshold ${value}`;
  // Slack takes at most 1,000 characters of alt text.
  return truncate(
    `Line chart of ${metricLabel(metric)} from ${widget.start} to ${widget.end}${threshold}`,
    1000,
  );
}
