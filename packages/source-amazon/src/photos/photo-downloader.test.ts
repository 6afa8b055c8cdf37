import { createHash } from 'node:crypto';
import { ProviderError } from '@reelsmith/core';
import {
  createMemoryMediaStore,
  createPng,
  installTestServer,
  sequence,
  serverError,
} from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createPhotoDownloader } from './photo-downloader.js';
import { sniffImageType } from './sniff-image-type.js';

const server = installTestServer();
const url = 'https://m.media-amazon.com/images/I/71abcHydroA.jpg';
const png = createPng({ width: 8, height: 8 });
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
const signal = new AbortController().signal;
const image =
  (bytes: Uint8Array, type = 'image/jpeg') =>
  () =>
    new HttpResponse(bytes, { headers: { 'content-type': type } });

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  if (!ProviderError.isInstance(error)) throw error;
  return error;
}

describe('createPhotoDownloader', () => {
  it('downloads and types a photo by its bytes, not its header', async () => {
    server.use(http.get(url, image(png, 'image/jpeg')));
    const photo = await createPhotoDownloader()(url, { signal });
    expect(photo.mediaType).toBe('image/png');
    expect(photo.data).toEqual(png);
  });

  it('caches by URL in the media store, so a second loader (a resumed run) does not download again', async () => {
    const media = createMemoryMediaStore();
    server.use(http.get(url, image(jpeg)));
    await createPhotoDownloader({ media })(url, { signal });
    const key = `product-photos/${createHash('sha256').update(url).digest('hex')}.jpg`;
    expect(await media.list('product-photos/')).toEqual([key]);
    const again = await createPhotoDownloader({ media })(url, { signal });
    expect(again).toEqual({ data: jpeg, mediaType: 'image/jpeg' });
    expect(server.calls).toHaveLength(1);
  });

  it('refuses a photo over maxBytes, naming the URL and the limit', async () => {
    server.use(http.get(url, image(new Uint8Array(2048).fill(0xff))));
    const error = await rejection(createPhotoDownloader({ maxBytes: 1024 })(url, { signal }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain(url);
    expect(error.message).toMatch(/over the limit of 1024 bytes/);
  });

  it('refuses an HTML page sent as image/jpeg and a type outside allowedTypes', async () => {
    server.use(
      http.get(
        url,
        () => new HttpResponse('<html>captcha</html>', { headers: { 'content-type': 'image/jpeg' } }),
      ),
    );
    expect((await rejection(createPhotoDownloader()(url, { signal }))).message).toMatch(
      /not an image.*image\/jpeg/,
    );
    server.use(http.get(url, image(png, 'image/png')));
    const error = await rejection(createPhotoDownloader({ allowedTypes: ['image/jpeg'] })(url, { signal }));
    expect(error.message).toMatch(/is image\/png.*accepted: image\/jpeg/);
  });

  it('retries transient failures a bounded number of times, not 404s', async () => {
    server.use(http.get(url, sequence(serverError(503), serverError(503), image(jpeg))));
    const photo = await createPhotoDownloader({ retries: 2, retryDelayMs: 0 })(url, { signal });
    expect(photo.mediaType).toBe('image/jpeg');
    expect(server.calls).toHaveLength(3);

    server.resetCalls();
    server.use(http.get(url, serverError(503)));
    const error = await rejection(createPhotoDownloader({ retries: 1, retryDelayMs: 0 })(url, { signal }));
    expect(error.kind).toBe('transient');
    expect(server.calls).toHaveLength(2);

    server.resetCalls();
    server.use(http.get(url, () => new HttpResponse(null, { status: 404 })));
    expect((await rejection(createPhotoDownloader({ retryDelayMs: 0 })(url, { signal }))).kind).toBe(
      'invalid_input',
    );
    expect(server.calls).toHaveLength(1);
  });

  it('redacts secrets in the URL of its errors', async () => {
    const secretUrl = 'https://images.example.test/p.jpg?api_key=sd-test-key-not-real';
    server.use(http.get('https://images.example.test/p.jpg', () => new HttpResponse(null, { status: 403 })));
    const error = await rejection(createPhotoDownloader()(secretUrl, { signal }));
    expect(error.message).not.toContain('sd-test-key-not-real');
  });

  it('sniffs WebP, GIF and AVIF', () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(sniffImageType(text('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(text('GIF89a......'))).toBe('image/gif');
    expect(sniffImageType(text('\0\0\0\x18ftypavif'))).toBe('image/avif');
    expect(sniffImageType(text('hello'))).toBeUndefined();
  });
});
