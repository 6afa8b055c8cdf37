import { randomBytes } from 'node:crypto';
import type { DriveContext } from './drive-context.js';
import type { DriveFolder } from './drive-files.js';
import type { DriveFile } from './media-properties.js';
import { type UploadTarget, uploadRequest } from './upload-target.js';

/**
 * Sends a small file in one `uploadType=multipart` request: a JSON metadata part and the bytes.
 * One attempt only: a create is not idempotent, so the caller verifies before sending it again.
 */
export async function uploadMultipart(
  drive: DriveContext,
  folder: DriveFolder,
  target: UploadTarget,
  signal: AbortSignal | undefined,
): Promise<DriveFile> {
  const request = uploadRequest(drive, folder, target, 'multipart');
  const boundary = `reelsmith-${randomBytes(12).toString('hex')}`;
  const response = await drive.http.send({
    method: request.method,
    url: request.url,
    query: request.query,
    headers: { 'content-type': `multipart/related; boundary=${boundary}` },
    body: multipartBody(boundary, request.metadata, target.mediaType, target.data),
    context: drive.describe(`upload ${target.key}`, 'upload'),
    signal,
  });
  return response.json<DriveFile>();
}

/** A `multipart/related` body: metadata JSON, then the media bytes (RFC 2387). */
export function multipartBody(
  boundary: string,
  metadata: Record<string, unknown>,
  mediaType: string,
  data: Uint8Array,
): Uint8Array {
  const head =
    `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(metadata)}\r\n` +
    `--${boundary}\r\nContent-Type: ${mediaType}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(tail, 'utf8')]);
}
