// Real renders: real Chromium, real ffmpeg/ffprobe. Needs a browser (see resolveBrowserExecutable).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  createFileMediaStore,
  type FileMediaStore,
  type Progress,
  ProviderError,
} from '@reelsmith/core';
import { createMemoryMediaStore } from '@reelsmith/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMusicBed } from './music-bed.js';
import { createRemotionRenderer, type RemotionRenderer } from './remotion-renderer.js';
import { lumaVariance, probeVideo, sampleFrame } from './testing/probe-video.js';
import { createFixtureInput } from './testing/render-fixture.js';

const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const renderTimeout = 180_000;

describe('createRemotionRenderer before launching anything', () => {
  it('is a v1 renderer provider and validates its settings', () => {
    expect(createRemotionRenderer()).toMatchObject({
      specificationVersion: 'v1',
      id: 'remotion',
      capability: 'renderer',
    });
    expect(() => createRemotionRenderer({ jpegQuality: 0 })).toThrow(ConfigError);
  });

  it('rejects bad input with a ConfigError before looking for a browser', async () => {
    const media = createMemoryMediaStore();
    const input = await createFixtureInput({ media, composition: 'sparkly', durationMs: 1000 });
    const renderer = createRemotionRenderer({ browserExecutable: '/no/such/browser' });
    await expect(renderer.render(input)).rejects.toSatisfy(
      (error) => ConfigError.isInstance(error) && error.field === 'composition',
    );
  });

  it('names browserExecutable and the install command when the browser is missing', async () => {
    const media = createMemoryMediaStore();
    const input = await createFixtureInput({ media, composition: 'classic', durationMs: 1000 });
    const renderer = createRemotionRenderer({ browserExecutable: '/no/such/browser' });
    const error = await renderer.render(input).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error) && error.field).toBe('browserExecutable');
    expect((error as Error).message).toContain('apt-get install -y chromium');
    expect(await media.list('render-classic/')).toEqual([]);
  });

  it('names musicBed when the music file is missing', async () => {
    const media = createMemoryMediaStore();
    const input = await createFixtureInput({ media, composition: 'classic', durationMs: 1000 });
    const renderer = createRemotionRenderer({ musicBed: '/no/such/music.wav' });
    await expect(renderer.render(input)).rejects.toSatisfy(
      (error) => ConfigError.isInstance(error) && error.field === 'musicBed',
    );
  });
});

describe('createRemotionRenderer (real Chromium)', () => {
  let dir: string;
  let media: FileMediaStore;
  let renderer: RemotionRenderer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-render-test-'));
    media = createFileMediaStore(path.join(dir, 'media'));
    const musicBed = path.join(dir, 'music.wav');
    await writeFile(musicBed, createMusicBed({ durationMs: 2000 }));
    await mkdir(artifacts, { recursive: true });
    renderer = createRemotionRenderer({ musicBed });
  });

  afterAll(async () => {
    await renderer?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'renders a 3 s classic video: 1080×1920 H.264 + AAC, 90 frames, not blank, and a thumbnail',
    async () => {
      const input = await createFixtureInput({ media, composition: 'classic', durationMs: 3000 });
      const progress: Progress[] = [];
      const result = await renderer.render(input, { onProgress: (report) => progress.push(report) });

      expect(result).toMatchObject({ durationMs: 3000, width: 1080, height: 1920, cost: { usd: 0 } });
      expect(result.video).toMatchObject({ key: 'render-classic/video.mp4', mediaType: 'video/mp4' });
      expect(result.thumbnail).toMatchObject({
        key: 'render-classic/thumbnail.jpg',
        mediaType: 'image/jpeg',
      });
      const videoFile = (await media.localPath(result.video))!;
      const probe = await probeVideo(videoFile);
      const video = probe.streams.find((stream) => stream.codec_type === 'video');
      const audio = probe.streams.find((stream) => stream.codec_type === 'audio');
      expect(video).toMatchObject({ codec_name: 'h264', width: 1080, height: 1920, r_frame_rate: '30/1' });
      expect(Number(video?.nb_frames)).toBeGreaterThanOrEqual(88);
      expect(Number(video?.nb_frames)).toBeLessThanOrEqual(92);
      expect(audio?.codec_name).toBe('aac');
      expect(Number(probe.format.duration)).toBeGreaterThan(2.9);
      expect(Number(probe.format.duration)).toBeLessThan(3.2);

      const frame = await sampleFrame(videoFile, 1, path.join(artifacts, 'classic-1s.png'));
      expect(frame.length).toBe(1080 * 1920 * 3);
      expect(lumaVariance(frame)).toBeGreaterThan(200);
      await sampleFrame(videoFile, 2.6, path.join(artifacts, 'classic-end.png'));
      await writeFile(path.join(artifacts, 'classic-thumbnail.jpg'), await media.get(result.thumbnail));

      const fractions = progress.flatMap((report) =>
        report.fraction === undefined ? [] : [report.fraction],
      );
      expect(fractions.at(-1)).toBe(1);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(await media.list('render-classic/')).toEqual([
        'render-classic/thumbnail.jpg',
        'render-classic/video.mp4',
      ]);
    },
    renderTimeout,
  );

  it(
    'renders the wow composition in the same browser, with the music bed',
    async () => {
      const input = await createFixtureInput({ media, composition: 'wow', durationMs: 2400, scenes: 2 });
      const result = await renderer.render(input);

      const videoFile = (await media.localPath(result.video))!;
      const probe = await probeVideo(videoFile);
      expect(probe.streams.map((stream) => stream.codec_name).sort()).toEqual(['aac', 'h264']);
      expect(result.durationMs).toBe(2400);
      const frame = await sampleFrame(videoFile, 1.5, path.join(artifacts, 'wow-1.5s.png'));
      expect(lumaVariance(frame)).toBeGreaterThan(200);
      await sampleFrame(videoFile, 0.4, path.join(artifacts, 'wow-0.4s.png'));
      await writeFile(path.join(artifacts, 'wow-thumbnail.jpg'), await media.get(result.thumbnail));
    },
    renderTimeout,
  );

  it(
    'maps an image the browser cannot decode to invalid_input and stores nothing',
    async () => {
      const input = await createFixtureInput({
        media,
        composition: 'classic',
        durationMs: 1000,
        scenes: 1,
        outputPrefix: 'broken/',
      });
      const broken = await media.put(
        'fixture/broken.png',
        new TextEncoder().encode('not a png'),
        'image/png',
      );
      const error = await renderer
        .render({ ...input, scenes: [{ ...input.scenes[0]!, image: broken }] })
        .catch((caught: unknown) => caught);
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'invalid_input', provider: 'remotion' });
      expect(await media.list('broken/')).toEqual([]);
    },
    renderTimeout,
  );

  it(
    'rejects with the abort reason and stores nothing when the signal aborts mid-render',
    async () => {
      const input = await createFixtureInput({
        media,
        composition: 'classic',
        durationMs: 3000,
        outputPrefix: 'aborted/',
      });
      const controller = new AbortController();
      const rendering = renderer.render(input, {
        signal: controller.signal,
        onProgress: (report) => {
          if ((report.fraction ?? 0) > 0.1) controller.abort(new Error('stop'));
        },
      });
      await expect(rendering).rejects.toThrow('stop');
      expect(await media.list('aborted/')).toEqual([]);
    },
    renderTimeout,
  );
});
