import { buildSigningCertName } from './signing-cert-name.ts';
import { buildSnsEndpointHost, isSnsRegion } from './sns-region.ts';

/** Outcome of checkSigningCertUrl; `reason` is for the log, never for the caller. */
export type SigningCertUrlCheck =
  | { ok: true; fileName: string; certName: string }
  | { ok: false; reason: string };

const EXPLICIT_PORT = /^https:\/\/[^/?#\\]*:/i;
const CERT_PATH = /^\/(SimpleNotificationService-[0-9a-f]{32}\.pem)$/;

/**
 * Decides whether `url` may be trusted as the `SigningCertURL` of a message whose signed TopicArn is
 * in `topicRegion`. Passes only `https://sns.<region>.amazonaws.com/SimpleNotificationService-<32 hex>.pem`
 * (`.amazonaws.com.cn` for `cn-` regions), written in canonical form: no credentials, port, query or
 * fragment, and nothing the URL parser would rewrite (case, backslashes, `..`, percent-escapes,
 * whitespace). On success `fileName` is the last path segment, safe to use as a file name, and
 * `certName` the DNS name AWS's certificate served from that host carries in its Region and partition.
 */
export function checkSigningCertUrl(url: string, topicRegion: string): SigningCertUrlCheck {
  if (!isSnsRegion(topicRegion)) return reject('topic region is not an AWS region');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return reject('not a URL');
  }
  if (parsed.protocol !== 'https:') return reject('not https');
  if (parsed.username !== '' || parsed.password !== '') return reject('has user info');
  // The parser forgets an explicit default port (`:443`), so look for any port in the text as well.
  if (parsed.port !== '' || EXPLICIT_PORT.test(url)) return reject('has a port');
  // `search` and `hash` are '' for a bare `?` or `#` too, so look at the text itself.
  if (url.includes('?')) return reject('has a query');
  if (url.includes('#')) return reject('has a fragment');
  // The parser lower-cases hosts, decodes %-escapes and IDN, resolves `..`, turns `\` into `/` and
  // strips tabs. Any of those means the text is not what SNS writes, so refuse rather than normalise.
  if (parsed.href !== url) return reject('not in canonical form');
  const expectedHost = buildSnsEndpointHost(topicRegion);
  if (parsed.hostname !== expectedHost) return reject(`host is not ${expectedHost}`);
  const fileName = CERT_PATH.exec(parsed.pathname)?.[1];
  if (fileName === undefined) return reject('path is not /SimpleNotificationService-<32 hex>.pem');
  return { ok: true, fileName, certName: buildSigningCertName(topicRegion) };
}

function reject(reason: string): SigningCertUrlCheck {
  return { ok: false, reason };
}
