import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('createLogger', () => {
  it('redacts tokens, secrets and signatures in logged objects', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        config: { botToken: 'xoxb-1-secret', signingSecret: 'shh' },
        envelope: { Signature: 'abc', Token: 'sub-token', SubscribeURL: 'https://x' },
        headers: { authorization: 'Bearer xoxb-2', 'x-slack-signature': 'v0=1' },
      },
      'starting',
    );
    const line = lines.join('');
    for (const secret of ['xoxb-1-secret', 'shh', 'abc', 'sub-token', 'Bearer xoxb-2', 'v0=1']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[REDACTED]');
  });

  it('scrubs Slack tokens out of free-text messages', () => {
    const { lines, logger } = capture();
    logger.error('auth failed for xoxb-123-456-abcdef and xapp-1-A1-xyz');
    expect(lines.join('')).not.toMatch(/xox[bp]-|xapp-1/);
  });
});
