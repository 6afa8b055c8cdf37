import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { PhaseError } from '../errors/phase-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { createEventBus } from '../events/event-bus.js';
import type { ReelsmithEvents } from '../events/event-map.js';
import type { MediaRef } from '../spec/media.js';
import { createFileCheckpointStore } from '../stores/file-checkpoint-store.js';
import { createFileMediaStore } from '../stores/file-media-store.js';
import { type MemoryPublisher, memoryPublisher } from '../test-support/memory-publisher.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { definePipeline } from './define-pipeline.js';
import { publishMarker } from './marker.js';
import { definePhase } from './phase.js';

const tempDir = useTempDirs();

async function setup(publisher: MemoryPublisher, title = 'Kettle review') {
  const dir = await tempDir();
  const media = createFileMediaStore(path.join(dir, 'media'));
  const events = createEventBus();
  const done: ReelsmithEvents['publish:done'][] = [];
  events.on('publish:done', (event) => done.push(event));
  const store = definePhase({
    name: 'store',
    run: async () => media.put('run/video.mp4', new Uint8Array([0, 0, 0, 24]), 'video/mp4'),
  });
  const publish = definePhase({
    name: `publish:${publisher.platform}`,
    needs: [store],
    run: async (ctx) => {
      const video = ctx.inputs.store as MediaRef;
      return ctx.publish(publisher, {
        title,
        description: 'A kettle',
        tags: ['kettle'],
        video,
        durationMs: 30_000,
        width: 1080,
        height: 1920,
      });
    },
  });
  const pipeline = definePipeline({
    phases: [store, publish],
    media,
    checkpoints: createFileCheckpointStore(path.join(dir, 'checkpoints')),
    events,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
  });
  return { pipeline, done };
}

describe('ctx.publish: exactly once', () => {
  it('publishes with a marker derived from the run id and records the result', async () => {
    const publisher = memoryPublisher();
    const { pipeline, done } = await setup(publisher);
    const result = await pipeline.run('Kettle', { runId: 'pub-1' });
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.posts[0]?.marker).toBe(publishMarker('pub-1', 'memtube'));
    expect(result.outputs['publish:memtube']).toMatchObject({ id: 'post-1' });
    expect(done).toEqual([expect.objectContaining({ platform: 'memtube', reconciled: false })]);
    await pipeline.run('Kettle', { runId: 'pub-1' });
    expect(publisher.publishCalls).toBe(1);
  });

  it('after a crash between publish and the result write, reconciles instead of posting again', async () => {
    const publisher = memoryPublisher();
    publisher.afterPost = () => {
      throw new Error('process died after the upload');
    };
    const { pipeline, done } = await setup(publisher);
    await expect(pipeline.run('Kettle', { runId: 'crash-1' })).rejects.toSatisfy(PhaseError.isInstance);
    expect(publisher.posts).toHaveLength(1);
    publisher.afterPost = undefined;
    const result = await pipeline.run('Kettle', { runId: 'crash-1' });
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.publishCalls).toBe(1);
    expect(publisher.findCalls).toBe(1);
    expect(result.outputs['publish:memtube']).toMatchObject({ id: 'post-1' });
    expect(done.at(-1)).toMatchObject({ reconciled: true });
  });

  it('before retrying a failed publish, checks whether the post was made', async () => {
    const publisher = memoryPublisher();
    let first = true;
    publisher.afterPost = () => {
      if (first) {
        first = false;
        throw new ProviderError({ kind: 'transient', provider: publisher.id, message: 'socket hang up' });
      }
    };
    const { pipeline } = await setup(publisher);
    const result = await pipeline.run('Kettle', { runId: 'retry-1' });
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.publishCalls).toBe(1);
    expect(result.outputs['publish:memtube']).toMatchObject({ id: 'post-1' });
  });

  it('publishes normally on resume when the crash came before the post existed', async () => {
    const publisher = memoryPublisher();
    const original = publisher.publish;
    publisher.publish = async () => {
      throw new Error('died before upload');
    };
    const { pipeline } = await setup(publisher);
    await expect(pipeline.run('Kettle', { runId: 'early-1' })).rejects.toSatisfy(PhaseError.isInstance);
    publisher.publish = original;
    await pipeline.run('Kettle', { runId: 'early-1' });
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.findCalls).toBe(1);
  });

  it('gives publish and findExisting a durable state that a resumed run reads back', async () => {
    const publisher = memoryPublisher();
    const original = publisher.publish;
    const seen: unknown[] = [];
    publisher.publish = async (draft, options) => {
      const session = await options.state?.get('upload-session');
      seen.push(session);
      if (session === undefined) {
        await options.state?.set('upload-session', { uri: 'https://upload.test/s/1', offset: 262144 });
        throw new Error('connection dropped mid-upload');
      }
      return original(draft, options);
    };
    const found: unknown[] = [];
    publisher.findExisting = async (marker, options) => {
      found.push(await options?.state?.get('upload-session'));
      return publisher.posts.find((post) => post.marker === marker);
    };
    const { pipeline } = await setup(publisher);
    await expect(pipeline.run('Kettle', { runId: 'state-1' })).rejects.toSatisfy(PhaseError.isInstance);
    await pipeline.run('Kettle', { runId: 'state-1' });
    const session = { uri: 'https://upload.test/s/1', offset: 262144 };
    expect(seen).toEqual([undefined, session]);
    expect(found).toEqual([session]);
    expect(publisher.posts).toHaveLength(1);
  });

  it('validates the draft against platform limits before any upload', async () => {
    const publisher = memoryPublisher('memtube', { maxTitle: 5 });
    const { pipeline } = await setup(publisher, 'A title far too long');
    const error = await pipeline.run('Kettle').catch((e: unknown) => e);
    const cause = (error as Error).cause;
    expect(ConfigError.isInstance(cause)).toBe(true);
    expect((cause as ConfigError).field).toBe('title');
    expect((cause as Error).message).toContain('shorten the title');
    expect(publisher.publishCalls).toBe(0);
  });
});
