import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks before a line is written. Tokens, secrets and signatures never reach a log,
 * whatever object they ride in on.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["x-slack-signature"]',
  'headers.cookie',
  'Token',
  '*.Token',
  'Signature',
  '*.Signature',
  'SubscribeURL',
  '*.SubscribeURL',
  'awsSecretAccessKey',
  '*.awsSecretAccessKey',
];

/** Secret-looking substrings inside free text (error messages, URLs). */
const SECRET_PATTERN = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)/g;

export function scrubSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, '[REDACTED]');
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'warroom' },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      formatters: {
        log: (object) => {
          const message = (object as { msg?: unknown }).msg;
          return typeof message === 'string' ? { ...object, msg: scrubSecrets(message) } : object;
        },
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}
