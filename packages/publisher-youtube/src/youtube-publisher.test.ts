import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileMediaStore, type Progress, ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryPublishState, stateKeys } from './publish-records.js';
import { createMemoryQuotaStore } from './quota-store.js';
import { draftFixture, fakeOAuthClient, fakeVideoBytes } from './testing/fixtures.js';
import { youTubeErrors } from './testing/google-errors.js';
import { createFakeYouTube, type FakeYouTube, fakeAccessToken } from './testing/youtube-service.js';
import type { YouTubePublisherOptions } from './youtube-options.js';
import { createYouTubePublisher } from './youtube-publisher.js';

const server = installTestServer();
let service: FakeYouTube;
beforeEach(() => {
  service = createFakeYouTube();
  server.use(...service.handlers);
});
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const publisher = (options: Partial<YouTubePublisherOptions> = {}) =>
  createYouTubePublisher({
    auth: fakeOAuthClient(),
    privacyStatus: 'public',
    selfDeclaredMadeForKids: false,
    chunkSize: 256 * 1024,
    retryBaseMs: 1,
    ...options,
  });
const paths = () => server.calls.map((call) => `${call.method} ${new URL(call.url).pathname}`);

describe('publish()', () => {
  it('uploads the Short with its metadata, the marker line and the thumbnail; counts quota units', async () => {
    const store = createMemoryQuotaStore();
    const { media, draft } = await draftFixture();
    const progress: Progress[] = [];
    const result = await publisher({ quota: { project: 'proj', store } }).publish(draft, {
      media,
      onProgress: (item) => progress.push(item),
    });
    const video = service.videos[0];
    expect(result.post).toMatchObject({ platform: 'youtube', id: video?.id, marker: draft.marker });
    expect(result.post.url).toBe(`https://www.youtube.com/shorts/${video?.id}`);
    expect(video?.snippet.description.endsWith(`\n\nref: ${draft.marker}`)).toBe(true);
    expect(video?.snippet.tags).toEqual(['kettle', 'kitchen', 'kitchen gadgets']);
    expect(video?.status).toMatchObject({ selfDeclaredMadeForKids: false, containsSyntheticMedia: true });
    expect(video?.thumbnail).toMatchObject({ mediaType: 'image/png' });
    expect(result.cost).toMatchObject({ usd: 0, quantity: 1600 + 1 + 50 });
    expect(result.warnings).toEqual([]);
    const { pacificDay } = await import('./pacific-day.js');
    expect(await store.used('proj', pacificDay(Date.now()))).toBe(1651);
    const fractions = progress.map((item) => item.fraction ?? 0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('refuses locally, before any request, when today’s quota cannot cover an upload', async () => {
    const store = createMemoryQuotaStore();
    const { pacificDay } = await import('./pacific-day.js');
    await store.add('proj', pacificDay(Date.now()), 9_000);
    const { media, draft } = await draftFixture();
    const error = await publisher({ quota: { project: 'proj', store } })
      .publish(draft, { media })
      .catch((thrown: unknown) => thrown);
    expect(ProviderError.isInstance(error) && error.kind).toBe('quota');
    expect(server.calls).toHaveLength(0);
  });

  it('warns when an unaudited project forces the upload private', async () => {
    service.faults.forcePrivate = true;
    const { media, draft } = await draftFixture({ thumbnail: false });
    const result = await publisher().publish(draft, { media });
    expect(result.warnings.map((warning) => warning.message).join()).toMatch(/locked to private/);
  });

  it('streams the video from the file of a file media store', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-youtube-media-'));
    dirs.push(dir);
    const media = createFileMediaStore(dir);
    const { draft } = await draftFixture({ thumbnail: false });
    const video = await media.put('video.mp4', fakeVideoBytes(), 'video/mp4');
    await publisher().publish({ ...draft, video }, { media });
    expect(service.bytesReceived()).toBe(video.size);
  });

  it('aborted mid-upload: rejects with the reason; called again with the same state it continues the session', async () => {
    const { media, draft } = await draftFixture();
    const state = memoryPublishState();
    const controller = new AbortController();
    service.hooks.onChunkStored = () => {
      service.hooks.onChunkStored = undefined;
      controller.abort(new DOMException('stop', 'AbortError'));
    };
    const error = await publisher()
      .publish(draft, { media, state, signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    expect(error).toBe(controller.signal.reason);
    expect(await state.get(stateKeys.upload)).toMatchObject({ total: draft.video.size });
    const result = await publisher().publish(draft, { media, state });
    expect(service.sessionsStarted()).toBe(1);
    expect(service.videos).toHaveLength(1);
    expect(service.bytesReceived()).toBeLessThan(2 * draft.video.size);
    expect(result.warnings.map((warning) => warning.message).join()).toMatch(/continued an upload session/);
  });

  it('keeps tokens and upload ids out of error messages', async () => {
    service.faults.chunkAnswers.push(youTubeErrors.forbidden());
    const { media, draft } = await draftFixture();
    const error = (await publisher()
      .publish(draft, { media })
      .catch((thrown: unknown) => thrown)) as Error;
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain(fakeAccessToken);
    expect(error.message).not.toContain('upload_id');
  });
});

describe('findExisting()', () => {
  it('reconciles by the stored video id with one videos.list call', async () => {
    const { media, draft } = await draftFixture({ thumbnail: false });
    const state = memoryPublishState();
    const { post } = await publisher().publish(draft, { media, state });
    server.resetCalls();
    const found = await publisher().findExisting(draft.marker, { state });
    expect(found?.id).toBe(post.id);
    expect(paths()).toEqual(['GET /youtube/v3/videos']);
  });

  it('answers "none yet" for an incomplete saved session, without scanning the channel', async () => {
    const { media, draft } = await draftFixture();
    const state = memoryPublishState();
    const controller = new AbortController();
    service.hooks.onChunkStored = () => {
      service.hooks.onChunkStored = undefined;
      controller.abort();
    };
    await publisher()
      .publish(draft, { media, state, signal: controller.signal })
      .catch(() => undefined);
    server.resetCalls();
    expect(await publisher().findExisting(draft.marker, { state })).toBeUndefined();
    expect(paths()).toEqual(['PUT /upload/youtube/v3/videos']);
  });

  it('scans the uploads playlist page by page for the marker line, bounded by findExistingMaxItems', async () => {
    const youtube = publisher();
    const { media, draft } = await draftFixture({ thumbnail: false, videoSize: 1024 });
    const first = await youtube.publish({ ...draft, marker: 'rsm-first' }, { media });
    for (let index = 0; index < 3; index += 1)
      await youtube.publish({ ...draft, marker: `rsm-later-${index}` }, { media });
    expect((await youtube.findExisting('rsm-first'))?.id).toBe(first.post.id);
    server.resetCalls();
    expect(await publisher({ findExistingMaxItems: 2 }).findExisting('rsm-first')).toBeUndefined();
    expect(paths().filter((item) => item.endsWith('playlistItems'))).toHaveLength(1);
  });

  it('rejects at once when its signal is already aborted', async () => {
    await expect(publisher().findExisting('rsm-x', { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(server.calls).toHaveLength(0);
  });
});
