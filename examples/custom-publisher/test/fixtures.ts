import type { MediaStore, PublishDraft } from '@reelsmith/core';

/** An obviously fake token: the fake server accepts only this one. */
export const accessToken = 'test-mastodon-token-not-real';

/** A few bytes that start like an MP4 file (`ftyp` box); the fake server does not decode them. */
export function videoBytes(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  return bytes;
}

/** A draft as the standard pipeline hands it to a publisher, with its video in `media`. */
export async function makeDraft(
  media: MediaStore,
  marker = 'rsm-0123456789abcdef0123',
): Promise<PublishDraft> {
  const video = await media.put(`${marker}/video.mp4`, videoBytes(), 'video/mp4');
  return {
    marker,
    title: 'The steel bottle that keeps ice for a day',
    description:
      'Keeps drinks cold for 24 hours and fits every cup holder. https://www.amazon.com/dp/B000000000?tag=deals-20 (paid link)\n\nAs an Amazon Associate I earn from qualifying purchases. #ad',
    tags: ['bottle', 'hydration', 'kitchen'],
    video,
    durationMs: 30_000,
    width: 1080,
    height: 1920,
    links: ['https://www.amazon.com/dp/B000000000?tag=deals-20'],
  };
}
