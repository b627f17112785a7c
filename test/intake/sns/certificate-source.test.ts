import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCertificateSource } from '../../../src/intake/sns/certificate-source.ts';
import { GENUINE_DIR } from './genuine-fixtures.ts';

const FILE = 'SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem';
const URL_A = `https://sns.us-east-1.amazonaws.com/${FILE}`;
const PEM = readFileSync(join(GENUINE_DIR, FILE), 'utf8');

/** A FetchPem double that records its calls and answers with `answer`. */
function createFakeFetchPem(answer: () => Promise<string> = async () => PEM) {
  const calls: string[] = [];
  const fetchPem = (url: string) => {
    calls.push(url);
    return answer();
  };
  return { calls, fetchPem };
}

describe('createCertificateSource', () => {
  it('reads a pinned certificate without fetching', async () => {
    const fake = createFakeFetchPem();
    const source = createCertificateSource({ pinnedDir: GENUINE_DIR, fetchPem: fake.fetchPem });
    await expect(source.get(URL_A, FILE)).resolves.toBe(PEM);
    expect(fake.calls).toEqual([]);
  });

  it('fetches when the pinned directory lacks the file', async () => {
    const fake = createFakeFetchPem();
    const source = createCertificateSource({
      pinnedDir: join(GENUINE_DIR, 'forger'),
      fetchPem: fake.fetchPem,
    });
    await expect(source.get(URL_A, FILE)).resolves.toBe(PEM);
    expect(fake.calls).toEqual([URL_A]);
  });

  it('fetches a URL once and answers later gets from the cache', async () => {
    const fake = createFakeFetchPem();
    const source = createCertificateSource({ fetchPem: fake.fetchPem });
    await source.get(URL_A, FILE);
    await expect(source.get(URL_A, FILE)).resolves.toBe(PEM);
    expect(fake.calls).toHaveLength(1);
  });

  it('fetches once for concurrent gets of the same URL', async () => {
    let release: (pem: string) => void = () => {};
    const fake = createFakeFetchPem(() => new Promise<string>((resolve) => (release = resolve)));
    const source = createCertificateSource({ fetchPem: fake.fetchPem });
    const gets = [source.get(URL_A, FILE), source.get(URL_A, FILE), source.get(URL_A, FILE)];
    release(PEM);
    await expect(Promise.all(gets)).resolves.toEqual([PEM, PEM, PEM]);
    expect(fake.calls).toHaveLength(1);
  });

  it.each([
    ['an HTML page', '<html><body>Not found</body></html>'],
    ['a PEM wrapped in XML', `<GetCertResponse>${PEM}</GetCertResponse>`],
    ['two certificates', `${PEM}${PEM}`],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'],
    [
      'an oversized body',
      `-----BEGIN CERTIFICATE-----\n${'A'.repeat(64).concat('\n').repeat(300)}-----END CERTIFICATE-----\n`,
    ],
    ['an empty body', ''],
  ])('refuses %s as cert_invalid and does not cache it', async (_name, body) => {
    const fake = createFakeFetchPem(async () => body);
    const source = createCertificateSource({ fetchPem: fake.fetchPem });
    await expect(source.get(URL_A, FILE)).rejects.toMatchObject({ reason: 'cert_invalid' });
    await expect(source.get(URL_A, FILE)).rejects.toMatchObject({ reason: 'cert_invalid' });
    expect(fake.calls).toHaveLength(2);
  });

  it('reports a failed fetch as cert_unavailable and retries on the next get', async () => {
    let fail = true;
    const fake = createFakeFetchPem(async () => {
      if (fail) throw new Error('ECONNRESET');
      return PEM;
    });
    const source = createCertificateSource({ fetchPem: fake.fetchPem });
    await expect(source.get(URL_A, FILE)).rejects.toMatchObject({ reason: 'cert_unavailable' });
    fail = false;
    await expect(source.get(URL_A, FILE)).resolves.toBe(PEM);
    expect(fake.calls).toHaveLength(2);
  });

  it('drops the oldest certificate beyond maxEntries', async () => {
    const fake = createFakeFetchPem();
    const source = createCertificateSource({ fetchPem: fake.fetchPem, maxEntries: 2 });
    const urls = ['us-east-1', 'us-east-2', 'us-west-2'].map(
      (region) => `https://sns.${region}.amazonaws.com/${FILE}`,
    );
    for (const url of urls) await source.get(url, FILE);
    await source.get(urls[2] ?? '', FILE);
    expect(fake.calls).toHaveLength(3);
    await source.get(urls[0] ?? '', FILE);
    expect(fake.calls).toHaveLength(4);
  });

  it('refuses a file name that could leave the pinned directory', async () => {
    const fake = createFakeFetchPem();
    const source = createCertificateSource({ pinnedDir: GENUINE_DIR, fetchPem: fake.fetchPem });
    await expect(source.get(URL_A, '../sns-genuine/x.pem')).rejects.toMatchObject({
      reason: 'cert_unavailable',
    });
    expect(fake.calls).toEqual([]);
  });
});
