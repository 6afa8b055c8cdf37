import {
  type CallWarning,
  ProviderError,
  type PublishDraft,
  type PublishOptions,
  type PublishResult,
} from '@reelsmith/core';
import { getStatus, toPublishedPost } from './find-status.js';
import { type MastodonStatus, stateKeys } from './mastodon-types.js';
import { composeStatus } from './status-text.js';
import { type UploadContext, uploadVideo } from './upload-video.js';

/**
 * Publishes one draft:
 * 1. a status whose id the publish state holds (posted before a crash) is adopted, not repeated;
 * 2. the video is uploaded and processed (or the stored upload is reused);
 * 3. `POST /api/v1/statuses` with the text, `media_ids[]` and an `Idempotency-Key` derived from
 *    the marker, so a request resent after a lost answer returns the same status (Mastodon keeps
 *    the key for an hour); the status id goes to the state at once.
 */
export async function publishStatus(
  draft: PublishDraft,
  publish: PublishOptions,
  context: UploadContext,
): Promise<PublishResult> {
  const { client, options, provider } = context;
  const { signal, state } = publish;
  signal?.throwIfAborted();
  const text = composeStatus(draft, options);
  if (text === undefined) {
    throw new ProviderError({
      kind: 'invalid_input',
      provider,
      message: `the link, the disclosure and the marker line do not fit in ${options.maxCharacters} characters; validate() names the fix`,
    });
  }
  const warnings: CallWarning[] = [];

  const stored = (await state?.get(stateKeys.status)) as { id?: string } | undefined;
  if (stored?.id) {
    const existing = await getStatus(client, stored.id, signal);
    if (existing) {
      warnings.push({
        type: 'other',
        message: `status ${existing.id} was posted before; it was adopted, not posted again`,
      });
      return { post: toPublishedPost(existing, draft.marker), cost: { usd: 0 }, warnings };
    }
  }

  const mediaId = await uploadVideo(draft, publish, context);
  publish.onProgress?.({ fraction: 0.9, message: 'posting the status' });
  const form = new URLSearchParams({ status: text, visibility: options.visibility });
  form.append('media_ids[]', mediaId);
  if (options.language) form.set('language', options.language);
  const idempotencyKey = publish.idempotencyKey ? `${draft.marker}:${publish.idempotencyKey}` : draft.marker;
  const { data: status } = await client<MastodonStatus>(
    { method: 'POST', path: '/api/v1/statuses', body: form, headers: { 'idempotency-key': idempotencyKey } },
    signal,
  );
  await state?.set(stateKeys.status, { id: status.id, url: status.url ?? status.uri });
  publish.onProgress?.({ fraction: 1, message: `status ${status.id} posted` });
  return { post: toPublishedPost(status, draft.marker), cost: { usd: 0 }, warnings };
}
