import type { PublishDraft } from '@reelsmith/core';
import { createMemoryMediaStore, type MemoryMediaStore } from '@reelsmith/testkit';
import { createInstagramPublisher } from '../instagram-publisher.js';
import type { InstagramPublisherOptions } from '../instagram-settings.js';
import {
  createInstagramService,
  type InstagramService,
  type InstagramServiceSwitches,
} from './instagram-service.js';
import { createVideoBytes } from './video-fixture.js';

/** The fake credentials the package's tests use. */
export const testCredentials = { igUserId: '17841400000000001', accessToken: 'test-access-token-not-real' };

/** A fake service, a publisher pointed at it with fast polling, and a valid draft whose video is in `media`. */
export async function publisherFixture(
  options: {
    switches?: Partial<InstagramServiceSwitches>;
    publisher?: Partial<InstagramPublisherOptions>;
    videoBytes?: number;
  } = {},
): Promise<{
  service: InstagramService;
  publisher: ReturnType<typeof createInstagramPublisher>;
  media: MemoryMediaStore;
  draft: PublishDraft;
  bytes: Uint8Array;
}> {
  const service = createInstagramService({
    igUserId: testCredentials.igUserId,
    accessTokens: [testCredentials.accessToken],
    switches: options.switches,
  });
  const publisher = createInstagramPublisher({
    ...testCredentials,
    poll: { initialMs: 1, maxMs: 4, budgetMs: 5_000 },
    ...options.publisher,
  });
  const media = createMemoryMediaStore();
  const bytes = createVideoBytes(options.videoBytes ?? 10_000);
  const video = await media.put('run-1/video.mp4', bytes, 'video/mp4');
  const draft: PublishDraft = {
    marker: 'rsm-0123456789abcdef0123',
    title: 'Steel bottle',
    description:
      'Keeps drinks cold for 24 hours.\n\nLink in bio (paid link)\nAs an Amazon Associate I earn from qualifying purchases. #ad',
    tags: ['bottle'],
    video,
    durationMs: 20_000,
    width: 1080,
    height: 1920,
    links: ['https://amzn.to/3xExample'],
    metadata: { callToAction: 'Grab yours today' },
  };
  return { service, publisher, media, draft, bytes };
}
