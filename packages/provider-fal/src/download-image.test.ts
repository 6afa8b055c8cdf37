import { describe, expect, it } from 'vitest';
import { downloadImage } from './download-image.js';

const provider = 'fal:fal-ai/flux-pro/kontext';

describe('downloadImage', () => {
  it('decodes a sync_mode data URI without a request', async () => {
    const fetchImage = (() => {
      throw new Error('no request expected');
    }) as unknown as typeof fetch;
    const image = await downloadImage({ url: 'data:image/png;base64,iVBORw0K' }, fetchImage, provider);
    expect(image.mediaType).toBe('image/png');
    expect([...image.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('takes the media type from the answer, else from the result', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const octet: typeof fetch = async () =>
      new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } });
    const image = await downloadImage(
      { url: 'https://v3b.fal.media/a', contentType: 'image/jpeg' },
      octet,
      provider,
    );
    expect(image).toEqual({ data: bytes, mediaType: 'image/jpeg' });
  });

  it('refuses an empty body or a non-image answer as transient', async () => {
    const html: typeof fetch = async () =>
      new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
    await expect(downloadImage({ url: 'https://v3b.fal.media/a' }, html, provider)).rejects.toMatchObject({
      kind: 'transient',
      code: 'output_unreadable',
    });
    const empty: typeof fetch = async () =>
      new Response(new Uint8Array(0), { headers: { 'content-type': 'image/png' } });
    await expect(downloadImage({ url: 'https://v3b.fal.media/a' }, empty, provider)).rejects.toMatchObject({
      kind: 'transient',
    });
  });

  it('rejects a data URI that is not a base64 image', async () => {
    await expect(downloadImage({ url: 'data:text/plain,hello' }, fetch, provider)).rejects.toMatchObject({
      kind: 'unknown',
    });
  });
});
