import { createHash } from 'node:crypto';
import type { MediaRef, MediaStore, PublishDraft } from '@reelsmith/core';
import { createMemoryMediaStore, createPng } from '@reelsmith/testkit';
import { OAuth2Client } from 'google-auth-library';
import { fakeAccessToken } from './youtube-service.js';

/** Obviously fake OAuth credentials. */
export const fakeRefreshToken = 'test-refresh-token-not-real';
export const fakeClientSecret = 'test-client-secret-not-real';

/** An OAuth2Client (google-auth-library) holding fake tokens; `expired` makes it refresh first. */
export function fakeOAuthClient(options: { expired?: boolean } = {}): OAuth2Client {
  const client = new OAuth2Client({
    clientId: 'test-client-id.apps.googleusercontent.com',
    clientSecret: fakeClientSecret,
  });
  client.setCredentials({
    access_token: fakeAccessToken,
    refresh_token: fakeRefreshToken,
    token_type: 'Bearer',
    expiry_date: options.expired ? Date.now() - 60_000 : Date.now() + 3_600_000,
  });
  return client;
}

/**
 * Bytes that stand in for an MP4 (an `ftyp` box, then filler): the publisher never parses the
 * video and the fake stores byte counts only. `size` defaults to 2.5 chunks of 256 KiB.
 */
export function fakeVideoBytes(size = 640 * 1024): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  for (let index = 12; index < size; index += 1) bytes[index] = (index * 31) & 0xff;
  return bytes;
}

/** SHA-256 hex, as a MediaRef holds it. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A media store holding a video and a thumbnail, and a valid Shorts draft for them. */
export async function draftFixture(
  options: { marker?: string; videoSize?: number; thumbnail?: boolean } = {},
): Promise<{ media: MediaStore; draft: PublishDraft; video: MediaRef }> {
  const media = createMemoryMediaStore();
  const video = await media.put('run-1/video.mp4', fakeVideoBytes(options.videoSize), 'video/mp4');
  const thumbnail =
    options.thumbnail === false
      ? undefined
      : await media.put('run-1/thumbnail.png', createPng({ width: 72, height: 128 }), 'image/png');
  const draft: PublishDraft = {
    marker: options.marker ?? 'rsm-0123456789abcdef0123',
    title: 'This kettle boils a litre in 90 seconds',
    description:
      'Meet the kettle that boils in 90 seconds.\n\nhttps://www.amazon.com/dp/B0TEST0001?tag=reelsmith-20 (paid link)\n' +
      'As an Amazon Associate I earn from qualifying purchases. #ad',
    tags: ['kettle', '#kitchen', 'kitchen gadgets'],
    video,
    ...(thumbnail ? { thumbnail } : {}),
    durationMs: 28_000,
    width: 1080,
    height: 1920,
  };
  return { media, draft, video };
}
