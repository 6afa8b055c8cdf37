import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileMediaStore } from '@reelsmith/core';
import { createMemoryMediaStore } from '@reelsmith/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extensionOf, stageAssets } from './stage-assets.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-stage-test-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stageAssets', () => {
  it('links files of a store with local paths, dedupes repeated images, and cleans up', async () => {
    const media = createFileMediaStore(path.join(dir, 'media'));
    const image = await media.put('a/scene.png', Uint8Array.of(1, 2, 3), 'image/png');
    const voice = await media.put('a/voice', Uint8Array.of(4, 5), 'audio/mpeg');
    const publicDir = path.join(dir, 'public');
    const staged = await stageAssets(publicDir, { media, images: [image, image], voice });

    expect(staged.images[0]).toMatch(/^reelsmith-renders\/[0-9a-f-]{36}\/scene-0\.png$/);
    expect(staged.images[1]).toBe(staged.images[0]);
    expect(staged.voice).toMatch(/\/voice\.mp3$/);
    const stagedImage = path.join(publicDir, staged.images[0]!);
    expect([...(await readFile(stagedImage))]).toEqual([1, 2, 3]);
    expect((await stat(stagedImage)).nlink).toBe(2); // hard-linked, not copied
    await staged.cleanup();
    await expect(stat(stagedImage)).rejects.toThrow();
  });

  it('writes the bytes of stores without local paths, and the music bed', async () => {
    const media = createMemoryMediaStore();
    const image = await media.put('scene.webp', Uint8Array.of(9), 'image/webp');
    const voice = await media.put('voice.wav', Uint8Array.of(8), 'audio/wav');
    const music = path.join(dir, 'bed.MP3');
    await import('node:fs/promises').then((fs) => fs.writeFile(music, Uint8Array.of(7)));
    const publicDir = path.join(dir, 'public');
    const staged = await stageAssets(publicDir, { media, images: [image], voice, music });
    expect([...(await readFile(path.join(publicDir, staged.images[0]!)))]).toEqual([9]);
    expect([...(await readFile(path.join(publicDir, staged.voice)))]).toEqual([8]);
    expect(staged.music).toMatch(/\/music\.mp3$/);
    await staged.cleanup();
  });

  it('removes what it staged when a media item is missing', async () => {
    const media = createMemoryMediaStore();
    const voice = await media.put('voice.wav', Uint8Array.of(8), 'audio/wav');
    const missing = { ...voice, key: 'gone.png', mediaType: 'image/png' };
    const publicDir = path.join(dir, 'public');
    await expect(stageAssets(publicDir, { media, images: [missing], voice })).rejects.toThrow(/gone\.png/);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(publicDir, 'reelsmith-renders'))).toEqual([]);
  });

  it('derives extensions from the media type, else from the key', () => {
    expect(extensionOf({ mediaType: 'image/jpeg', key: 'x' })).toBe('.jpg');
    expect(extensionOf({ mediaType: 'audio/wav; codecs=1', key: 'x' })).toBe('.wav');
    expect(extensionOf({ mediaType: 'application/octet-stream', key: 'a/b.M4A' })).toBe('.m4a');
    expect(extensionOf({ mediaType: 'application/octet-stream', key: 'a/b' })).toBe('');
  });
});
