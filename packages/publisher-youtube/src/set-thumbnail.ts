import type { CallWarning, MediaRef, MediaStore } from '@reelsmith/core';
import type { QuotaLedger } from './quota-ledger.js';
import { describeUrl, expectJson, type HttpContext, send } from './youtube-http.js';

const thumbnailTypes = new Set(['image/jpeg', 'image/png']);
const maxThumbnailBytes = 2 * 1024 * 1024;

/**
 * Uploads the draft's thumbnail with `thumbnails.set` (50 units). Never fails the publish: a
 * refusal (an unverified channel answers 403 `forbidden`), a wrong format or a network failure
 * becomes a warning, and the video is never uploaded again for it. Rethrows only an abort.
 */
export async function setThumbnail(
  http: HttpContext,
  uploadUrl: string,
  quota: QuotaLedger,
  videoId: string,
  ref: MediaRef,
  media: MediaStore,
  signal: AbortSignal | undefined,
): Promise<CallWarning | undefined> {
  const skipped = (why: string): CallWarning => ({
    type: 'other',
    message: `the thumbnail was not set (${why}); the video is published with a frame YouTube picks (Shorts shelves show a frame anyway)`,
  });
  if (!thumbnailTypes.has(ref.mediaType)) return skipped(`${ref.mediaType} is not JPEG or PNG`);
  if (ref.size > maxThumbnailBytes) return skipped(`${ref.size} bytes is over YouTube's 2 MB limit`);
  const url = new URL(`${uploadUrl}/youtube/v3/thumbnails/set`);
  url.searchParams.set('videoId', videoId);
  try {
    const bytes = await media.get(ref, { signal });
    await quota.spend('thumbnailsSet');
    const answer = await send(http, {
      method: 'POST',
      url: url.href,
      call: 'thumbnails.set',
      signal,
      headers: { 'content-type': ref.mediaType },
      body: bytes,
    });
    expectJson(answer, http, 'thumbnails.set');
    return undefined;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const reason = error instanceof Error ? error.message : String(error);
    return skipped(`${describeUrl(url.href)}: ${reason}`);
  }
}
