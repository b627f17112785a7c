import type { AwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';

/**
 * Client settings for the real SDK against the emulator: explicit endpoint and dummy credentials,
 * and one attempt so a simulated error reaches the test instead of being retried.
 */
export function sdkConfig(emulator: AwsEmulator, region = 'us-east-1') {
  return {
    region,
    endpoint: emulator.url,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    maxAttempts: 1,
  };
}

/** Awaits a promise that must reject and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as Record<string, unknown> & Error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}
