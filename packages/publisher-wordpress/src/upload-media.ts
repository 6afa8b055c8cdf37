import { type MediaRef, type MediaStore, ProviderError, type PublishState } from '@reelsmith/core';
import { asciiSlug, contentDisposition, extensionFor, uploadFileName } from './content-disposition.js';
import { openMediaBody } from './media-body.js';
import type { PostMedia } from './render-post.js';
import { retryStep } from './retry-step.js';
import type { WordPressClient } from './wordpress-client.js';
import { stateKeys, type WordPressMedia } from './wordpress-types.js';

/** What one upload needs. */
export interface UploadContext {
  provider: string;
  client: WordPressClient;
  media: MediaStore;
  state: PublishState | undefined;
  signal: AbortSignal | undefined;
  retries: number;
  retryBaseDelayMs: number;
  /** Receives the bytes of this upload sent so far. */
  onBytes: (sent: number) => void;
}

/** One file to upload: the draft's video or thumbnail. */
export interface UploadItem {
  role: 'video' | 'thumbnail';
  ref: MediaRef;
  title: string;
  marker: string;
}

/**
 * Uploads one media item exactly once per publish, with a raw body (`POST /wp/v2/media`,
 * `Content-Type` and `Content-Disposition` headers):
 * - an id in the publish state → that item is checked (`GET /wp/v2/media/<id>`) and reused;
 * - an upload started before a crash but never recorded → the item is looked for by the marker
 *   in its file name (WordPress titles attachments after the file) and reused when found;
 * - otherwise the file is streamed, and its id written to the state the moment it is known.
 * WordPress has no resumable uploads: an upload cut off mid-body is discarded by PHP and sent
 * again whole. A failed attempt is retried only after the lookup confirms nothing was stored.
 */
export async function uploadMedia(
  item: UploadItem,
  context: UploadContext,
): Promise<{ media: PostMedia; reused: boolean }> {
  const { client, state, signal } = context;
  const stored = (await state?.get(stateKeys.media(item.role))) as PostMedia | undefined;
  if (stored && typeof stored.id === 'number') {
    const still = await fetchMedia(client, stored.id, context.provider, signal);
    if (still) {
      context.onBytes(item.ref.size);
      return { media: still, reused: true };
    }
  }
  const extension = extensionFor(item.ref.mediaType, item.ref.key);
  const fileName = uploadFileName(item.title, item.marker, item.role, extension);
  const needle = `${asciiSlug(item.marker, 80)}-${item.role}`;
  const lookup = () => findUpload(client, needle, context.provider, signal);
  if (state && (await state.get(stateKeys.uploadStarted(item.role))) !== undefined) {
    const found = await lookup();
    if (found) {
      await state.set(stateKeys.media(item.role), found);
      context.onBytes(item.ref.size);
      return { media: found, reused: true };
    }
  }
  await state?.set(stateKeys.uploadStarted(item.role), { fileName: fileName.ascii });
  const media = await retryStep(
    async () => {
      const body = await openMediaBody(context.media, item.ref, signal, context.onBytes);
      try {
        const { data } = await client.send<WordPressMedia>(
          {
            method: 'POST',
            route: '/wp/v2/media',
            resource: 'media',
            upload: {
              body: body.body,
              length: body.length,
              headers: {
                'content-type': item.ref.mediaType,
                'content-disposition': contentDisposition(fileName),
              },
            },
          },
          signal,
        );
        return toPostMedia(data, item.ref.mediaType, context.provider);
      } finally {
        await body.close();
      }
    },
    { retries: context.retries, baseDelayMs: context.retryBaseDelayMs, signal, verify: lookup },
  );
  await state?.set(stateKeys.media(item.role), media);
  return { media, reused: false };
}

async function fetchMedia(
  client: WordPressClient,
  id: number,
  provider: string,
  signal: AbortSignal | undefined,
): Promise<PostMedia | undefined> {
  try {
    const { data } = await client.send<WordPressMedia>(
      { method: 'GET', route: `/wp/v2/media/${id}`, resource: 'media', query: { context: 'edit' } },
      signal,
    );
    return toPostMedia(data, data.mime_type ?? 'application/octet-stream', provider);
  } catch (error) {
    if (ProviderError.isInstance(error) && error.status === 404) return undefined;
    throw error;
  }
}

/** Looks up an upload by the `<marker>-<role>` part of its file name. */
async function findUpload(
  client: WordPressClient,
  needle: string,
  provider: string,
  signal: AbortSignal | undefined,
): Promise<PostMedia | undefined> {
  const { data } = await client.send<WordPressMedia[]>(
    {
      method: 'GET',
      route: '/wp/v2/media',
      resource: 'media',
      query: { search: needle, context: 'edit', per_page: 20, orderby: 'id', order: 'asc' },
    },
    signal,
  );
  const match = (Array.isArray(data) ? data : []).find((media) =>
    [media.slug, media.title?.raw, media.source_url].some(
      (text) => typeof text === 'string' && text.includes(needle),
    ),
  );
  return match ? toPostMedia(match, match.mime_type ?? 'application/octet-stream', provider) : undefined;
}

function toPostMedia(data: WordPressMedia, mediaType: string, provider: string): PostMedia {
  if (typeof data?.id !== 'number' || typeof data.source_url !== 'string') {
    throw new ProviderError({
      kind: 'unknown',
      provider,
      message:
        'POST media answered without an `id` and `source_url`; a plugin may have changed the media endpoint',
      body: data,
    });
  }
  return { id: data.id, url: data.source_url, mediaType: data.mime_type ?? mediaType };
}
