import {
  type CallWarning,
  type MediaStore,
  ProviderError,
  type PublishDraft,
  type PublishState,
} from '@reelsmith/core';
import type { GraphSession } from './graph-client.js';
import { instagramDefaults } from './instagram-defaults.js';
import type { ResolvedInstagramSettings } from './instagram-settings.js';
import { type ContainerRecord, stateKeys } from './publish-state.js';

/**
 * Reads `GET /{ig-user-id}/content_publishing_limit` and rejects with `quota` when the rolling
 * 24 h limit is reached, before any container exists. An answer without the figures lets the
 * publish go on (`media_publish` then answers code 9 / 2207042 if the limit is reached).
 */
export async function checkPublishingLimit(
  session: GraphSession,
  settings: ResolvedInstagramSettings,
  provider: string,
): Promise<void> {
  const { data, status } = await session.request<{
    data?: Array<{ quota_usage?: unknown; config?: Record<string, unknown> }>;
  }>({
    method: 'GET',
    path: `/${settings.igUserId}/content_publishing_limit`,
    query: { fields: 'quota_usage,config' },
    step: 'read the content publishing limit',
  });
  const entry = Array.isArray(data.data) ? data.data[0] : undefined;
  const used = Number(entry?.quota_usage);
  const total = Number(entry?.config?.quota_total);
  if (Number.isFinite(used) && Number.isFinite(total) && used >= total) {
    const hours = Math.round(Number(entry?.config?.quota_duration ?? 86_400) / 3600);
    throw new ProviderError({
      kind: 'quota',
      provider,
      status,
      code: 'publishing_limit',
      body: data,
      message:
        `the Instagram account ${settings.igUserId} has published ${used} of ${total} posts allowed by the API in the ` +
        `rolling ${hours} h window; no container was created. Reschedule the post for later.`,
    });
  }
}

/** What {@link createContainer} needs. */
export interface CreateContainerOptions {
  session: GraphSession;
  settings: ResolvedInstagramSettings;
  provider: string;
  draft: PublishDraft;
  caption: string;
  media: MediaStore;
  state: PublishState;
  warnings: CallWarning[];
}

/**
 * Creates a Reels container (`POST /{ig-user-id}/media`, `media_type=REELS`) and writes it to
 * the publish state the moment the service answers. With a public HTTPS URL for the video
 * (`videoUrl` option, else `media.publicUrl`) Meta downloads it (`video_url`); otherwise the
 * container is `upload_type=resumable` and the bytes go to the upload host.
 */
export async function createContainer(options: CreateContainerOptions): Promise<ContainerRecord> {
  const { session, settings, draft, media, state } = options;
  const videoUrl = httpsOnly(
    (await settings.videoUrl?.(draft.video)) ?? (await media.publicUrl?.(draft.video)),
  );
  if (
    videoUrl === undefined &&
    new URL(settings.graphUrl).origin === instagramDefaults.instagramLoginGraphUrl
  ) {
    throw new ProviderError({
      kind: 'invalid_input',
      provider: options.provider,
      code: 'no_public_url',
      message:
        'the video has no public HTTPS URL, and resumable uploads need Facebook Login (graph.facebook.com). ' +
        'Pass `videoUrl` (or a MediaStore with publicUrl) so Instagram can download the video.',
    });
  }
  const thumbnailUrl = draft.thumbnail ? httpsOnly(await media.publicUrl?.(draft.thumbnail)) : undefined;
  const coverUrl = settings.coverUrl ?? thumbnailUrl;
  if (draft.thumbnail && coverUrl === undefined) {
    options.warnings.push({
      type: 'unsupported-setting',
      setting: 'thumbnail',
      message:
        'the thumbnail has no public HTTPS URL, so it was not used as the Reel cover; pass `coverUrl` or `thumbOffset`.',
    });
  }
  const { data } = await session.request<{ id?: unknown; uri?: unknown }>({
    method: 'POST',
    path: `/${settings.igUserId}/media`,
    form: {
      media_type: 'REELS',
      caption: options.caption,
      share_to_feed: settings.shareToFeed,
      ...(videoUrl ? { video_url: videoUrl } : { upload_type: 'resumable' }),
      ...(coverUrl ? { cover_url: coverUrl } : { thumb_offset: settings.thumbOffset }),
    },
    step: 'create the Reels container',
  });
  if (typeof data.id !== 'string' || data.id === '') {
    throw new ProviderError({
      kind: 'unknown',
      provider: options.provider,
      code: 'malformed_response',
      body: data,
      message: 'creating the Reels container answered without an `id`; nothing was published.',
    });
  }
  const record: ContainerRecord = {
    id: data.id,
    mode: videoUrl ? 'url' : 'resumable',
    ...(typeof data.uri === 'string' ? { uploadUri: data.uri } : {}),
    fileSize: draft.video.size,
    sha256: draft.video.sha256,
    createdAt: new Date().toISOString(),
  };
  await state.set(stateKeys.container, record);
  await state.delete(stateKeys.uploadOffset);
  await state.delete(stateKeys.uploaded);
  return record;
}

function httpsOnly(url: string | undefined): string | undefined {
  return url !== undefined && URL.canParse(url) && new URL(url).protocol === 'https:' ? url : undefined;
}
