import type { PublishDraft, PublishedPost } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createMemoryMediaStore } from '../stores/memory-media-store.js';
import { createFakePublisher } from './fake-publisher.js';

const media = createMemoryMediaStore();
const video = await media.put('run-1/video.mp4', new Uint8Array([0, 1, 2]), 'video/mp4');
const draft: PublishDraft = {
  marker: 'rs-run-1',
  title: 'Kettle review',
  description: 'A kettle.',
  tags: ['kettle'],
  video,
  durationMs: 30_000,
  width: 1080,
  height: 1920,
};

describe('createFakePublisher', () => {
  it('publishes into its platform and finds the post by marker', async () => {
    const publisher = createFakePublisher({ platform: 'tube' });
    const { post } = await publisher.publish(draft, { media });
    expect(post).toMatchObject({ platform: 'tube', marker: 'rs-run-1', id: 'tube-post-1' });
    expect(await publisher.findExisting('rs-run-1')).toEqual(post);
    expect(await publisher.findExisting('marker-that-does-not-exist')).toBeUndefined();
    expect(publisher.posts).toHaveLength(1);
    expect([publisher.id, publisher.platform, publisher.callCount]).toEqual([
      'fake:publisher:tube',
      'tube',
      1,
    ]);
  });

  it('shares a platform between instances, as a resumed run would see it', async () => {
    const posts: PublishedPost[] = [];
    await createFakePublisher({ posts }).publish(draft, { media });
    const resumed = createFakePublisher({ posts });
    expect((await resumed.findExisting('rs-run-1'))?.id).toBe('fake-post-1');
    await resumed.publish(draft, { media });
    expect(posts).toHaveLength(2); // publishing again duplicates, as on a real platform
  });

  it('validates drafts and refuses to publish an invalid one', async () => {
    const publisher = createFakePublisher();
    expect(publisher.validate(draft)).toEqual({ ok: true, issues: [] });
    const invalid = {
      ...draft,
      title: 'x'.repeat(101),
      tags: Array.from({ length: 31 }, (_, i) => `t${i}`),
      width: 1920,
      height: 1080,
    };
    const validation = await publisher.validate(invalid);
    expect(validation.ok).toBe(false);
    expect(validation.issues.map((issue) => issue.field)).toEqual(['title', 'tags', 'width']);
    await expect(publisher.publish(invalid, { media })).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(publisher.posts).toHaveLength(0);
  });

  it('fails scripted calls without posting, and needs the video in the store', async () => {
    const publisher = createFakePublisher({ failures: ['transient'] });
    await expect(publisher.publish(draft, { media })).rejects.toMatchObject({
      kind: 'transient',
      retryable: true,
    });
    expect(publisher.posts).toHaveLength(0);
    const missing = { ...draft, video: { ...video, key: 'nowhere.mp4' } };
    await expect(publisher.publish(missing, { media })).rejects.toThrow(/not found/);
  });
});
