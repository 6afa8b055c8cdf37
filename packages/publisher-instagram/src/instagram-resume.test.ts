import { ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { createInstagramPublisher } from './instagram-publisher.js';
import { memoryPublishState, readContainer, stateKeys } from './publish-state.js';
import { publisherFixture, testCredentials } from './testing/publisher-fixture.js';

const server = installTestServer();

async function setup(options: Parameters<typeof publisherFixture>[0] = {}) {
  const fixture = await publisherFixture(options);
  server.use(...fixture.service.handlers);
  return { ...fixture, state: memoryPublishState() };
}

/** Graph POSTs (uploads excluded): creating containers and publishing. */
const graphPosts = (requests: string[]) =>
  requests.filter((line) => line.startsWith('POST') && !line.includes('ig-api-upload'));

/** A publish that stops while its container is IN_PROGRESS, leaving the container in the state. */
async function stuckContainer() {
  const fixture = await setup({
    switches: { nextFates: ['STUCK'] },
    publisher: { poll: { initialMs: 1, maxMs: 1, budgetMs: 20 } },
  });
  await expect(
    fixture.publisher.publish(fixture.draft, { media: fixture.media, state: fixture.state }),
  ).rejects.toThrow(/still IN_PROGRESS/);
  const container = [...fixture.service.state.containers.values()][0];
  if (!container) throw new Error('no container was created');
  fixture.service.state.requests.length = 0;
  return { ...fixture, container };
}

describe('resuming a publish from the publish state', () => {
  it('a stored media id returns that post, with no request that could post', async () => {
    const { service, publisher, media, draft, state } = await setup();
    const first = await publisher.publish(draft, { media, state });
    service.state.requests.length = 0;
    const again = await publisher.publish(draft, { media, state });
    expect(again.post.id).toBe(first.post.id);
    expect(again.post.url).toBe(first.post.url);
    expect(graphPosts(service.state.requests)).toEqual([]);
    expect(service.state.media).toHaveLength(1);
  });

  it('a stored FINISHED container is published, not replaced', async () => {
    const { service, publisher, media, draft, state, container } = await stuckContainer();
    container.status = 'FINISHED';
    await publisher.publish(draft, { media, state });
    expect(graphPosts(service.state.requests)).toEqual([
      `POST /v23.0/${testCredentials.igUserId}/media_publish`,
    ]);
    expect(service.state.containers.size).toBe(1);
    expect(service.state.media[0]?.containerId).toBe(container.id);
  });

  it('a stored IN_PROGRESS container is polled again until FINISHED', async () => {
    const { service, publisher, media, draft, state, container } = await stuckContainer();
    container.fate = 'FINISHED';
    const result = await publisher.publish(draft, { media, state });
    expect(service.state.requests.some((line) => line === `GET /v23.0/${container.id}`)).toBe(true);
    expect(service.state.containers.size).toBe(1);
    expect(result.post.id).toBe(service.state.media[0]?.id);
  });

  it('a dropped upload continues from the offset the upload host reports', async () => {
    const { service, publisher, media, draft, state, bytes } = await setup({
      switches: { dropUploadAfterBytes: 3_000 },
      videoBytes: 10_000,
    });
    await publisher.publish(draft, { media, state });
    const container = [...service.state.containers.values()][0];
    expect(service.state.uploadedBytes).toBe(bytes.byteLength);
    expect(container?.data).toEqual(bytes);
    expect(service.state.media).toHaveLength(1);
  });

  it('a resumed publish with a half-uploaded container asks the host for its offset and sends only the rest', async () => {
    const { service, publisher, media, draft, state, bytes } = await setup({
      switches: { dropUploadAfterBytes: 4_000 },
      publisher: { upload: { attempts: 1 } },
    });
    await expect(publisher.publish(draft, { media, state })).rejects.toThrow(/failed before an answer/);
    expect(await state.get(stateKeys.uploaded)).toBeUndefined();
    const resumed = await publisher.publish(draft, { media, state });
    expect(service.state.requests).toContain(`GET /ig-api-upload/v23.0/${(await readContainer(state))?.id}`);
    expect(service.state.uploadedBytes).toBe(bytes.byteLength);
    expect(service.state.containers.size).toBe(1);
    expect(resumed.post.id).toBe(service.state.media[0]?.id);
  });

  it('a lost media_publish answer → transient; findExisting finds the post by its container and marker', async () => {
    const { service, publisher, media, draft, state } = await setup({
      switches: { dropPublishAnswer: true },
    });
    const error = await publisher.publish(draft, { media, state }).catch((reason: unknown) => reason);
    expect(ProviderError.isInstance(error) && error.kind).toBe('transient');
    expect(service.state.media).toHaveLength(1);
    const found = await publisher.findExisting(draft.marker, { state });
    expect(found?.id).toBe(service.state.media[0]?.id);
    expect(await state.get(stateKeys.mediaId)).toBe(found?.id);
    const again = await publisher.publish(draft, { media, state });
    expect(again.post.id).toBe(found?.id);
    expect(service.state.media).toHaveLength(1);
  });

  it('publish after a lost answer adopts the PUBLISHED container instead of posting again', async () => {
    const { service, publisher, media, draft, state } = await setup({
      switches: { dropPublishAnswer: true },
    });
    await publisher.publish(draft, { media, state }).catch(() => undefined);
    const again = await publisher.publish(draft, { media, state });
    expect(again.post.id).toBe(service.state.media[0]?.id);
    expect(service.state.media).toHaveLength(1);
  });
});

describe('findExisting', () => {
  it('a stored container that is not published → undefined (publish continues with it)', async () => {
    const { publisher, draft, state } = await stuckContainer();
    expect(await publisher.findExisting(draft.marker, { state })).toBeUndefined();
  });

  it('never takes the newest post for ours: only the caption marker binds', async () => {
    const { service, publisher, media, draft } = await setup();
    await publisher.publish(draft, { media });
    await publisher.publish({ ...draft, marker: 'rsm-another-run-0000000' }, { media });
    expect(service.state.media).toHaveLength(2);
    expect((await publisher.findExisting(draft.marker))?.id).toBe(service.state.media[0]?.id);
    expect(await publisher.findExisting('rsm-0123456789abcdef')).toBeUndefined();
  });

  it('scans at most scan.maxPages pages of recent media', async () => {
    const { service, publisher, media, draft } = await setup();
    await publisher.publish(draft, { media });
    for (const run of ['a', 'b'])
      await publisher.publish({ ...draft, marker: `rsm-later-${run}` }, { media });
    expect(service.state.media).toHaveLength(3);
    const scanner = (maxPages: number) =>
      createInstagramPublisher({ ...testCredentials, scan: { maxPages, pageSize: 2 } });
    expect(await scanner(1).findExisting(draft.marker)).toBeUndefined();
    expect((await scanner(2).findExisting(draft.marker))?.id).toBe(service.state.media[0]?.id);
  });

  it('publish rejects with the abort reason while polling, keeping the container', async () => {
    const { publisher, media, draft, state } = await setup({
      switches: { nextFates: ['STUCK'] },
      publisher: { poll: { initialMs: 20, maxMs: 20, budgetMs: 60_000 } },
    });
    const controller = new AbortController();
    const call = publisher.publish(draft, {
      media,
      state,
      signal: controller.signal,
      onProgress: (progress) => {
        if (/processing/.test(progress.message ?? ''))
          controller.abort(new DOMException('stop', 'AbortError'));
      },
    });
    const error = await call.catch((reason: unknown) => reason);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    expect(await readContainer(state)).toBeDefined();
  });
});
