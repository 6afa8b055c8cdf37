import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MediaRef, MediaStore } from '@reelsmith/core';
import { createMemoryMediaStore, describePublisherContract } from '@reelsmith/testkit';
import { createLocalPublisher } from './local-publisher.js';

// A store whose reads take a moment, so the suite's abort check can catch a publish in flight.
const memory = createMemoryMediaStore();
const media: MediaStore = {
  ...memory,
  get: async (ref: MediaRef | string, options) => {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 300);
      options?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(options.signal?.reason);
      });
    });
    return memory.get(ref, options);
  },
};
const video = await memory.put(
  'run-1/video.mp4',
  new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]),
  'video/mp4',
);
const outDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-local-publisher-'));
const draft = {
  marker: 'rsm-contract',
  title: 'Steel bottle',
  description: 'Keeps drinks cold.',
  tags: ['bottle'],
  video,
  durationMs: 3000,
  width: 1080,
  height: 1920,
};

describePublisherContract({
  name: 'createLocalPublisher (testkit publisher contract)',
  create: () => createLocalPublisher({ outDir }),
  input: draft,
  media,
  invalidDraft: { ...draft, title: '' },
});
