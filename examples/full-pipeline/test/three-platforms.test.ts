// The standard pipeline publishing one product to YouTube, Instagram and WordPress at once,
// against msw fakes that behave like the three services (each publisher package's own fake).
import { createAffiliatePipeline } from '@reelsmith/core';
import { createInstagramPublisher } from '@reelsmith/publisher-instagram';
import { createWordPressPublisher } from '@reelsmith/publisher-wordpress';
import { createYouTubePublisher } from '@reelsmith/publisher-youtube';
import {
  createFakeImageProvider,
  createFakeProductSource,
  createFakeRenderer,
  createFakeScriptProvider,
  createFakeVoiceProvider,
  createMemoryCheckpointStore,
  createMemoryMediaStore,
  createPng,
  installTestServer,
} from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { createInstagramService } from '../../../packages/publisher-instagram/src/testing/instagram-service.js';
import { testCredentials } from '../../../packages/publisher-instagram/src/testing/publisher-fixture.js';
import { fakeCredentials } from '../../../packages/publisher-wordpress/src/testing/draft-fixture.js';
import { createWordPressService } from '../../../packages/publisher-wordpress/src/testing/wordpress-service.js';
import { fakeOAuthClient } from '../../../packages/publisher-youtube/src/testing/fixtures.js';
import { createFakeYouTube } from '../../../packages/publisher-youtube/src/testing/youtube-service.js';

const server = installTestServer();

describe('one product to three platforms', () => {
  it('publishes to YouTube, Instagram and WordPress in parallel, each once, each with the disclosure', async () => {
    const youtube = createFakeYouTube();
    const instagram = createInstagramService({
      igUserId: testCredentials.igUserId,
      accessTokens: [testCredentials.accessToken],
    });
    const wordpress = createWordPressService();
    server.use(...youtube.handlers, ...instagram.handlers, ...wordpress.handlers);

    const started = new Map<string, number>();
    const pipeline = createAffiliatePipeline({
      productSource: createFakeProductSource({
        product: {
          affiliateUrl: 'https://www.amazon.com/dp/B0C1234567?tag=reelsmith-20',
          asin: 'B0C1234567',
        },
      }),
      script: createFakeScriptProvider(),
      images: createFakeImageProvider(),
      voice: createFakeVoiceProvider(),
      renderer: createFakeRenderer(),
      publishers: [
        createYouTubePublisher({
          auth: fakeOAuthClient(),
          account: 'e2e-channel',
          privacyStatus: 'public',
          selfDeclaredMadeForKids: false,
          chunkSize: 256 * 1024,
        }),
        createInstagramPublisher({ ...testCredentials, poll: { initialMs: 1, maxMs: 4, budgetMs: 5_000 } }),
        createWordPressPublisher({ ...fakeCredentials }),
      ],
      photoLoader: async () => ({ data: createPng({ width: 8, height: 8 }), mediaType: 'image/png' }),
      checkpoints: createMemoryCheckpointStore(),
      media: createMemoryMediaStore(),
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const ended = new Map<string, number>();
    pipeline.events.on('phase:start', (event) => started.set(event.phase, started.size));
    pipeline.events.on('phase:end', (event) => ended.set(event.phase, started.size));

    const result = await pipeline.run('Insulated steel bottle');
    const report = result.outputs.report as { urls: Record<string, string> };
    expect(Object.keys(report.urls).sort()).toEqual(['instagram', 'wordpress', 'youtube']);

    // Parallel: when the first publish phase ended, all three had started (counted in start order).
    const publishPhases = ['publish:youtube', 'publish:instagram', 'publish:wordpress'];
    const firstEnd = Math.min(...publishPhases.map((phase) => ended.get(phase) ?? Number.POSITIVE_INFINITY));
    const lastStart = Math.max(
      ...publishPhases.map((phase) => started.get(phase) ?? Number.POSITIVE_INFINITY),
    );
    expect(lastStart).toBeLessThan(firstEnd);

    expect(youtube.videos).toHaveLength(1);
    expect(instagram.state.media).toHaveLength(1);
    expect(wordpress.site.posts).toHaveLength(1);
    const disclosure = 'As an Amazon Associate I earn from qualifying purchases.';
    expect(youtube.videos[0]?.snippet.description).toContain(disclosure);
    expect(instagram.state.media[0]?.caption).toMatch(/(^|\s)#ad(\s|$)/);
    expect(instagram.state.media[0]?.caption).toContain(disclosure);
    expect(wordpress.site.posts[0]?.content).toContain('Amazon Associate');
    expect(wordpress.site.posts[0]?.content).toContain(
      'https://www.amazon.com/dp/B0C1234567?tag=reelsmith-20',
    );
  });
});
