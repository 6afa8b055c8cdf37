import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProviderError } from '../errors/provider-error.js';
import type { MediaData } from '../spec/media.js';

const maxPhotoBytes = 20 * 1024 * 1024;
const typesByExtension: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
};

/**
 * The default photo loader: `http(s)` URLs with fetch, `file:` URLs and paths from disk.
 * Checks the type is an image and the size is at most 20 MiB.
 */
export async function loadPhoto(url: string, options: { signal: AbortSignal }): Promise<MediaData> {
  if (/^https?:\/\//i.test(url)) return fetchPhoto(url, options.signal);
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  const mediaType = typesByExtension[path.extname(file).toLowerCase()];
  if (!mediaType) throw invalid(url, 'is not a PNG, JPEG, WebP, GIF or AVIF file');
  const data = await readFile(file, { signal: options.signal }).catch((error: NodeJS.ErrnoException) => {
    throw invalid(url, `cannot be read (${error.code ?? error.message})`);
  });
  if (data.byteLength === 0 || data.byteLength > maxPhotoBytes)
    throw invalid(url, `has ${data.byteLength} bytes`);
  return { data: new Uint8Array(data), mediaType };
}

async function fetchPhoto(url: string, signal: AbortSignal): Promise<MediaData> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new ProviderError({
      kind: 'transient',
      provider: 'photo-loader',
      message: `cannot download ${url}`,
      cause: error,
    });
  }
  if (!response.ok) {
    const kind = response.status >= 500 || response.status === 429 ? 'transient' : 'invalid_input';
    throw new ProviderError({
      kind,
      provider: 'photo-loader',
      status: response.status,
      message: `${url} answered ${response.status}`,
    });
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!mediaType.startsWith('image/')) throw invalid(url, `is ${mediaType || 'of no type'}, not an image`);
  const data = new Uint8Array(await response.arrayBuffer());
  if (data.byteLength === 0 || data.byteLength > maxPhotoBytes)
    throw invalid(url, `has ${data.byteLength} bytes`);
  return { data, mediaType };
}

function invalid(url: string, problem: string): ProviderError {
  return new ProviderError({
    kind: 'invalid_input',
    provider: 'photo-loader',
    message: `product photo ${url} ${problem}; give the product a photo URL or file that is an image up to 20 MiB`,
  });
}
