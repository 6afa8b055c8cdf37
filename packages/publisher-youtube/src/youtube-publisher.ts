import {
  type CallWarning,
  ProviderError,
  type PublishDraft,
  type PublishedPost,
  type Publisher,
  type PublishResult,
} from '@reelsmith/core';
import { findExistingVideo } from './find-existing.js';
import { memoryPublishState, readVideo, saveVideo, stateKeys, type VideoRecord } from './publish-records.js';
import { createQuotaLedger, type QuotaLedger } from './quota-ledger.js';
import { uploadVideo } from './resumable-upload.js';
import { setThumbnail } from './set-thumbnail.js';
import { validateDraft } from './validate-draft.js';
import { openVideo } from './video-source.js';
import { checkProcessing } from './video-status.js';
import { youTubeEndpoints } from './youtube-defaults.js';
import type { HttpContext } from './youtube-http.js';
import { resolveYouTubeOptions, type YouTubePublisherOptions } from './youtube-options.js';

/** A `Publisher` for YouTube (Shorts by default), with its quota ledger. */
export interface YouTubePublisher extends Publisher {
  readonly platform: 'youtube';
}

/**
 * Creates a YouTube publisher (id `youtube:<account>`). Options are validated at once; nothing
 * is sent before `publish` or `findExisting`.
 *
 * `publish` uploads with YouTube's resumable protocol and saves the session URI, the confirmed
 * offset and then the video id in the engine's publish state, so a run killed at any point
 * continues the same upload (or adopts the finished video) instead of posting twice. The
 * description ends with a `ref: <marker>` line that `findExisting` matches.
 *
 * @throws {ConfigError} when an option is invalid, naming the field and the fix.
 *
 * @example
 * ```ts
 * const youtube = createYouTubePublisher({
 *   auth: await tokens.googleClient('youtube'), // an OAuth2Client with youtube.upload
 *   account: 'kitchen-finds',
 *   privacyStatus: 'public',
 *   selfDeclaredMadeForKids: false,
 *   quota: { project: 'reelsmith-prod', store: createFileQuotaStore('.reelsmith/youtube-quota.json') },
 * });
 * ```
 */
export function createYouTubePublisher(options: YouTubePublisherOptions): YouTubePublisher {
  const resolved = resolveYouTubeOptions(options);
  const id = `youtube:${resolved.account}`;
  const quota: QuotaLedger = createQuotaLedger({
    provider: id,
    project: resolved.quotaProject,
    table: resolved.quotaTable,
    store: resolved.quotaStore,
    now: resolved.now,
  });
  const http: HttpContext = {
    provider: id,
    auth: resolved.auth,
    fetch: resolved.fetch,
    timeoutMs: resolved.timeoutMs,
    now: resolved.now,
  };
  const toPost = (videoId: string, marker: string, publishedAt: string | undefined): PublishedPost => ({
    platform: 'youtube',
    id: videoId,
    url: resolved.requireShorts
      ? `${youTubeEndpoints.watchUrl}${videoId}`
      : `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`,
    marker,
    publishedAt: publishedAt ?? new Date(resolved.now()).toISOString(),
  });

  return {
    specificationVersion: 'v1',
    id,
    capability: 'publisher',
    platform: 'youtube',

    validate: (draft) => validateDraft(draft, resolved),

    async publish(draft: PublishDraft, call): Promise<PublishResult> {
      const { signal, onProgress } = call;
      signal?.throwIfAborted();
      const validation = validateDraft(draft, resolved);
      if (!validation.ok) {
        throw new ProviderError({
          kind: 'invalid_input',
          provider: id,
          code: 'invalid_draft',
          message: `the draft breaks YouTube's limits: ${validation.issues
            .map((issue) => `\`${issue.field}\`: ${issue.problem} (fix: ${issue.fix})`)
            .join('; ')}`,
        });
      }
      const state = call.state ?? memoryPublishState();
      const warnings: CallWarning[] = [];
      let units = 0;
      const counted: QuotaLedger = {
        costs: quota.costs,
        ensure: (needed, what) => quota.ensure(needed, what),
        spend: async (method) => {
          const spent = await quota.spend(method);
          units += spent;
          return spent;
        },
      };

      let video: VideoRecord | undefined = await readVideo(state);
      if (!video) {
        const source = await openVideo(draft.video, call.media, id, signal);
        const costs = quota.costs;
        const unitsNeeded =
          costs.videosInsert + costs.videosList + (draft.thumbnail ? costs.thumbnailsSet : 0);
        const outcome = await uploadVideo(
          { http, options: resolved, quota: counted, state, signal, onProgress, unitsNeeded },
          draft,
          source,
        );
        video = await saveVideo(state, outcome.video, resolved.now());
        if (outcome.resumed) {
          warnings.push({
            type: 'other',
            message: 'continued an upload session saved by an earlier attempt',
          });
        }
      }

      const checked = await checkProcessing(
        http,
        resolved.baseUrl,
        counted,
        video.id,
        { waitMs: resolved.processingWaitMs, pollMs: resolved.processingPollMs },
        signal,
      );
      if (!checked) {
        warnings.push({
          type: 'other',
          message: `could not read the processing status of video ${video.id}; check it in YouTube Studio`,
        });
      }
      const privacy = checked?.status?.privacyStatus ?? video.privacyStatus;
      if (resolved.privacyStatus !== 'private' && privacy === 'private') {
        warnings.push({
          type: 'other',
          message:
            `YouTube made video ${video.id} private although ${resolved.privacyStatus} was asked: API projects that have not ` +
            'passed the YouTube API audit have every upload locked to private. Fix: request the audit ' +
            '(support.google.com/youtube/contact/yt_api_form), then change the visibility in YouTube Studio',
        });
      }

      if (draft.thumbnail && (await state.get(stateKeys.thumbnail)) === undefined) {
        const warning = await setThumbnail(
          http,
          resolved.uploadUrl,
          counted,
          video.id,
          draft.thumbnail,
          call.media,
          signal,
        );
        if (warning) warnings.push(warning);
        await state.set(stateKeys.thumbnail, warning ? 'skipped' : 'set');
      }

      onProgress?.({ fraction: 1, message: `published ${video.id}` });
      return {
        post: toPost(video.id, draft.marker, checked?.snippet?.publishedAt ?? video.publishedAt),
        cost: { usd: 0, unit: 'YouTube quota unit', quantity: units, priceDate: resolved.quotaTable.date },
        warnings,
      };
    },

    findExisting(marker, call = {}) {
      return findExistingVideo(
        { http, options: resolved, quota, signal: call.signal, toPost },
        marker,
        call.state,
      );
    },
  };
}
