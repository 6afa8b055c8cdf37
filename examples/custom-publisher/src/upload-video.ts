import { ProviderError, type PublishDraft, type PublishOptions, sleep } from '@reelsmith/core';
import type { MastodonClient } from './mastodon-client.js';
import type { ResolvedMastodonOptions } from './mastodon-options.js';
import { type MastodonMedia, stateKeys } from './mastodon-types.js';

/** What an upload needs from its publisher. */
export interface UploadContext {
  provider: string;
  options: ResolvedMastodonOptions;
  client: MastodonClient;
}

/**
 * Uploads the draft's video (`POST /api/v2/media`, multipart) and waits until the server has
 * processed it: a `202` answer has `url: null`, and `GET /api/v1/media/:id` answers `206` until
 * the video is ready, then `200`. The media id goes to the publish state the moment it exists,
 * so a retry or a resumed run continues with the same upload instead of sending the video again.
 * Resolves the media id.
 */
export async function uploadVideo(
  draft: PublishDraft,
  publish: PublishOptions,
  context: UploadContext,
): Promise<string> {
  const { client } = context;
  const { signal, state, media } = publish;
  const stored = (await state?.get(stateKeys.media)) as { id?: string } | undefined;
  if (stored?.id) {
    if (await waitForProcessing(stored.id, publish, context)) return stored.id;
    // Gone: deleted, or attached to a status that findExisting did not find. Upload again.
    await state?.delete(stateKeys.media);
  }

  const form = new FormData();
  const video = await media.get(draft.video, { signal });
  form.set(
    'file',
    new Blob([new Uint8Array(video)], { type: draft.video.mediaType }),
    fileName(draft.video.key),
  );
  form.set('description', draft.title.trim().slice(0, 1500));
  if (draft.thumbnail) {
    const thumbnail = await media.get(draft.thumbnail, { signal });
    form.set(
      'thumbnail',
      new Blob([new Uint8Array(thumbnail)], { type: draft.thumbnail.mediaType }),
      fileName(draft.thumbnail.key),
    );
  }
  publish.onProgress?.({
    fraction: 0.05,
    message: `uploading ${(video.byteLength / 1048576).toFixed(1)} MiB`,
  });
  const { data, status } = await client<MastodonMedia>(
    { method: 'POST', path: '/api/v2/media', body: form },
    signal,
  );
  await state?.set(stateKeys.media, { id: data.id });
  if (status === 200 && data.url !== null) return data.id;
  if (!(await waitForProcessing(data.id, publish, context))) {
    throw new ProviderError({
      kind: 'transient',
      provider: context.provider,
      status: 404,
      code: 'media_gone',
      message: `media ${data.id} disappeared while the server processed it; a retry uploads the video again`,
    });
  }
  return data.id;
}

/**
 * Polls `GET /api/v1/media/:id` until the video is processed. Resolves `false` when the media no
 * longer exists (404); rejects with `invalid_input` when processing failed (422).
 */
async function waitForProcessing(
  id: string,
  publish: PublishOptions,
  context: UploadContext,
): Promise<boolean> {
  const { client, options } = context;
  const started = Date.now();
  for (;;) {
    let answer: { data: MastodonMedia; status: number };
    try {
      answer = await client<MastodonMedia>(
        { method: 'GET', path: `/api/v1/media/${encodeURIComponent(id)}` },
        publish.signal,
      );
    } catch (error) {
      if (ProviderError.isInstance(error) && error.status === 404) return false;
      throw error;
    }
    if (answer.status === 200 && answer.data.url !== null) return true;
    const waited = Date.now() - started;
    if (waited >= options.maxProcessingMs) {
      throw new ProviderError({
        kind: 'transient',
        provider: context.provider,
        code: 'processing_timeout',
        message: `the server was still processing media ${id} after ${Math.round(waited / 1000)} s; a retry continues with the same upload (or raise processing.maxWaitMs)`,
      });
    }
    publish.onProgress?.({ fraction: 0.5, message: 'the server is processing the video' });
    await sleep(options.pollIntervalMs, publish.signal);
  }
}

function fileName(key: string): string {
  return key.split('/').pop() || 'video.mp4';
}
