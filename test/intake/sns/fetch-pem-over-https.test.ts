import { describe, expect, it } from 'vitest';
import { createHttpsPemFetcher } from '../../../src/intake/sns/fetch-pem-over-https.ts';

const URL_A =
  'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem';

/** A fetch double answering every request with `response`, recording what it was asked. */
function createFakeFetch(response: () => Response) {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init });
    return response();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

describe('createHttpsPemFetcher', () => {
  it('returns the body, asking for no redirects and with a timeout signal', async () => {
    const fake = createFakeFetch(() => new Response('pem text'));
    await expect(createHttpsPemFetcher({ fetch: fake.fetch })(URL_A)).resolves.toBe('pem text');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.url).toBe(URL_A);
    expect(fake.requests[0]?.init?.redirect).toBe('error');
    expect(fake.requests[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('refuses a non-https URL without fetching', async () => {
    const fake = createFakeFetch(() => new Response('pem text'));
    await expect(
      createHttpsPemFetcher({ fetch: fake.fetch })('http://sns.us-east-1.amazonaws.com/x.pem'),
    ).rejects.toThrow(/https/);
    expect(fake.requests).toEqual([]);
  });

  it('rejects a non-2xx answer', async () => {
    const fake = createFakeFetch(() => new Response('denied', { status: 403 }));
    await expect(createHttpsPemFetcher({ fetch: fake.fetch })(URL_A)).rejects.toThrow(/403/);
  });

  it('rejects a body whose declared length is over the cap', async () => {
    const fake = createFakeFetch(() => new Response('x'.repeat(20), { headers: { 'content-length': '20' } }));
    await expect(createHttpsPemFetcher({ fetch: fake.fetch, maxBytes: 10 })(URL_A)).rejects.toThrow(
      /exceeds/,
    );
  });

  it('stops reading an undeclared body once it passes the cap', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(8));
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(chunk);
      },
    });
    const fake = createFakeFetch(() => new Response(stream));
    await expect(createHttpsPemFetcher({ fetch: fake.fetch, maxBytes: 20 })(URL_A)).rejects.toThrow(
      /exceeds/,
    );
    expect(pulls).toBeLessThan(10);
  });
});
