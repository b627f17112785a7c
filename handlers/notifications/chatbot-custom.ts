import { z } from 'zod';
import type { Impact } from '../../src/incidents/index.ts';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert, AlertFact, Correlation, Resource } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn, firstLine, truncate } from './alert-text.ts';
import { parseClaimed, parseJsonObject } from './message-schema.ts';
import type { NotificationParser } from './notification-parser.ts';
import { rdsResourceFromArn } from './rds-resource.ts';

/**
 * AWS Chatbot (Amazon Q Developer in chat applications) custom notification. `version` and
 * `source` are required by the schema, and every public example sets `content.description`.
 */
const chatbotCustomSchema = z.object({
  version: z.string(),
  source: z.literal('custom'),
  id: z.string().nullish(),
  content: z.object({
    textType: z.string().nullish(),
    title: z.string().nullish(),
    description: z.string(),
    nextSteps: z.array(z.string()).nullish(),
    keywords: z.array(z.string()).nullish(),
  }),
  metadata: z
    .object({
      threadId: z.string().nullish(),
      summary: z.string().nullish(),
      eventType: z.string().nullish(),
      relatedResources: z.array(z.string()).nullish(),
      additionalContext: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
});

type ChatbotCustom = z.output<typeof chatbotCustomSchema>;

/** Chatbot custom notifications: warroom reads them so a topic shared with Chatbot loses nothing. */
export const chatbotCustomParser: NotificationParser = {
  source: 'chatbot',
  async parse(notification) {
    return parseChatbotCustom(notification);
  },
};

export function parseChatbotCustom(notification: SnsNotification): Alert | undefined {
  const body = parseJsonObject(notification.message);
  if (body?.['source'] !== 'custom' || !('content' in body || 'version' in body)) return undefined;
  const message = parseClaimed(chatbotCustomSchema, body, 'an AWS Chatbot custom notification');

  const { content, metadata } = message;
  const severity = impactFromSeverity(metadata?.additionalContext?.['severity']);
  const resource = metadata?.relatedResources
    ?.map((arn) => rdsResourceFromArn(arn))
    .find((r): r is Resource => r?.kind === 'rds-instance' || r?.kind === 'rds-cluster');
  const correlation = correlationOf(message);
  const nextSteps = content.nextSteps?.length
    ? `\n*Next steps:*\n${content.nextSteps.map((step) => `• ${escapeMrkdwn(step)}`).join('\n')}`
    : '';
  return clampAlert({
    source: 'chatbot',
    signalType: 'chatbot:custom',
    title:
      content.title?.trim() ||
      metadata?.summary?.trim() ||
      firstLine(content.description) ||
      'Chatbot notification',
    detail: `${escapeMrkdwn(content.description)}${nextSteps}`,
    occurredAt: notification.timestamp,
    ...(resource ? { resource } : {}),
    ...(correlation ? { correlation } : {}),
    ...(severity ? { suggestedImpact: severity } : {}),
    facts: factsOf(message),
  });
}

/** `2`, `"2"`, `"SEV2"`, `"sev-2"` → 2; anything outside 1..5 → undefined. */
export function impactFromSeverity(value: unknown): Impact | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(?:sev[-\s]?)?([1-5])$/i.exec(text);
  return match ? (Number(match[1]) as Impact) : undefined;
}

/** Chatbot threads on threadId; without one, identical keyword sets are the best grouping hint. */
function correlationOf(message: ChatbotCustom): Correlation | undefined {
  const threadId = message.metadata?.threadId?.trim();
  if (threadId) return { kind: 'chatbot-thread', value: threadId };
  const keywords = message.content.keywords?.map((k) => k.trim()).filter(Boolean);
  if (keywords?.length) return { kind: 'chatbot-keywords', value: [...keywords].sort().join(',') };
  return undefined;
}

function factsOf(message: ChatbotCustom): AlertFact[] {
  const { metadata, content } = message;
  const facts: AlertFact[] = [];
  if (metadata?.eventType) facts.push({ label: 'Event type', value: metadata.eventType });
  if (content.keywords?.length) facts.push({ label: 'Keywords', value: content.keywords.join(', ') });
  for (const [key, value] of Object.entries(metadata?.additionalContext ?? {})) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    facts.push({ label: key, value: truncate(text ?? '', 300) });
  }
  if (metadata?.relatedResources?.length) {
    facts.push({ label: 'Related resources', value: truncate(metadata.relatedResources.join(', '), 500) });
  }
  return facts;
}
