import type { IncomingHttpHeaders } from 'node:http';
import type { SlackState } from './slack-state.ts';

/**
 * The upload URL files.getUploadURLExternal hands out (`<root>/upload/v1/<file id>`). Takes the
 * bytes raw, or as the first file (or `body`/`file` field) of a multipart form, which is what
 * WebClient.filesUploadV2 sends. Answers 200 "OK - <bytes>" like Slack's upload host.
 */
export async function receiveUpload(
  state: SlackState,
  fileId: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<{ status: number; text: string }> {
  const file = state.files.get(fileId);
  if (!file || file.completed) return { status: 404, text: 'file not found' };
  const contentType = headers['content-type'] ?? '';
  let bytes = body;
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    })
      .formData()
      .catch(() => undefined);
    if (!form) return { status: 400, text: 'invalid multipart body' };
    const part =
      [...form.values()].find((value) => typeof value !== 'string') ?? form.get('body') ?? form.get('file');
    if (part === null || part === undefined) return { status: 400, text: 'no file in form' };
    bytes = typeof part === 'string' ? Buffer.from(part) : Buffer.from(await part.arrayBuffer());
  }
  file.bytes = bytes;
  return { status: 200, text: `OK - ${bytes.length}` };
}
