import { createHash } from 'node:crypto';
import {
  createCallGuard,
  type MediaData,
  type MediaStore,
  type PhotoLoader,
  ProviderError,
  redactText,
  sleep,
} from '@reelsmith/core';
import { imageExtensions, sniffImageType } from './sniff-image-type.js';

/** Options of {@link createPhotoDownloader}. */
export interface PhotoDownloaderOptions {
  /**
   * Keeps each photo under `product-photos/<sha256(url)>.<ext>`, so a resumed run reads it back
   * instead of downloading it again. Default: no store (every call downloads).
   */
  media?: MediaStore;
  /** Largest photo accepted, in bytes. Default 15 MB (15 × 1024 × 1024). */
  maxBytes?: number;
  /** Accepted types, checked on the bytes (magic numbers), not only the header. Default JPEG, PNG, WebP. */
  allowedTypes?: readonly string[];
  /** Time limit of each download attempt, in ms. Default 30 000. */
  timeoutMs?: number;
  /** Retries after a transient failure (network, timeout, 5xx, 429). Default 2. */
  retries?: number;
  /** First retry delay, doubled each retry, in ms. Default 500. */
  retryDelayMs?: number;
  /** The fetch to use. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
}

const provider = 'photo-downloader';
const defaultTypes = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * Creates a core `PhotoLoader` for product photos: an http(s) download with a size cap, a type
 * check on the bytes, bounded retries of transient failures and, with `media`, a cache by URL.
 * Pass it as `createAffiliatePipeline({ photoLoader })`. Scraped Amazon photos are for reference
 * and verification only; the compliance guard decides where they may appear.
 *
 * @example
 * ```ts
 * const photoLoader = createPhotoDownloader({ media: createFileMediaStore('.reelsmith/media') });
 * const { data, mediaType } = await photoLoader(product.imageUrls[0]!, { signal: AbortSignal.timeout(60_000) });
 * ```
 */
export function createPhotoDownloader(options: PhotoDownloaderOptions = {}): PhotoLoader {
  const maxBytes = options.maxBytes ?? 15 * 1024 * 1024;
  const allowed = options.allowedTypes ?? defaultTypes;
  const retries = Math.max(0, Math.floor(options.retries ?? 2));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retryDelayMs = options.retryDelayMs ?? 500;

  return async (url, { signal }) => {
    if (signal?.aborted) throw signal.reason;
    const shown = redactText(url);
    if (!/^https?:\/\//i.test(url)) throw invalid(`product photo ${shown} is not an http(s) URL`);
    const stem = `product-photos/${createHash('sha256').update(url).digest('hex')}`;
    if (options.media) {
      for (const type of allowed) {
        const key = `${stem}.${imageExtensions[type] ?? 'img'}`;
        if (await options.media.has(key))
          return { data: await options.media.get(key, { signal }), mediaType: type };
      }
    }
    let photo: MediaData | undefined;
    for (let attempt = 0; !photo; attempt += 1) {
      try {
        photo = await download(url, shown, { signal, timeoutMs, maxBytes, allowed, fetch: options.fetch });
      } catch (error) {
        const transient = ProviderError.isInstance(error) && error.kind === 'transient';
        if (!transient || attempt >= retries || signal?.aborted) throw error;
        await sleep(retryDelayMs * 2 ** attempt, signal);
      }
    }
    await options.media?.put(
      `${stem}.${imageExtensions[photo.mediaType] ?? 'img'}`,
      photo.data,
      photo.mediaType,
      {
        signal,
      },
    );
    return photo;
  };
}

interface DownloadSettings {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  maxBytes: number;
  allowed: readonly string[];
  fetch: typeof fetch | undefined;
}

async function download(url: string, shown: string, settings: DownloadSettings): Promise<MediaData> {
  const guard = createCallGuard(settings.signal, settings.timeoutMs);
  const limit = `${settings.maxBytes} bytes (${(settings.maxBytes / 1024 / 1024).toFixed(1)} MB)`;
  try {
    const response = await guard.run((settings.fetch ?? globalThis.fetch)(url, { signal: guard.signal }));
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
      void response.body?.cancel().catch(() => undefined);
      throw new ProviderError({
        kind: retryable ? 'transient' : 'invalid_input',
        provider,
        status: response.status,
        message: `product photo ${shown} answered ${response.status}${retryable ? '; retry later' : '; give the product another photo URL'}`,
      });
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > settings.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw invalid(
        `product photo ${shown} is ${declared} bytes, over the limit of ${limit}; raise maxBytes or use a smaller photo`,
      );
    }
    const data = await guard.run(readCapped(response, settings.maxBytes));
    if (!data)
      throw invalid(
        `product photo ${shown} is over the limit of ${limit}; raise maxBytes or use a smaller photo`,
      );
    const mediaType = sniffImageType(data);
    if (!mediaType || !settings.allowed.includes(mediaType)) {
      const header = response.headers.get('content-type') ?? 'no content-type';
      throw invalid(
        `product photo ${shown} is ${mediaType ?? 'not an image'} (by its bytes; the server said ${header}); accepted: ${settings.allowed.join(', ')}`,
      );
    }
    return { data, mediaType };
  } catch (error) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    if (ProviderError.isInstance(error)) throw error;
    throw new ProviderError({
      kind: 'transient',
      provider,
      code: guard.timedOut() ? 'timeout' : 'network_error',
      message: guard.timedOut()
        ? `product photo ${shown} did not download within ${settings.timeoutMs} ms; retry later`
        : `product photo ${shown} could not be downloaded; retry later`,
    });
  } finally {
    guard.dispose();
  }
}

/** Reads the body, giving up (and returning `undefined`) once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const data = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return data;
}

function invalid(message: string): ProviderError {
  return new ProviderError({ kind: 'invalid_input', provider, message });
}
