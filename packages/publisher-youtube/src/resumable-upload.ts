import { type Progress, ProviderError, type PublishDraft, type PublishState, sleep } from '@reelsmith/core';
import { readUpload, stateKeys, type UploadRecord, type VideoResource } from './publish-records.js';
import type { QuotaLedger } from './quota-ledger.js';
import { querySession, readSessionAnswer, type SessionStatus, startSession } from './upload-session.js';
import type { VideoSource } from './video-source.js';
import { expectJson, type HttpAnswer, type HttpContext, send } from './youtube-http.js';
import type { ResolvedYouTubeOptions } from './youtube-options.js';

/** What one upload needs. */
export interface UploadContext {
  http: HttpContext;
  options: ResolvedYouTubeOptions;
  quota: QuotaLedger;
  state: PublishState;
  signal: AbortSignal | undefined;
  onProgress: ((progress: Progress) => void) | undefined;
  /** Units to have left before a new session starts (the insert plus the calls after it). */
  unitsNeeded: number;
}

/** The uploaded video and what happened on the way. */
export interface UploadOutcome {
  video: VideoResource;
  /** True when an earlier process' session was continued. */
  resumed: boolean;
}

const chunkCall = 'videos.insert (upload chunk)';
const statusCall = 'videos.insert (upload status)';
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Uploads the video with YouTube's resumable protocol, continuing a saved session when one
 * exists for the same bytes. The session URI is saved the moment it exists; each chunk is read
 * afresh; after a dropped connection, a timeout or a 5xx the service is asked how many bytes it
 * holds (`Content-Range: bytes *\/TOTAL`) and the upload continues from there, with bounded
 * backoff. A 404/410 session starts one new session. No request here can create a second video:
 * chunks only ever complete the one session.
 */
export async function uploadVideo(
  context: UploadContext,
  draft: PublishDraft,
  source: VideoSource,
): Promise<UploadOutcome> {
  const { http, options, signal } = context;
  let session = await readUpload(context.state);
  let resumed = false;
  let offset = 0;
  let needQuery = false;
  if (session && (session.sha256 !== source.sha256 || session.total !== source.size)) {
    // A session for other bytes: it may still have finished (adopt that video), else drop it.
    const status = await statusOf(context, session);
    if (status?.state === 'complete') return { video: status.video, resumed: true };
    session = undefined;
  }
  if (session) {
    resumed = true;
    needQuery = true;
    offset = session.offset;
  } else {
    session = await newSession(context, draft, source);
  }

  let failures = 0;
  let restarted = false;
  for (;;) {
    signal?.throwIfAborted();
    const active: UploadRecord = session;
    let answer: HttpAnswer;
    let sentEnd = offset;
    try {
      if (needQuery) {
        answer = await querySession(http, active.sessionUri, source.size, signal);
      } else {
        sentEnd = Math.min(offset + options.chunkSize, source.size);
        const bytes = await source.read(offset, sentEnd);
        answer = await send(http, {
          method: 'PUT',
          url: active.sessionUri,
          call: chunkCall,
          signal,
          headers: {
            'content-type': source.mediaType,
            'content-range': `bytes ${offset}-${sentEnd - 1}/${source.size}`,
          },
          body: bytes,
        });
      }
    } catch (error) {
      if (!isTransient(error) || failures >= options.maxUploadRetries) throw error;
      failures += 1;
      await backoff(options, failures, signal);
      needQuery = true;
      continue;
    }

    const call = needQuery ? statusCall : chunkCall;
    const status = readSessionAnswer(answer, http, call);
    if (status?.state === 'complete') {
      context.onProgress?.({ fraction: 1, message: `uploaded ${mib(source.size)}` });
      return { video: status.video, resumed };
    }
    if (status?.state === 'incomplete') {
      if (status.offset > source.size) throw mismatch(http.provider, status.offset, source.size);
      if (status.offset > offset) {
        failures = 0;
      } else if (!needQuery) {
        // A chunk the service did not take: count it, so a stuck session cannot loop forever.
        failures += 1;
        if (failures > options.maxUploadRetries) throw stuck(http.provider, offset, source.size);
      }
      offset = status.offset;
      needQuery = false;
      session = { ...active, offset };
      await context.state.set(stateKeys.upload, session);
      context.onProgress?.({
        fraction: source.size === 0 ? 1 : offset / source.size,
        message: `uploaded ${mib(offset)} of ${mib(source.size)}`,
      });
      continue;
    }
    if (status?.state === 'expired') {
      if (restarted) throw expired(http.provider);
      restarted = true;
      session = await newSession(context, draft, source);
      offset = 0;
      needQuery = false;
      continue;
    }
    if (answer.status >= 500 && answer.status <= 504 && failures < options.maxUploadRetries) {
      failures += 1;
      await backoff(options, failures, signal);
      needQuery = true;
      continue;
    }
    // 4xx (after one token refresh for 401), or 5xx past the retry budget: classified and thrown.
    expectJson(answer, http, call);
    throw new ProviderError({
      kind: 'unknown',
      provider: http.provider,
      status: answer.status,
      message: `YouTube answered ${answer.status} to an upload request; expected 200, 201 or 308`,
    });
  }
}

/** Starts a session after checking the local quota, and saves it before any byte is sent. */
async function newSession(
  context: UploadContext,
  draft: PublishDraft,
  source: VideoSource,
): Promise<UploadRecord> {
  await context.quota.ensure(context.unitsNeeded, 'an upload (videos.insert and the calls after it)');
  const sessionUri = await startSession(
    context.http,
    context.options,
    draft,
    source.size,
    source.mediaType,
    context.signal,
  );
  const record: UploadRecord = {
    sessionUri,
    total: source.size,
    sha256: source.sha256,
    offset: 0,
    startedAt: new Date(context.http.now()).toISOString(),
  };
  await context.state.set(stateKeys.upload, record);
  await context.quota.spend('videosInsert');
  return record;
}

/** The status of a saved session, or `undefined` when the service cannot say right now. */
export async function statusOf(
  context: Pick<UploadContext, 'http' | 'signal'>,
  session: UploadRecord,
): Promise<SessionStatus | undefined> {
  const answer = await querySession(context.http, session.sessionUri, session.total, context.signal);
  return readSessionAnswer(answer, context.http, statusCall);
}

function isTransient(error: unknown): boolean {
  return ProviderError.isInstance(error) && error.kind === 'transient';
}

async function backoff(options: ResolvedYouTubeOptions, failures: number, signal: AbortSignal | undefined) {
  const cap = Math.min(30_000, options.retryBaseMs * 2 ** (failures - 1));
  await sleep(Math.round(cap / 2 + (Math.random() * cap) / 2), signal);
}

function expired(provider: string): ProviderError {
  return new ProviderError({
    kind: 'transient',
    provider,
    code: 'upload_session_expired',
    message:
      'the YouTube upload session expired twice in one publish (404/410 on the session URI); retry the publish later',
  });
}

function stuck(provider: string, offset: number, total: number): ProviderError {
  return new ProviderError({
    kind: 'transient',
    provider,
    code: 'upload_stuck',
    message: `YouTube kept the upload at ${offset} of ${total} bytes after several chunks; retry the publish later`,
  });
}

function mismatch(provider: string, confirmed: number, total: number): ProviderError {
  return new ProviderError({
    kind: 'unknown',
    provider,
    code: 'byte_count_mismatch',
    message: `YouTube confirmed ${confirmed} bytes of a ${total}-byte upload; the saved session belongs to other bytes. Delete the run's publish state and publish again`,
  });
}
