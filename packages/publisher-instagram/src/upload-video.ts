import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  type MediaRef,
  type MediaStore,
  type Progress,
  ProviderError,
  type PublishState,
} from '@reelsmith/core';
import type { GraphSession } from './graph-client.js';
import type { ResolvedInstagramSettings } from './instagram-settings.js';
import { type ContainerRecord, stateKeys } from './publish-state.js';

/** What {@link uploadVideo} needs. */
export interface UploadOptions {
  session: GraphSession;
  settings: ResolvedInstagramSettings;
  provider: string;
  container: ContainerRecord;
  video: MediaRef;
  media: MediaStore;
  state: PublishState;
  /** True when an earlier process may have sent bytes already: ask the host where to continue. */
  resumed: boolean;
  signal: AbortSignal | undefined;
  onProgress: ((progress: Progress) => void) | undefined;
  /** Progress fractions the upload reports between. */
  from: number;
  to: number;
}

/**
 * Uploads the video to a resumable container on the upload host (`rupload`), from the offset the
 * host reports when resuming. Each request sends `offset` and `file_size` headers and the bytes
 * from `offset` (to the end, or one `upload.chunkBytes` chunk); the confirmed offset is written to
 * the publish state after each request. Reads the file with `media.localPath` when the store has
 * one (a fresh stream per request), else the bytes with `media.get`. Re-sending bytes never creates
 * a post, so a failed request is retried from the host's offset, up to `upload.attempts` times in a
 * row without progress.
 */
export async function uploadVideo(options: UploadOptions): Promise<void> {
  const { settings, container, video, state, signal } = options;
  const size = video.size;
  const uri = uploadUri(settings, container);
  const localPath = await options.media.localPath?.(video);
  const bytes = localPath === undefined ? await options.media.get(video, { signal }) : undefined;
  const bodyOf = (start: number, end: number) => (): Uint8Array | ReadableStream<Uint8Array> =>
    bytes
      ? bytes.subarray(start, end)
      : (Readable.toWeb(
          createReadStream(localPath as string, { start, end: end - 1 }),
        ) as ReadableStream<Uint8Array>);

  let offset = options.resumed ? await resumeOffset(options, uri, size) : 0;
  let stalled = 0;
  while (offset < size) {
    signal?.throwIfAborted();
    const end = Math.min(size, offset + (settings.upload.chunkBytes ?? size));
    try {
      await options.session.request({
        method: 'POST',
        url: uri,
        authScheme: 'OAuth',
        headers: {
          offset: String(offset),
          file_size: String(size),
          'content-type': 'application/octet-stream',
          'content-length': String(end - offset),
        },
        body: bodyOf(offset, end),
        step: `upload the video to container ${container.id} (bytes ${offset}–${end} of ${size})`,
        timeoutMs: settings.upload.timeoutMs,
      });
      offset = end;
      stalled = 0;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!ProviderError.isInstance(error) || !error.retryable || ++stalled >= settings.upload.attempts)
        throw error;
      const reported = await reportedOffset(options, uri);
      offset = reported !== undefined && reported <= size ? reported : offset;
      continue;
    }
    await state.set(stateKeys.uploadOffset, offset);
    options.onProgress?.({
      fraction: options.from + ((options.to - options.from) * offset) / size,
      message: `uploaded ${offset} of ${size} bytes to Instagram`,
    });
  }
  await state.set(stateKeys.uploaded, true);
}

/** The upload URL: the container's `uri` path on the configured upload host (tests point it elsewhere). */
export function uploadUri(settings: ResolvedInstagramSettings, container: ContainerRecord): string {
  const fallback = `/ig-api-upload/${settings.graphVersion}/${container.id}`;
  const path =
    container.uploadUri && URL.canParse(container.uploadUri)
      ? new URL(container.uploadUri).pathname
      : fallback;
  return `${settings.ruploadUrl}${path}`;
}

/** Where a resumed upload continues: the host's offset, else the last confirmed one, else 0. */
async function resumeOffset(options: UploadOptions, uri: string, size: number): Promise<number> {
  const reported = await reportedOffset(options, uri);
  if (reported !== undefined && reported <= size) return reported;
  const stored = await options.state.get(stateKeys.uploadOffset);
  return typeof stored === 'number' && stored >= 0 && stored <= size ? stored : 0;
}

/**
 * Asks the upload host how many bytes it holds (`GET` on the upload URI → `{ "offset": N }`, the
 * rupload protocol's status answer). `undefined` when it cannot say; the caller then falls back.
 */
async function reportedOffset(options: UploadOptions, uri: string): Promise<number | undefined> {
  try {
    const { data } = await options.session.request<{ offset?: unknown; bytes_transferred?: unknown }>({
      method: 'GET',
      url: uri,
      authScheme: 'OAuth',
      step: `read the upload offset of container ${options.container.id}`,
    });
    const value = Number(data.offset ?? data.bytes_transferred);
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (ProviderError.isInstance(error) && error.kind === 'auth') throw error;
    return undefined;
  }
}
