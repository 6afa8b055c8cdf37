import type { PublishDraft } from '@reelsmith/core';
import { ProviderError } from '@reelsmith/core';
import type { VideoResource } from './publish-records.js';
import { videoMetadata } from './video-metadata.js';
import { expectJson, type HttpAnswer, type HttpContext, send } from './youtube-http.js';
import type { ResolvedYouTubeOptions } from './youtube-options.js';

/** What the service says about a session. */
export type SessionStatus =
  | { state: 'incomplete'; offset: number }
  | { state: 'complete'; video: VideoResource }
  | { state: 'expired' };

/**
 * Starts a resumable `videos.insert` session: POSTs the metadata and resolves with the session
 * URI from the `Location` header. Creates no video: an unused session expires on its own.
 */
export async function startSession(
  http: HttpContext,
  options: ResolvedYouTubeOptions,
  draft: PublishDraft,
  size: number,
  mediaType: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const url = new URL(`${options.uploadUrl}/youtube/v3/videos`);
  url.searchParams.set('uploadType', 'resumable');
  url.searchParams.set('part', 'snippet,status');
  if (options.notifySubscribers !== undefined) {
    url.searchParams.set('notifySubscribers', String(options.notifySubscribers));
  }
  const call = 'videos.insert (start upload session)';
  const answer = await send(http, {
    method: 'POST',
    url: url.href,
    call,
    signal,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(size),
      'x-upload-content-type': mediaType,
    },
    body: JSON.stringify(videoMetadata(draft, options)),
  });
  if (answer.status < 200 || answer.status >= 300) expectJson(answer, http, call);
  const location = answer.headers.get('location');
  if (!location || !URL.canParse(location)) {
    throw new ProviderError({
      kind: 'transient',
      provider: http.provider,
      status: answer.status,
      code: 'no_session_uri',
      body: answer.text.slice(0, 500),
      message: `YouTube ${call} answered ${answer.status} without a Location header (no session URI); retry later`,
    });
  }
  return location;
}

/** Asks how many bytes the session holds: an empty PUT with `Content-Range: bytes *\/TOTAL`. */
export function querySession(
  http: HttpContext,
  sessionUri: string,
  total: number,
  signal: AbortSignal | undefined,
): Promise<HttpAnswer> {
  return send(http, {
    method: 'PUT',
    url: sessionUri,
    call: 'videos.insert (upload status)',
    signal,
    headers: { 'content-range': `bytes */${total}` },
  });
}

/**
 * Reads a session answer: 308 (with the confirmed `Range`, none meaning no byte), 200/201 (done:
 * the video resource) or 404/410 (expired). Anything else resolves `undefined`.
 */
export function readSessionAnswer(
  answer: HttpAnswer,
  http: HttpContext,
  call: string,
): SessionStatus | undefined {
  if (answer.status === 308)
    return { state: 'incomplete', offset: confirmedBytes(answer.headers.get('range')) };
  if (answer.status === 200 || answer.status === 201) {
    const video = expectJson<VideoResource>(answer, http, call);
    if (typeof video.id !== 'string' || video.id === '') {
      throw new ProviderError({
        kind: 'transient',
        provider: http.provider,
        status: answer.status,
        code: 'malformed_response',
        body: answer.text.slice(0, 500),
        message: `YouTube ${call} finished the upload but the answer has no video id; retry (the next attempt reconciles the session)`,
      });
    }
    return { state: 'complete', video };
  }
  if (answer.status === 404 || answer.status === 410) return { state: 'expired' };
  return undefined;
}

/** `Range: bytes=0-N` → N + 1 bytes confirmed; no header → 0. */
export function confirmedBytes(range: string | null): number {
  const match = range ? /bytes=0-(\d+)/.exec(range) : null;
  return match ? Number(match[1]) + 1 : 0;
}
