import type { z } from 'zod';
import { kindOfSlackBody, type SlackPayloadKind } from './slack-payload-kind.ts';
import {
  blockActionsSchema,
  commandSchema,
  eventCallbackSchema,
  globalShortcutSchema,
  messageShortcutSchema,
  optionsSchema,
  otherActionSchema,
  viewClosedSchema,
  viewSubmissionSchema,
} from './slack-payload-schemas.ts';

/** Who is behind a payload, as far as it says: enough to answer them, if anything. */
export interface PayloadSender {
  userId?: string;
  channelId?: string;
  responseUrl?: string;
}

export type PayloadCheck =
  | { ok: true; kind: SlackPayloadKind; type: string }
  | {
      ok: false;
      kind: SlackPayloadKind;
      /** body.type (or `command` / `event:<type>`) when readable, for the log. */
      type: string;
      /** The first problem, as `path: message`: short enough for a log line and a reply. */
      problem: string;
      sender: PayloadSender;
    };

/**
 * Checks a Slack payload (HTTP body or Socket Mode envelope payload) before Bolt or any listener
 * sees it. A body that fails is one Bolt would throw on, or one no listener could use.
 */
export function checkSlackPayload(body: unknown): PayloadCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const type = body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body;
    return { ok: false, kind: 'unknown', type, problem: `expected an object, got ${type}`, sender: {} };
  }
  const record = body as Record<string, unknown>;
  const kind = kindOfSlackBody(record);
  const type = describeType(kind, record);
  const schema = schemaFor(kind, record);
  if (!schema) {
    return { ok: false, kind, type, problem: 'not a Slack payload warroom knows', sender: senderOf(record) };
  }
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, kind, type };
  return { ok: false, kind, type, problem: describeIssue(parsed.error.issues[0]), sender: senderOf(record) };
}

function schemaFor(kind: SlackPayloadKind, body: Record<string, unknown>): z.ZodType | undefined {
  switch (kind) {
    case 'event':
      return eventCallbackSchema;
    case 'command':
      return commandSchema;
    case 'options':
      return optionsSchema;
    case 'action':
      return body['type'] === 'block_actions' ? blockActionsSchema : otherActionSchema;
    case 'shortcut':
      return body['type'] === 'shortcut' ? globalShortcutSchema : messageShortcutSchema;
    case 'view':
      return body['type'] === 'view_submission' ? viewSubmissionSchema : viewClosedSchema;
    case 'unknown':
      return undefined;
  }
}

function describeType(kind: SlackPayloadKind, body: Record<string, unknown>): string {
  if (kind === 'command') return 'command';
  if (kind === 'event') {
    const event = body['event'];
    const eventType =
      typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['type'] : undefined;
    return `event:${typeof eventType === 'string' ? eventType.slice(0, 40) : '?'}`;
  }
  return typeof body['type'] === 'string' ? body['type'].slice(0, 40) : kind;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unreadable';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Salvages who sent a payload that failed its check, from whatever fields are still readable. */
export function senderOf(body: Record<string, unknown>): PayloadSender {
  const user = field(body, 'user');
  const channel = field(body, 'channel');
  const container = field(body, 'container');
  const urls = body['response_urls'];
  const firstUrl = Array.isArray(urls) ? field(urls[0], 'response_url') : undefined;
  return {
    userId: text(field(user, 'id')) ?? text(body['user_id']),
    channelId: text(field(channel, 'id')) ?? text(field(container, 'channel_id')) ?? text(body['channel_id']),
    responseUrl: httpUrl(body['response_url']) ?? httpUrl(firstUrl),
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}
