import { ProviderError, sleep } from '@reelsmith/core';
import type { VideoResource } from './publish-records.js';
import type { QuotaLedger } from './quota-ledger.js';
import { type HttpContext, requestJson } from './youtube-http.js';

/** Fetches one video by id (`videos.list`, 1 unit); `undefined` when it does not exist (deleted). */
export async function fetchVideo(
  http: HttpContext,
  baseUrl: string,
  quota: QuotaLedger,
  id: string,
  signal: AbortSignal | undefined,
): Promise<VideoResource | undefined> {
  const url = new URL(`${baseUrl}/youtube/v3/videos`);
  url.searchParams.set('part', 'snippet,status,processingDetails');
  url.searchParams.set('id', id);
  await quota.spend('videosList');
  const list = await requestJson<{ items?: VideoResource[] }>(http, {
    method: 'GET',
    url: url.href,
    call: 'videos.list',
    signal,
  });
  return list.items?.find((item) => item.id === id);
}

/**
 * Throws when YouTube refused the video after the upload: `rejected` (a policy or duplicate
 * rejection, `content_policy`) or `failed` (processing failed, `invalid_input`), with YouTube's reason.
 */
export function assertAccepted(video: VideoResource, provider: string): void {
  const status = video.status;
  if (status?.uploadStatus === 'rejected') {
    throw new ProviderError({
      kind: 'content_policy',
      provider,
      code: status.rejectionReason ?? 'rejected',
      body: { id: video.id, status },
      message:
        `YouTube rejected video ${video.id} after the upload (rejectionReason: ${status.rejectionReason ?? 'not given'}). ` +
        'Fix: change the video or its metadata (duplicate, copyright, length, terms of use), then publish as a new run',
    });
  }
  if (status?.uploadStatus === 'failed') {
    throw new ProviderError({
      kind: 'invalid_input',
      provider,
      code: status.failureReason ?? 'failed',
      body: { id: video.id, status },
      message:
        `YouTube could not process video ${video.id} (failureReason: ${status.failureReason ?? 'not given'}). ` +
        'Fix: re-render the video (H.264/AAC MP4; a codec or conversion failure), then publish as a new run',
    });
  }
}

/**
 * Checks the processing state after the upload: once, or until `processed` within `waitMs`.
 * Throws for `rejected`/`failed`; resolves with the last resource read, or `undefined` when
 * the check itself failed (the video exists either way; the caller adds a warning).
 */
export async function checkProcessing(
  http: HttpContext,
  baseUrl: string,
  quota: QuotaLedger,
  id: string,
  timing: { waitMs: number; pollMs: number },
  signal: AbortSignal | undefined,
): Promise<VideoResource | undefined> {
  const deadline = http.now() + timing.waitMs;
  for (;;) {
    let video: VideoResource | undefined;
    try {
      video = await fetchVideo(http, baseUrl, quota, id, signal);
    } catch {
      if (signal?.aborted) throw signal.reason;
      return undefined;
    }
    if (video) assertAccepted(video, http.provider);
    const done = video?.status?.uploadStatus === 'processed';
    if (done || http.now() + timing.pollMs > deadline) return video;
    await sleep(timing.pollMs, signal);
  }
}
