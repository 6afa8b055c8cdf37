import { ProviderError } from '@reelsmith/core';
import type { FalOutputImage } from './parse-model-output.js';

/** Downloaded image bytes. */
export interface DownloadedImage {
  data: Uint8Array;
  mediaType: string;
}

/**
 * Fetches one output image into bytes right away (fal's CDN keeps outputs for a limited time,
 * so a URL is never handed on). `data:` URIs (`sync_mode`) are decoded in place. `fetchImage`
 * is the classifying transport: a 404 on the CDN arrives as a `transient` `ProviderError`.
 */
export async function downloadImage(
  image: FalOutputImage,
  fetchImage: typeof fetch,
  provider: string,
): Promise<DownloadedImage> {
  if (image.url.startsWith('data:')) return decodeDataUri(image.url, provider);
  const response = await fetchImage(image.url, { method: 'GET' });
  const data = new Uint8Array(await response.arrayBuffer());
  const header = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  const mediaType = header.startsWith('image/') ? header : (image.contentType ?? header);
  if (data.length === 0 || !mediaType.startsWith('image/')) {
    throw new ProviderError({
      kind: 'transient',
      provider,
      status: response.status,
      code: 'output_unreadable',
      message: `the output image came back ${data.length === 0 ? 'empty' : `as ${mediaType || 'an unknown type'}`}; nothing was kept.`,
    });
  }
  return { data, mediaType };
}

function decodeDataUri(uri: string, provider: string): DownloadedImage {
  const match = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(uri);
  if (!match?.[2] || !match[1]?.startsWith('image/')) {
    throw new ProviderError({
      kind: 'unknown',
      provider,
      code: 'output_unreadable',
      message: 'fal returned an output data URI that is not a base64 image.',
    });
  }
  return { data: new Uint8Array(Buffer.from(match[3] ?? '', 'base64')), mediaType: match[1] };
}
