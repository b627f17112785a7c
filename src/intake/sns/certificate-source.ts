import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FetchPem, fetchPemOverHttps } from './fetch-pem-over-https.ts';
import { isSinglePemCertificate } from './pem-certificate.ts';
import { SnsRejectedError } from './sns-rejected-error.ts';

/** Where SNS signing certificates come from. */
export interface CertificateSource {
  /**
   * The PEM of the certificate at `url`, whose last path segment is `fileName`. Call it only with a
   * URL that passed checkSigningCertUrl. Rejects with SnsRejectedError `cert_unavailable` (not found,
   * network) or `cert_invalid` (the body is not a single PEM certificate).
   */
  get(url: string, fileName: string): Promise<string>;
}

/** How createCertificateSource finds certificates. */
export interface CertificateSourceOptions {
  /** SNS_CERT_DIR: a directory of `SimpleNotificationService-<hex>.pem` files consulted before the network. */
  pinnedDir?: string | undefined;
  /** Defaults to fetchPemOverHttps. */
  fetchPem?: FetchPem;
  /** Most certificates kept in memory; defaults to 50. */
  maxEntries?: number;
}

// The URL check already allows only `SimpleNotificationService-<hex>.pem`; this guards other callers.
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A CertificateSource that reads the pinned directory first, else fetches, and caches by URL in
 * memory (single process, oldest dropped beyond `maxEntries`). Concurrent gets for one URL share a
 * single load; a failed load is forgotten so the next message retries.
 */
export function createCertificateSource(options: CertificateSourceOptions = {}): CertificateSource {
  const fetchPem = options.fetchPem ?? fetchPemOverHttps;
  const maxEntries = options.maxEntries ?? 50;
  // Holds settled and in-flight loads alike: a pending promise is what makes concurrent gets share.
  const cache = new Map<string, Promise<string>>();

  return {
    get(url, fileName) {
      const cached = cache.get(url);
      if (cached !== undefined) return cached;
      const loading = loadPem(url, fileName, options.pinnedDir, fetchPem);
      cache.set(url, loading);
      if (cache.size > maxEntries) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      loading.catch(() => {
        if (cache.get(url) === loading) cache.delete(url);
      });
      return loading;
    },
  };
}

async function loadPem(
  url: string,
  fileName: string,
  pinnedDir: string | undefined,
  fetchPem: FetchPem,
): Promise<string> {
  if (!SAFE_FILE_NAME.test(fileName)) {
    throw new SnsRejectedError('cert_unavailable', { detail: 'unsafe certificate file name' });
  }
  const pinned = pinnedDir === undefined ? undefined : await readPinned(pinnedDir, fileName);
  const pem = pinned ?? (await fetchRemote(url, fetchPem));
  if (!isSinglePemCertificate(pem)) {
    const origin = pinned === undefined ? 'fetched body' : 'pinned file';
    throw new SnsRejectedError('cert_invalid', { detail: `${origin} is not a single PEM certificate` });
  }
  return pem;
}

async function readPinned(dir: string, fileName: string): Promise<string | undefined> {
  try {
    return await readFile(join(dir, fileName), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SnsRejectedError('cert_unavailable', { cause, detail: 'pinned certificate unreadable' });
  }
}

async function fetchRemote(url: string, fetchPem: FetchPem): Promise<string> {
  try {
    return await fetchPem(url);
  } catch (cause) {
    if (cause instanceof SnsRejectedError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new SnsRejectedError('cert_unavailable', { cause, detail });
  }
}
