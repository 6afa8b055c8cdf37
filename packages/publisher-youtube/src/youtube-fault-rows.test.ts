import { ProviderError, type PublishDraft } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryPublishState } from './publish-records.js';
import { draftFixture, fakeOAuthClient } from './testing/fixtures.js';
import { youTubeErrors } from './testing/google-errors.js';
import { createFakeYouTube, type FakeYouTube, youTubeRoute } from './testing/youtube-service.js';
import type { YouTubePublisherOptions } from './youtube-options.js';
import { createYouTubePublisher, type YouTubePublisher } from './youtube-publisher.js';

// Section 13.5 of the contracts sheet: one named test per row. Y8–Y10 and Y12 also run through
// the contract suite's extra faults (youtube-publisher.contract.test.ts).
const server = installTestServer();
const chunk = 256 * 1024;
let service: FakeYouTube;
beforeEach(() => {
  service = createFakeYouTube();
  server.use(...service.handlers);
});

function publisher(options: Partial<YouTubePublisherOptions> = {}): YouTubePublisher {
  return createYouTubePublisher({
    auth: fakeOAuthClient(),
    privacyStatus: 'public',
    selfDeclaredMadeForKids: false,
    chunkSize: chunk,
    retryBaseMs: 1,
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

const chunkStarts = () => service.chunks.map((item) => item.start);
const chunkSessions = () => new Set(service.chunks.map((item) => item.session));

describe('YouTube fault rows (API-CONTRACTS 13.5)', () => {
  it('Y1: token endpoint 400 invalid_grant → auth, naming Testing status and the 7-day expiry', async () => {
    service.faults.invalidGrant = true;
    const { media, draft } = await draftFixture();
    const error = await rejection(
      publisher({ auth: fakeOAuthClient({ expired: true }) }).publish(draft, { media }),
    );
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('invalid_grant');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/Testing/);
    expect(error.message).toMatch(/7 days/);
    expect(error.message).toMatch(/reelsmith auth login youtube/);
    expect(service.sessionsStarted()).toBe(0);
  });

  it('Y2: 401 authError during the upload → one token refresh, then the same session continues', async () => {
    service.faults.expireTokensAfterChunks = 1;
    const { media, draft } = await draftFixture();
    const { post } = await publisher().publish(draft, { media });
    expect(service.tokenRefreshes()).toBe(1);
    expect(service.sessionsStarted()).toBe(1);
    expect(chunkSessions().size).toBe(1);
    expect(service.videos.map((video) => video.id)).toEqual([post.id]);
  });

  it('Y3: a chunk answered 308 Range: bytes=0-262143 → the next chunk starts at byte 262144', async () => {
    const { media, draft } = await draftFixture();
    await publisher().publish(draft, { media });
    expect(chunkStarts()).toEqual([0, 262_144, 524_288]);
    expect(service.bytesReceived()).toBe(draft.video.size);
  });

  it('Y4: connection reset, status query 308 Range: bytes=0-5242879 → resumes from 5242880', async () => {
    const { media, draft } = await draftFixture({ videoSize: 6 * 1024 * 1024 });
    service.faults.dropNextChunkAfter = 5_242_880;
    await publisher({ chunkSize: 8 * 1024 * 1024 }).publish(draft, { media });
    expect(chunkStarts()).toEqual([0, 5_242_880]);
    expect(service.sessionsStarted()).toBe(1);
    expect(service.videos).toHaveLength(1);
  });

  it('Y5: status query 308 without Range → resumes from byte 0 of the same session', async () => {
    const { media, draft } = await draftFixture();
    service.faults.dropNextChunkAfter = chunk;
    service.faults.statusQueryLosesBytes = true;
    await publisher().publish(draft, { media });
    expect(chunkStarts()).toEqual([0, 0, 262_144, 524_288]);
    expect(chunkSessions().size).toBe(1);
    expect(service.videos).toHaveLength(1);
  });

  it('Y6: PUT → 503 twice, then the upload completes', async () => {
    const { media, draft } = await draftFixture();
    service.faults.chunkAnswers.push(youTubeErrors.backendError(503), youTubeErrors.backendError(503));
    const { post } = await publisher().publish(draft, { media });
    expect(service.sessionsStarted()).toBe(1);
    expect(service.videos.map((video) => video.id)).toEqual([post.id]);
    expect(chunkStarts()).toEqual([0, 0, 0, 262_144, 524_288]);
  });

  it('Y6: 503 past the retry budget → transient, and no second session', async () => {
    const { media, draft } = await draftFixture();
    for (let index = 0; index < 4; index += 1)
      service.faults.chunkAnswers.push(youTubeErrors.backendError(503));
    const error = await rejection(publisher({ maxUploadRetries: 3 }).publish(draft, { media }));
    expect(error.kind).toBe('transient');
    expect(error.status).toBe(503);
    expect(service.sessionsStarted()).toBe(1);
    expect(service.videos).toHaveLength(0);
  });

  it('Y7: status query → 404 → a new session is created and the upload finishes once', async () => {
    const { media, draft } = await draftFixture();
    service.faults.dropNextChunkAfter = 0;
    service.faults.expireSessionsOnce = true;
    await publisher().publish(draft, { media });
    expect(service.sessionsStarted()).toBe(2);
    expect(service.videos).toHaveLength(1);
  });

  it('Y8: 403 quotaExceeded → quota until midnight Pacific, not retryable', async () => {
    server.use(...youTubeRoute(youTubeErrors.quotaExceeded()));
    const { media, draft } = await draftFixture();
    const noonPdt = Date.parse('2026-06-10T12:00:00-07:00');
    const error = await rejection(publisher({ now: () => noonPdt }).publish(draft, { media }));
    expect(error.kind).toBe('quota');
    expect(error.retryable).toBe(false);
    expect(error.retryAfterMs).toBe(12 * 3_600_000);
    expect(error.message).toMatch(/midnight Pacific/);
  });

  it('Y9: 400 uploadLimitExceeded → quota (channel cap), retry in about 24 h', async () => {
    server.use(...youTubeRoute(youTubeErrors.uploadLimitExceeded()));
    const { media, draft } = await draftFixture();
    const error = await rejection(publisher().publish(draft, { media }));
    expect(error.kind).toBe('quota');
    expect(error.retryAfterMs).toBe(24 * 3_600_000);
  });

  it('Y10: a title over 100 characters or with < is caught before any request (and 400 invalidTitle is invalid_input)', async () => {
    const { media, draft } = await draftFixture();
    const bad: PublishDraft = { ...draft, title: `Best <kettle> ${'x'.repeat(100)}` };
    const youtube = publisher();
    const validation = await youtube.validate(bad);
    expect(validation.issues.map((issue) => issue.field)).toEqual(['title', 'title']);
    const error = await rejection(youtube.publish(bad, { media }));
    expect(error.kind).toBe('invalid_input');
    expect(server.calls).toHaveLength(0);

    server.use(...youTubeRoute(youTubeErrors.invalidTitle()));
    const fromService = await rejection(youtube.publish(draft, { media }));
    expect(fromService.kind).toBe('invalid_input');
    expect(fromService.code).toBe('invalidTitle');
  });

  it('Y11: 201, then videos.list says rejected → content_policy with the rejectionReason', async () => {
    service.faults.processing = { uploadStatus: 'rejected', reason: 'duplicate' };
    const { media, draft } = await draftFixture();
    const state = memoryPublishState();
    const error = await rejection(publisher().publish(draft, { media, state }));
    expect(error.kind).toBe('content_policy');
    expect(error.code).toBe('duplicate');
    expect(error.message).toMatch(/rejectionReason: duplicate/);
    // Reconciliation reports the same failure instead of letting the engine upload again.
    const again = await rejection(publisher().findExisting(draft.marker, { state }));
    expect(again.kind).toBe('content_policy');
    expect(service.videos).toHaveLength(1);
  });

  it('Y11: 201, then videos.list says failed → invalid_input with the failureReason', async () => {
    service.faults.processing = { uploadStatus: 'failed', reason: 'codec' };
    const { media, draft } = await draftFixture();
    const error = await rejection(publisher().publish(draft, { media }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/failureReason: codec/);
  });

  it('Y12: 401 youtubeSignupRequired → invalid_input ("no channel"), without a token refresh', async () => {
    server.use(...youTubeRoute(youTubeErrors.youtubeSignupRequired()));
    const { media, draft } = await draftFixture();
    const error = await rejection(publisher().publish(draft, { media }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/no YouTube channel/);
    expect(service.tokenRefreshes()).toBe(0);
  });

  it('Y13: 403 forbidden on thumbnails.set → a warning; the upload still succeeds, once', async () => {
    service.faults.thumbnailForbidden = true;
    const { media, draft } = await draftFixture();
    const result = await publisher().publish(draft, { media });
    expect(result.post.id).toBe(service.videos[0]?.id);
    expect(result.warnings.map((warning) => warning.message).join('\n')).toMatch(/thumbnail was not set/);
    expect(service.videos).toHaveLength(1);
    expect(service.sessionsStarted()).toBe(1);
  });
});
