import type { MediaStore, PublishDraft } from '@reelsmith/core';
import { createPng } from '@reelsmith/testkit';

/** Obviously fake credentials the fake site accepts. */
export const fakeCredentials = {
  siteUrl: 'https://blog.example.test',
  username: 'reelsmith-bot',
  applicationPassword: 'test Fake Pass word NotR eal0',
} as const;

/** The start of an MP4 (`ftyp` box, isom brand) followed by filler: enough for upload tests. */
export function fakeMp4(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0]);
  for (let index = 16; index < size; index += 1) bytes[index] = index % 251;
  return bytes;
}

/** Stores a video and a thumbnail in `media` and returns a valid draft using them. */
export async function makeDraft(
  media: MediaStore,
  marker = 'rsm-0123456789abcdef0123',
): Promise<PublishDraft> {
  const video = await media.put(`${marker}/video.mp4`, fakeMp4(), 'video/mp4');
  const thumbnail = await media.put(
    `${marker}/thumbnail.png`,
    createPng({ width: 8, height: 8 }),
    'image/png',
  );
  return {
    marker,
    title: 'Steel Bottle <Pro> & "Friends"',
    description:
      'Keeps drinks cold for 24 hours.\n\nGet it here: https://www.amazon.com/dp/B0TEST0001?tag=reelsmith-20 (paid link)\n' +
      'As an Amazon Associate I earn from qualifying purchases. #ad',
    tags: ['bottle', 'Kitchen & Dining'],
    video,
    thumbnail,
    durationMs: 20_000,
    width: 1080,
    height: 1920,
    product: {
      title: 'Steel Bottle Pro',
      bullets: ['Double wall', 'Leak-proof <lid>'],
      reviews: [],
      imageUrls: [],
      affiliateUrl: 'https://www.amazon.com/dp/B0TEST0001?tag=reelsmith-20',
    },
    links: ['https://www.amazon.com/dp/B0TEST0001?tag=reelsmith-20'],
  };
}
