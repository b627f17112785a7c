import type { BuildContext, BuiltNotification } from './build-context.ts';
import type { ChatbotSpec } from './notification-schema.ts';

/**
 * An AWS Chatbot custom notification (docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html):
 * `version` 1.0 and `source` custom are required, `content.description` is the body. Keys in the
 * order of shared/fixtures/payloads/chatbot-custom.json; absent optional fields are left out.
 */
export function buildChatbot(spec: ChatbotSpec, _context: BuildContext): BuiltNotification {
  const content = {
    textType: 'client-markdown',
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    description: spec.description,
    ...(spec.nextSteps ? { nextSteps: spec.nextSteps } : {}),
    ...(spec.keywords ? { keywords: spec.keywords } : {}),
  };
  const metadataEntries = {
    ...(spec.threadId !== undefined ? { threadId: spec.threadId } : {}),
    ...(spec.summary !== undefined ? { summary: spec.summary } : {}),
    ...(spec.eventType !== undefined ? { eventType: spec.eventType } : {}),
    ...(spec.relatedResources ? { relatedResources: spec.relatedResources } : {}),
    ...(spec.additionalContext ? { additionalContext: spec.additionalContext } : {}),
  };
  const notification = {
    version: '1.0',
    source: 'custom',
    ...(spec.id !== undefined ? { id: spec.id } : {}),
    content,
    ...(Object.keys(metadataEntries).length > 0
      ? { metadata: { ...metadataEntries, enableCustomActions: false } }
      : {}),
  };
  return { message: JSON.stringify(notification) };
}
