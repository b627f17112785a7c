/** The detail-type EventBridge gives CloudTrail management events. */
export const CLOUDTRAIL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/** The two envelope fields that say which EventBridge event a JSON body is. */
export interface EventBridgeHeader {
  source: string;
  detailType: string;
  detail: unknown;
}

/**
 * Reads the EventBridge envelope's `source` and `detail-type` without validating the rest, so a
 * parser can decide cheaply whether the event is its own before it validates strictly.
 */
export function readEventBridgeHeader(
  body: Record<string, unknown> | undefined,
): EventBridgeHeader | undefined {
  if (!body) return undefined;
  const source = body['source'];
  const detailType = body['detail-type'];
  if (typeof source !== 'string' || typeof detailType !== 'string') return undefined;
  return { source, detailType, detail: body['detail'] };
}

/** A field of an object-valued `detail`, when detail is an object. */
export function detailField(detail: unknown, key: string): unknown {
  return detail !== null && typeof detail === 'object' ? (detail as Record<string, unknown>)[key] : undefined;
}
