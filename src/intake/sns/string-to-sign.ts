/** The fields SNS signs, by message type, with their JSON-decoded values. */
export type SnsSignedFields =
  | {
      Type: 'Notification';
      Message: string;
      MessageId: string;
      Subject?: string | undefined;
      Timestamp: string;
      TopicArn: string;
    }
  | {
      Type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
      Message: string;
      MessageId: string;
      SubscribeURL: string;
      Timestamp: string;
      Token: string;
      TopicArn: string;
    };

/**
 * Builds the exact text SNS signs: for each signed key in byte order, `key\nvalue\n`. Notification
 * signs Message, MessageId, Subject (only when present), Timestamp, TopicArn, Type; the two
 * confirmation types sign Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.
 * Values are used as decoded, so an escaped `\n` in the JSON is a real newline here.
 */
export function buildStringToSign(fields: SnsSignedFields): string {
  const pairs: Array<[string, string | undefined]> =
    fields.Type === 'Notification'
      ? [
          ['Message', fields.Message],
          ['MessageId', fields.MessageId],
          ['Subject', fields.Subject],
          ['Timestamp', fields.Timestamp],
          ['TopicArn', fields.TopicArn],
          ['Type', fields.Type],
        ]
      : [
          ['Message', fields.Message],
          ['MessageId', fields.MessageId],
          ['SubscribeURL', fields.SubscribeURL],
          ['Timestamp', fields.Timestamp],
          ['Token', fields.Token],
          ['TopicArn', fields.TopicArn],
          ['Type', fields.Type],
        ];
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `${key}\n${value}\n`)
    .join('');
}
