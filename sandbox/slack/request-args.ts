import type { IncomingHttpHeaders } from 'node:http';
import { SlackApiError } from './api-error.ts';
import { isJsonObject } from './arg-readers.ts';
import type { CallArgs } from './types.ts';

/**
 * Turns an HTTP request into Web API arguments and a token, accepting what Slack accepts:
 * query-string arguments, and a POST body that is form-urlencoded, multipart or JSON.
 * The token comes from `Authorization: Bearer …`, or from a `token` form field; like Slack, a
 * token inside a JSON body or a query string is not accepted (→ `not_authed`).
 */
export interface RequestArgs {
  args: CallArgs;
  token?: string;
}

export async function readRequestArgs(headers: IncomingHttpHeaders, query: URLSearchParams, body: Buffer) {
  const args: CallArgs = {};
  for (const [key, value] of query) if (key !== 'token') args[key] = value;
  const { fields, formToken } = await readBody(headers['content-type'], body);
  Object.assign(args, fields);
  const result: RequestArgs = { args };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  const token = bearer ?? formToken;
  if (token) result.token = token;
  return result;
}

async function readBody(
  contentType: string | undefined,
  body: Buffer,
): Promise<{ fields: CallArgs; formToken?: string }> {
  if (body.length === 0) return { fields: {} };
  if (!contentType) throw new SlackApiError('missing_post_type');
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded' || mediaType === 'text/plain') {
    return fromEntries(new URLSearchParams(body.toString('utf8')));
  }
  if (mediaType === 'multipart/form-data') {
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    })
      .formData()
      .catch(() => {
        throw new SlackApiError('invalid_form_data');
      });
    const strings: Array<[string, string]> = [];
    form.forEach((value, key) => {
      if (typeof value === 'string') strings.push([key, value]);
    });
    return fromEntries(strings);
  }
  if (mediaType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new SlackApiError('invalid_json');
    }
    if (!isJsonObject(parsed)) throw new SlackApiError('invalid_json');
    const { token: _ignored, ...fields } = parsed;
    return { fields };
  }
  throw new SlackApiError('invalid_post_type');
}

function fromEntries(entries: Iterable<[string, string]>): { fields: CallArgs; formToken?: string } {
  const fields: CallArgs = {};
  let formToken: string | undefined;
  for (const [key, value] of entries) {
    if (key === 'token') formToken = value;
    else fields[key] = value;
  }
  return formToken === undefined ? { fields } : { fields, formToken };
}
