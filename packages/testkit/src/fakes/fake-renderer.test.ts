import type { RenderInput } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createMemoryMediaStore } from '../stores/memory-media-store.js';
import { createFakeRenderer } from './fake-renderer.js';
import { buildFakeScript } from './fake-script-provider.js';

describe('createFakeRenderer', () => {
  it('writes a video and a thumbnail into the media store and returns their refs', async () => {
    const media = createMemoryMediaStore();
    const image = await media.put('run-7/images/1.png', new Uint8Array([1]), 'image/png');
    const voice = await media.put('run-7/voice.wav', new Uint8Array([2]), 'audio/wav');
    const product = { title: 'Kettle', bullets: [], reviews: [], imageUrls: [] };
    const input: RenderInput = {
      composition: 'classic',
      width: 1080,
      height: 1920,
      fps: 30,
      scenes: [
        { image, text: 'one', startMs: 0, endMs: 1500 },
        { image, text: 'two', startMs: 1500, endMs: 4200 },
      ],
      voice,
      captions: [],
      script: buildFakeScript({ product }),
      product,
      media,
      outputPrefix: 'run-7/',
    };
    const renderer = createFakeRenderer({ costUsd: 0.05 });
    const result = await renderer.render(input);
    expect(result.video).toMatchObject({ key: 'run-7/video.mp4', mediaType: 'video/mp4' });
    expect(result.thumbnail).toMatchObject({ key: 'run-7/thumbnail.png', mediaType: 'image/png' });
    expect([result.durationMs, result.width, result.height, result.cost.usd]).toEqual([
      4200, 1080, 1920, 0.05,
    ]);
    const video = await media.get(result.video);
    expect(String.fromCharCode(...video.subarray(4, 8))).toBe('ftyp');
    expect(renderer.callCount).toBe(1);
  });
});
