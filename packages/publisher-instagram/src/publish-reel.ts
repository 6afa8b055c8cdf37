import {
  type CallWarning,
  ConfigError,
  ProviderError,
  type PublishDraft,
  type PublishedPost,
  type PublishOptions,
  type PublishResult,
  type PublishState,
  sleep,
} from '@reelsmith/core';
import { getContainerStatus, type WaitOptions, waitForContainer } from './container-status.js';
import { checkPublishingLimit, createContainer } from './create-container.js';
import { fetchPost, findPostByMarker } from './find-post.js';
import { type GraphSession, openGraphSession } from './graph-client.js';
import { adaptCaption } from './instagram-caption.js';
import { instagramDefaults } from './instagram-defaults.js';
import type { ResolvedInstagramSettings } from './instagram-settings.js';
import {
  type ContainerRecord,
  memoryPublishState,
  readContainer,
  readId,
  stateKeys,
} from './publish-state.js';
import { uploadVideo } from './upload-video.js';
import { validateDraft } from './validate-draft.js';

/** How many times `media_publish` is tried again after "not ready" (9007 / 2207027). */
const notReadyAttempts = 4;

/**
 * Publishes a Reel, continuing from the publish state:
 * - a stored media id → that post, no new request that could post;
 * - a stored container → its upload is resumed from the host's offset, then it is polled and
 *   published (never a second container, except once when it `EXPIRED`);
 * - otherwise: the publishing limit is read (`quota` when reached), a container is created and
 *   stored at once, the video uploaded (or downloaded by Meta from `video_url`), the container
 *   polled until `FINISHED`, published, its media id stored at once, and its permalink read.
 *
 * `media_publish` is never sent again after an answer that may hide a post (a dropped connection,
 * a 5xx): the error is `transient`, and the engine's `findExisting` reconciles first.
 */
export async function publishReel(
  settings: ResolvedInstagramSettings,
  provider: string,
  draft: PublishDraft,
  options: PublishOptions,
): Promise<PublishResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const validation = validateDraft(draft, settings);
  if (!validation.ok) throw new ConfigError(`${provider} draft`, validation.issues);
  const caption = adaptCaption(draft, settings) as string;
  const state = options.state ?? memoryPublishState();
  const session = openGraphSession(settings, provider, signal);
  const warnings: CallWarning[] = [];
  const finish = (post: PublishedPost): PublishResult => {
    onProgress?.({ fraction: 1, message: `published ${post.url}` });
    return { post, cost: { usd: 0, unit: 'post', quantity: 1, priceDate: instagramDefaults.asOf }, warnings };
  };

  const storedMedia = await readId(state, stateKeys.mediaId);
  if (storedMedia) return finish(await fetchPost(session, storedMedia, draft.marker));

  const create = async () =>
    createContainer({ session, settings, provider, draft, caption, media: options.media, state, warnings });
  let container = await readContainer(state);
  let resumed = container !== undefined;
  if (!container) {
    onProgress?.({ fraction: 0.01, message: 'checking the Instagram publishing limit' });
    await checkPublishingLimit(session, settings, provider);
    container = await create();
  }
  const wait = (from: number, to: number): WaitOptions => ({
    poll: settings.poll,
    provider,
    signal,
    onProgress,
    from,
    to,
  });
  const renew = async (expired: ContainerRecord): Promise<ContainerRecord> => {
    const replaced = Number((await state.get(stateKeys.recreated)) ?? 0);
    if (replaced >= 1) {
      throw new ProviderError({
        kind: 'unknown',
        provider,
        code: 'EXPIRED',
        message: `container ${expired.id} expired, and so did the one created to replace it; check the video and publish again later.`,
      });
    }
    await state.set(stateKeys.recreated, replaced + 1);
    warnings.push({
      type: 'other',
      message: `container ${expired.id} had expired (24 h); a new one was created.`,
    });
    resumed = false;
    return create();
  };

  for (;;) {
    if (container.mode === 'resumable' && (await state.get(stateKeys.uploaded)) !== true) {
      if (resumed) {
        const status = await getContainerStatus(session, container.id);
        if (status.code === 'EXPIRED') {
          container = await renew(container);
          continue;
        }
      }
      await uploadVideo({
        session,
        settings,
        provider,
        container,
        video: draft.video,
        media: options.media,
        state,
        resumed: resumed && container.sha256 === draft.video.sha256,
        signal,
        onProgress,
        from: 0.05,
        to: 0.6,
      });
    }
    const outcome = await waitForContainer(session, container.id, wait(0.6, 0.95));
    if (outcome === 'EXPIRED') {
      container = await renew(container);
      continue;
    }
    if (outcome === 'PUBLISHED')
      return finish(await adoptPublished(session, settings, provider, container, draft, state));
    const published = await publishContainer(session, settings, container.id, wait(0.95, 0.97), signal);
    if (published === 'EXPIRED') {
      container = await renew(container);
      continue;
    }
    if (published === 'PUBLISHED') {
      return finish(await adoptPublished(session, settings, provider, container, draft, state));
    }
    await state.set(stateKeys.mediaId, published);
    onProgress?.({ fraction: 0.98, message: `published media ${published}; reading its permalink` });
    return finish(await fetchPost(session, published, draft.marker));
  }
}

/**
 * `POST /{ig-user-id}/media_publish` with `creation_id`. Resolves the media id, or what the
 * container turned out to be when the service said "not ready" (9007 / 2207027: polled again,
 * then published) or "expired" (2207020).
 */
async function publishContainer(
  session: GraphSession,
  settings: ResolvedInstagramSettings,
  containerId: string,
  wait: WaitOptions,
  signal: AbortSignal | undefined,
): Promise<string | 'EXPIRED' | 'PUBLISHED'> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await session.request<{ id?: unknown }>({
        method: 'POST',
        path: `/${settings.igUserId}/media_publish`,
        form: { creation_id: containerId },
        step: `publish container ${containerId}`,
      });
      if (typeof data.id === 'string' && data.id !== '') return data.id;
      throw new ProviderError({
        kind: 'transient',
        provider: wait.provider,
        code: 'malformed_response',
        body: data,
        message: `publishing container ${containerId} answered without a media id; the post may exist, so it is reconciled before any new attempt.`,
      });
    } catch (error) {
      if (!ProviderError.isInstance(error)) throw error;
      const subcode = error.code?.split('/')[1];
      if (subcode === '2207020') return 'EXPIRED';
      const notReady = subcode === '2207027' || error.code === '9007';
      if (!notReady || attempt >= notReadyAttempts) throw error;
      await sleep(settings.poll.initialMs, signal);
      const outcome = await waitForContainer(session, containerId, wait);
      if (outcome !== 'FINISHED') return outcome;
    }
  }
}

/** A container already `PUBLISHED` (the media id was never stored): find its post by the caption marker. */
async function adoptPublished(
  session: GraphSession,
  settings: ResolvedInstagramSettings,
  provider: string,
  container: ContainerRecord,
  draft: PublishDraft,
  state: PublishState,
): Promise<PublishedPost> {
  const post = await findPostByMarker(session, settings.igUserId, draft.marker, settings.scan);
  if (!post) {
    throw new ProviderError({
      kind: 'unknown',
      provider,
      code: 'PUBLISHED',
      message:
        `container ${container.id} is already published, but no recent media carries marker ${draft.marker}; ` +
        'it is not published again. Check the account and record the post by hand.',
    });
  }
  await state.set(stateKeys.mediaId, post.id);
  return post;
}
