import type {
  AcceptPageRequest,
  DescribeEngagementResult,
  ListPagesByEngagementResult,
  StartEngagementRequest,
  StartEngagementResult,
  StopEngagementRequest,
} from '@aws-sdk/client-ssm-contacts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import {
  contactsNotFound,
  contactsValidation,
  requireContact,
  requireEngagement,
} from './contacts-errors.ts';

/** StartEngagement: one page to the contact; the same IdempotencyToken replays the first answer. */
export function startEngagement(
  input: Record<string, unknown>,
  context: HandlerContext,
): StartEngagementResult {
  const request = validatedInput<StartEngagementRequest>(input);
  requireContact(context, String(request.ContactId));
  const { IdempotencyToken: token, ...rest } = request;
  const mismatch = () => contactsValidation(`IdempotencyToken ${token} was used with other parameters`);
  return context.state.contacts.idempotency.run('StartEngagement', token, rest, mismatch, () => {
    const engagement = context.state.contacts.startEngagement({
      contactArn: String(request.ContactId),
      sender: String(request.Sender),
      subject: String(request.Subject),
      content: String(request.Content),
      publicSubject: request.PublicSubject,
      publicContent: request.PublicContent,
      incidentId: request.IncidentId,
    });
    return { EngagementArn: engagement.arn };
  });
}

/** StopEngagement: stopping twice is a validation error, as AWS answers. */
export function stopEngagement(
  input: Record<string, unknown>,
  context: HandlerContext,
): Record<string, never> {
  const request = validatedInput<StopEngagementRequest>(input);
  const engagement = requireEngagement(context, String(request.EngagementId));
  if (engagement.stopTime) throw contactsValidation(`Engagement ${engagement.arn} is already stopped`);
  engagement.stopTime = context.clock.now();
  engagement.stopReason = request.Reason;
  return {};
}

export function describeEngagement(
  input: Record<string, unknown>,
  context: HandlerContext,
): DescribeEngagementResult {
  const engagement = requireEngagement(context, String(input.EngagementId));
  return {
    ContactArn: engagement.contactArn,
    EngagementArn: engagement.arn,
    Sender: engagement.sender,
    Subject: engagement.subject,
    Content: engagement.content,
    PublicSubject: engagement.publicSubject,
    PublicContent: engagement.publicContent,
    IncidentId: engagement.incidentId,
    StartTime: engagement.startTime,
    StopTime: engagement.stopTime,
  };
}

export function listPagesByEngagement(
  input: Record<string, unknown>,
  context: HandlerContext,
): ListPagesByEngagementResult {
  const engagement = requireEngagement(context, String(input.EngagementId));
  return {
    Pages: context.state.contacts.pagesOf(engagement.arn).map((page) => ({
      PageArn: page.arn,
      EngagementArn: page.engagementArn,
      ContactArn: page.contactArn,
      Sender: page.sender,
      IncidentId: page.incidentId,
      SentTime: page.sentTime,
      DeliveryTime: page.deliveryTime,
      ReadTime: page.readTime,
    })),
  };
}

/** AcceptPage: READ sets ReadTime; ENFORCE is not emulated (no codes are sent), IGNORE accepts any. */
export function acceptPage(input: Record<string, unknown>, context: HandlerContext): Record<string, never> {
  const request = validatedInput<AcceptPageRequest>(input);
  const page = context.state.contacts.pages.get(String(request.PageId));
  if (!page) throw contactsNotFound('PAGE', String(request.PageId));
  if (request.AcceptType === 'READ') context.state.contacts.acceptPage(page.arn);
  else page.deliveryTime ??= context.clock.now();
  return {};
}
