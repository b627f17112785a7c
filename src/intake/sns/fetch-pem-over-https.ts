import { MAX_PEM_BYTES } from './pem-certificate.ts';

/** Fetches the text at an already-vetted certificate URL; rejects on any failure. */
export type FetchPem = (url: string) => Promise<string>;

/** Knobs of createHttpsPemFetcher; the defaults are the production settings. */
export interface HttpsPemFetcherOptions {
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: typeof globalThis.fetch;
  /** Whole request, headers and body; defaults to 5 s. */
  timeoutMs?: number;
  /** Bodies longer than this are abandoned mid-stream; defaults to MAX_PEM_BYTES (16 KiB). */
  maxBytes?: number;
}

/**
 * Builds a FetchPem that GETs an https URL with normal TLS verification, no redirects, a timeout and
 * a body cap, and returns the body as UTF-8 text. It does not judge the body: the certificate source
 * checks it is one PEM certificate.
 */
export function createHttpsPemFetcher(options: HttpsPemFetcherOptions = {}): FetchPem {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxBytes = options.maxBytes ?? MAX_PEM_BYTES;
  return async (url) => {
    if (!url.startsWith('https://'))
      throw new Error('refusing to fetch a certificate over anything but https');
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // A redirect would leave the host we vetted, so treat it as a failure.
    const response = await fetchImpl(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`certificate fetch answered HTTP ${response.status}`);
    return await readCappedText(response, maxBytes);
  };
}

/** The default FetchPem: global fetch, 5 s timeout, 16 KiB cap. */
export const fetchPemOverHttps: FetchPem = createHttpsPemFetcher();

async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`certificate body of ${declared} bytes exceeds ${maxBytes}`);
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Content-Length can lie or be absent, so count what actually arrives.
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`certificate body exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}
