import {
  computeRetryDelay,
  defaultRetrySettings,
  isRetryableError,
  type Progress,
  ProviderError,
  registerSecret,
  sleep,
} from '@reelsmith/core';
import type { DriveContext } from './drive-context.js';
import type { DriveFolder } from './drive-files.js';
import type { DriveResponse } from './drive-http.js';
import type { DriveFile } from './media-properties.js';
import { type UploadTarget, uploadRequest } from './upload-target.js';

/** Open resumable sessions by upload identity, so a later `put` of the same bytes resumes one. */
export type SessionRegistry = Map<string, string>;

/** Where a session stands, from a `Content-Range: bytes *\/TOTAL` query. */
type SessionState =
  | { kind: 'done'; file: DriveFile }
  | { kind: 'offset'; offset: number }
  | { kind: 'expired' };

/**
 * Uploads with Drive's resumable protocol: start a session (POST/PATCH `uploadType=resumable`,
 * session URI in `Location`), PUT chunks of `chunkSize` with `Content-Range`, continue from the
 * `Range` each 308 confirms. After a dropped connection or a 5xx it asks the session where it
 * stands (`Content-Range: bytes *\/TOTAL`) and continues from the confirmed offset, never from 0;
 * a 404/410 session (expired) is replaced by a new one. A session that could not finish is kept
 * in `sessions`, so the next `put` of the same key and bytes resumes it.
 */
export async function uploadResumable(
  drive: DriveContext,
  folder: DriveFolder,
  target: UploadTarget,
  sessions: SessionRegistry,
  signal: AbortSignal | undefined,
  onProgress: ((progress: Progress) => void) | undefined,
): Promise<DriveFile> {
  const identity = [target.key, target.sha256, target.data.byteLength, target.fileId ?? 'new'].join('\n');
  const total = target.data.byteLength;
  const settings = { ...defaultRetrySettings, ...definedOnly(drive.options.retry) };
  const context = drive.describe(`upload ${target.key}`, 'upload');
  let uri = sessions.get(identity);
  let offset = 0;
  if (uri) {
    const state = await queryWithRetry(drive, uri, total, target.key, signal);
    if (state.kind === 'done') return finish(sessions, identity, state.file);
    if (state.kind === 'offset') offset = state.offset;
    else uri = undefined;
  }
  let stalls = 0;
  for (;;) {
    if (!uri) {
      uri = await startSession(drive, folder, target, signal);
      sessions.set(identity, uri);
      offset = 0;
    }
    const sessionUri = uri;
    onProgress?.({
      fraction: total === 0 ? 0 : offset / total,
      message: progressMessage(offset, total, target.key),
    });
    const end = Math.min(offset + drive.options.chunkSize, total);
    try {
      const response = await drive.http.send({
        method: 'PUT',
        url: sessionUri,
        headers: { 'content-range': total === 0 ? 'bytes */0' : `bytes ${offset}-${end - 1}/${total}` },
        body: target.data.subarray(offset, end),
        accept: [308, 404, 410],
        context,
        signal,
      });
      if (response.status === 404 || response.status === 410) {
        uri = undefined;
        continue;
      }
      if (response.status !== 308) {
        onProgress?.({ fraction: 1, message: progressMessage(total, total, target.key) });
        return finish(sessions, identity, response.json<DriveFile>());
      }
      const confirmed = confirmedOffset(response);
      if (confirmed > offset) stalls = 0;
      else if (++stalls > settings.retries) throw stalled(drive, target.key, offset, total);
      offset = confirmed;
    } catch (error) {
      if (signal?.aborted || !isRetryableError(error) || stalls >= settings.retries) throw error;
      stalls += 1;
      await sleep(computeRetryDelay(error, stalls, settings), signal);
      const state = await queryWithRetry(drive, sessionUri, total, target.key, signal);
      if (state.kind === 'done') return finish(sessions, identity, state.file);
      if (state.kind === 'expired') uri = undefined;
      else offset = state.offset;
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function startSession(
  drive: DriveContext,
  folder: DriveFolder,
  target: UploadTarget,
  signal: AbortSignal | undefined,
): Promise<string> {
  const request = uploadRequest(drive, folder, target, 'resumable');
  // Starting a session creates no file, so a retry leaves at most an unused session behind.
  const response = await drive.retry(
    () =>
      drive.http.send({
        method: request.method,
        url: request.url,
        query: request.query,
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'x-upload-content-type': target.mediaType,
          'x-upload-content-length': String(target.data.byteLength),
        },
        body: JSON.stringify(request.metadata),
        context: drive.describe(`start the upload of ${target.key}`, 'upload'),
        signal,
      }),
    signal,
    'start upload',
  );
  const location = response.headers.get('location');
  if (!location) {
    throw new ProviderError({
      kind: 'transient',
      provider: drive.options.id,
      status: response.status,
      code: 'missing_session_uri',
      message: `start the upload of ${target.key}: Drive answered without a session URI (Location header); retry`,
    });
  }
  registerSecret(new URL(location).searchParams.get('upload_id'));
  return location;
}

async function queryWithRetry(
  drive: DriveContext,
  uri: string,
  total: number,
  key: string,
  signal: AbortSignal | undefined,
): Promise<SessionState> {
  const response = await drive.retry(
    () =>
      drive.http.send({
        method: 'PUT',
        url: uri,
        headers: { 'content-range': `bytes */${total}` },
        body: new Uint8Array(0),
        accept: [308, 404, 410],
        context: drive.describe(`ask where the upload of ${key} stands`, 'upload'),
        signal,
      }),
    signal,
    'query upload',
  );
  if (response.status === 404 || response.status === 410) return { kind: 'expired' };
  if (response.status === 308) return { kind: 'offset', offset: confirmedOffset(response) };
  return { kind: 'done', file: response.json<DriveFile>() };
}

/** The next byte to send after a 308: `Range: bytes=0-N` means N+1; no `Range` means 0. */
export function confirmedOffset(response: Pick<DriveResponse, 'headers'>): number {
  const match = /bytes=0-(\d+)/.exec(response.headers.get('range') ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

function stalled(drive: DriveContext, key: string, offset: number, total: number): ProviderError {
  return new ProviderError({
    kind: 'transient',
    provider: drive.options.id,
    code: 'upload_stalled',
    message: `upload ${key}: Drive kept confirming ${offset} of ${total} bytes without progress; the next put resumes the session`,
  });
}

function finish(sessions: SessionRegistry, identity: string, file: DriveFile): DriveFile {
  sessions.delete(identity);
  return file;
}

function progressMessage(sent: number, total: number, key: string): string {
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return `uploaded ${mib(sent)} MiB of ${mib(total)} MiB of ${key} to Google Drive`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
