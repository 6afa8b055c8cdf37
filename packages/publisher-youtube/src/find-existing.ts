import type { PublishedPost, PublishState } from '@reelsmith/core';
import { readUpload, readVideo, saveVideo } from './publish-records.js';
import type { QuotaLedger } from './quota-ledger.js';
import { statusOf } from './resumable-upload.js';
import { hasMarkerLine } from './video-metadata.js';
import { assertAccepted, fetchVideo } from './video-status.js';
import { type HttpContext, requestJson } from './youtube-http.js';
import type { ResolvedYouTubeOptions } from './youtube-options.js';

/** What reconciliation needs. */
export interface FindContext {
  http: HttpContext;
  options: ResolvedYouTubeOptions;
  quota: QuotaLedger;
  signal: AbortSignal | undefined;
  toPost: (id: string, marker: string, publishedAt: string | undefined) => PublishedPost;
}

interface PlaylistItem {
  snippet?: { description?: string; publishedAt?: string; resourceId?: { videoId?: string } };
  contentDetails?: { videoId?: string; videoPublishedAt?: string };
}

/**
 * Finds the video carrying `marker`, cheapest evidence first:
 * 1. the video id saved in the publish state → `videos.list?id=` (1 unit);
 * 2. a saved upload session → its status: complete means the video exists (the answer carries
 *    it), incomplete means it does not exist yet (publish resumes the session);
 * 3. otherwise the channel's uploads playlist, newest first, up to `findExistingMaxItems`
 *    items, matched by the description's `ref: <marker>` line (1 unit per 50 items).
 * A found video YouTube rejected or failed to process throws, so the run fails instead of
 * uploading it again.
 */
export async function findExistingVideo(
  context: FindContext,
  marker: string,
  state: PublishState | undefined,
): Promise<PublishedPost | undefined> {
  const { http, options, quota, signal } = context;
  signal?.throwIfAborted();
  if (state) {
    const saved = await readVideo(state);
    if (saved) {
      const video = await fetchVideo(http, options.baseUrl, quota, saved.id, signal);
      if (video) {
        assertAccepted(video, http.provider);
        return context.toPost(video.id, marker, video.snippet?.publishedAt ?? saved.publishedAt);
      }
      // Deleted since (by a person in Studio): nothing to adopt; the scan below confirms.
    } else {
      const session = await readUpload(state);
      if (session) {
        const status = await statusOf({ http, signal }, session);
        if (status?.state === 'complete') {
          const record = await saveVideo(state, status.video, http.now());
          assertAccepted(status.video, http.provider);
          return context.toPost(record.id, marker, record.publishedAt);
        }
        if (status?.state === 'incomplete') return undefined;
      }
    }
  }
  const found = await scanUploads(context, marker);
  if (!found) return undefined;
  const video = await fetchVideo(http, options.baseUrl, quota, found.id, signal);
  if (video) assertAccepted(video, http.provider);
  if (state) await saveVideo(state, video ?? { id: found.id }, http.now());
  return context.toPost(found.id, marker, video?.snippet?.publishedAt ?? found.publishedAt);
}

/** Scans the uploads playlist of the authorized channel for the marker line. */
async function scanUploads(
  context: FindContext,
  marker: string,
): Promise<{ id: string; publishedAt: string | undefined } | undefined> {
  const { http, options, quota, signal } = context;
  const channels = new URL(`${options.baseUrl}/youtube/v3/channels`);
  channels.searchParams.set('part', 'contentDetails');
  channels.searchParams.set('mine', 'true');
  await quota.spend('channelsList');
  const list = await requestJson<{
    items?: Array<{ contentDetails?: { relatedPlaylists?: { uploads?: string } } }>;
  }>(http, { method: 'GET', url: channels.href, call: 'channels.list', signal });
  const uploads = list.items?.[0]?.contentDetails?.relatedPlaylists?.uploads;
  if (!uploads) return undefined; // No channel, so no video.

  let scanned = 0;
  let pageToken: string | undefined;
  do {
    const page = new URL(`${options.baseUrl}/youtube/v3/playlistItems`);
    page.searchParams.set('part', 'snippet,contentDetails');
    page.searchParams.set('playlistId', uploads);
    page.searchParams.set('maxResults', String(Math.min(50, options.findExistingMaxItems - scanned)));
    if (pageToken) page.searchParams.set('pageToken', pageToken);
    await quota.spend('playlistItemsList');
    const items = await requestJson<{ items?: PlaylistItem[]; nextPageToken?: string }>(http, {
      method: 'GET',
      url: page.href,
      call: 'playlistItems.list',
      signal,
    });
    for (const item of items.items ?? []) {
      scanned += 1;
      const id = item.contentDetails?.videoId ?? item.snippet?.resourceId?.videoId;
      if (id && hasMarkerLine(item.snippet?.description, marker)) {
        return { id, publishedAt: item.contentDetails?.videoPublishedAt ?? item.snippet?.publishedAt };
      }
    }
    pageToken = items.nextPageToken;
    if ((items.items ?? []).length === 0) break;
  } while (pageToken && scanned < options.findExistingMaxItems);
  return undefined;
}
