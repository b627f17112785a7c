import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import { describeHandoff, describeShift, type RotationConfig } from './rotation.ts';
import type { ShiftHolder, SsmOnCallResult } from './ssm-on-call.ts';
import type { OnCall } from './who-is-on-call.ts';

export interface RotationOnCall {
  name: string;
  rotation: RotationConfig;
  onCall: OnCall;
}

/** A rotation read from Incident Manager Contacts (`ssmRotation` / `ssmContact`). */
export interface SsmRotationOnCall {
  name: string;
  ssm: SsmOnCallResult;
}

export type ShownRotation = RotationOnCall | SsmRotationOnCall;

export interface OnCallMessage {
  text: string;
  blocks: KnownBlock[];
}

// Slack allows 50 blocks; one is the heading.
const MAX_ROTATIONS = 45;

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** `Mon 30 Mar 09:00 Europe/Berlin`: the hand-off on the rotation's own clock, with the zone named. */
export function formatZoned(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')} ${timeZone}`;
}

/** A hand-off: a Slack date token (each reader's own zone) and the time in the rotation's zone. */
function handoffAt(date: Date, timeZone: string): string {
  return `${slackDate(date)} (${formatZoned(date, timeZone)})`;
}

/** A contact on shift: its Slack user, else its alias in code. */
function holderText(holder: ShiftHolder): string {
  return holder.slackUser
    ? `<@${holder.slackUser}>`
    : `\`${escapeMrkdwn(holder.alias ?? holder.contactArn)}\``;
}

function ssmLines({ name, ssm }: SsmRotationOnCall): string {
  const heading = `*${escapeMrkdwn(name)}* (from Incident Manager Contacts)`;
  if (!ssm.ok) return `${heading}\n${ssm.reason}`;
  const { current, next } = ssm.onCall;
  return [
    heading,
    current ? `Now: ${holderText(current.holder)} · until ${handoffAt(current.until, 'UTC')}` : 'Now: nobody',
    next
      ? `Next: ${holderText(next.holder)} from ${handoffAt(next.from, 'UTC')}`
      : 'Next: nobody in the next 14 days',
  ].join('\n');
}

function summaryOf(shown: ShownRotation): string {
  if (!('ssm' in shown)) return `${shown.name}: <@${shown.onCall.current.userId}>`;
  if (!shown.ssm.ok) return `${shown.name}: unknown`;
  const holder = shown.ssm.onCall.current?.holder;
  return `${shown.name}: ${holder ? holderText(holder) : 'nobody'}`;
}

function rotationLines({ name, rotation, onCall }: RotationOnCall): string {
  const { current, next } = onCall;
  const zone = rotation.timezone;
  const heading =
    `*${escapeMrkdwn(name)}* · ${describeShift(rotation.shift)} shifts, hand-off ` +
    `${describeHandoff(rotation.handoff)} ${zone}`;
  const reason = current.override?.reason;
  const override = current.override
    ? ` · override${reason ? `: ${escapeMrkdwn(truncate(reason, 200))}` : ''}`
    : '';
  return [
    heading,
    `Now: <@${current.userId}>${override} · until ${handoffAt(current.until, zone)}`,
    `Next: <@${next.userId}> from ${handoffAt(next.from, zone)}`,
  ].join('\n');
}

/** Who is on call now and next, one section per rotation, in the order given. */
export function buildOnCallMessage(rotations: readonly ShownRotation[]): OnCallMessage {
  const shown = rotations.slice(0, MAX_ROTATIONS);
  const summary = shown.map(summaryOf).join(', ');
  const more = rotations.length - shown.length;
  const blocks = [
    section(rotations.length === 1 ? '*On call*' : `*On call* · ${rotations.length} rotations`),
    ...shown.map((rotation) => section('ssm' in rotation ? ssmLines(rotation) : rotationLines(rotation))),
  ];
  if (more > 0) blocks.push(section(`… and ${more} more: name one with \`/incident oncall <rotation>\``));
  return { text: `On call: ${summary}`, blocks };
}

/** The answer when warroom.yml has no rotations. */
export function buildNoRotationsText(): string {
  return (
    'No on-call rotation is configured. Add one under `oncall.rotations` in warroom.yml, e.g. ' +
    '`primary: { members: [U0ALICE, U0BOB], shift: 7d, handoff: "mon 09:00", timezone: Europe/Berlin }`.'
  );
}

/** The answer to a rotation name that is not configured. */
export function buildUnknownRotationText(name: string, known: readonly string[]): string {
  const shown = escapeMrkdwn(truncate(name, 50)).replace(/`/g, "'");
  const list = known.map((rotation) => `\`${rotation}\``).join(', ');
  return `There is no rotation \`${shown}\`.\nUsage: \`/incident oncall [rotation]\` — rotations: ${list}`;
}
