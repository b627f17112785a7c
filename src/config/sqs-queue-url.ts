/** `<scheme>://<host>/<12-digit account>/<queue name>`, the form SQS hands out queue URLs in. */
const QUEUE_URL_PATH = /^\/\d{12}\/[A-Za-z0-9_-]{1,80}$/;

/** Why SQS_QUEUE_URL cannot be a queue URL, or undefined when it can. */
export function queueUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'expected an SQS queue URL';
  }
  if (!['https:', 'http:'].includes(url.protocol) || !QUEUE_URL_PATH.test(url.pathname) || url.search) {
    return 'expected an SQS queue URL like https://sqs.us-east-1.amazonaws.com/123456789012/warroom-intake (FIFO queues are not supported)';
  }
  return undefined;
}
