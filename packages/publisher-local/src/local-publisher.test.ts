import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, type MediaStore, ProviderError } from '@reelsmith/core';
import { createMemoryMediaStore, createPng } from '@reelsmith/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalPublisher, type LocalPublishDraft } from './index.js';

const videoBytes = new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112, 105, 115, 111, 109]);
const media = createMemoryMediaStore();
const video = await media.put('run-1/video.mp4', videoBytes, 'video/mp4');
const thumbnailBytes = createPng({ width: 9, height: 16 });
const thumbnail = await media.put('run-1/thumbnail.jpg', thumbnailBytes, 'image/jpeg');

const draft: LocalPublishDraft = {
  marker: 'rsm-0123456789abcdef0123',
  title: 'Steel Kettle: 90-second boil!',
  description: 'A kettle that boils in 90 s.\nAs an affiliate I earn from qualifying purchases.',
  tags: ['kettle', '#kitchen', 'morning coffee'],
  video,
  thumbnail,
  durationMs: 30_000,
  width: 1080,
  height: 1920,
  links: ['https://example.test/kettle?tag=aff-20'],
  product: { title: 'Steel Kettle', bullets: [], reviews: [], imageUrls: [], rating: 4.7 },
  metadata: { captions: { youtube: 'Boils in 90 s #kettle' }, costs: { script: 0 }, campaign: 'spring' },
};

let outDir: string;
beforeEach(async () => {
  outDir = join(await mkdtemp(join(tmpdir(), 'reelsmith-publisher-local-')), 'published');
});

/** A store whose `get` takes `delayMs` (honouring the signal) or fails for one key. */
function slowStore(delayMs: number, failKey?: string): MediaStore {
  return {
    ...media,
    async get(ref, options) {
      const key = typeof ref === 'string' ? ref : ref.key;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delayMs);
        options?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(options.signal?.reason);
        });
      });
      if (key === failKey) throw new Error('storage went away');
      return media.get(ref, options);
    },
  };
}

describe('createLocalPublisher: the Publisher contract', () => {
  it('declares itself and checks nothing on disk at construction', async () => {
    const publisher = createLocalPublisher({ outDir });
    expect(publisher).toMatchObject({
      specificationVersion: 'v1',
      id: 'local',
      capability: 'publisher',
      platform: 'local',
      outDir,
    });
    expect(createLocalPublisher({ outDir, platform: 'review' }).id).toBe('local:review');
    await expect(readdir(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('validate() accepts a good draft and names the fields of a bad one', () => {
    const publisher = createLocalPublisher({ outDir });
    expect(publisher.validate(draft)).toEqual({ ok: true, issues: [] });
    const bad = {
      ...draft,
      title: 'x'.repeat(101),
      description: 'y'.repeat(5001),
      video: undefined,
      width: 0,
      durationMs: -1,
      metadata: { when: new Date() },
    } as unknown as LocalPublishDraft;
    const result = publisher.validate(bad);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.field)).toEqual([
      'title',
      'description',
      'video',
      'width',
      'durationMs',
      'metadata.when',
    ]);
    for (const issue of result.issues) expect(issue.fix.length).toBeGreaterThan(0);
    expect(publisher.validate({ ...draft, title: '  ' }).issues[0]?.field).toBe('title');
  });

  it('publish() writes the folder and returns the post; findExisting() finds it', async () => {
    const publisher = createLocalPublisher({ outDir });
    const { post, cost, warnings } = await publisher.publish(draft, { media });
    expect(cost.usd).toBe(0);
    expect(warnings).toEqual([]);
    const folder = 'steel-kettle-90-second-boil-rsm-0123456789abcdef0123';
    expect(post).toMatchObject({ platform: 'local', id: folder, marker: draft.marker });
    expect(post.url).toBe(`file://${join(outDir, folder, 'index.html')}`);
    expect(Number.isNaN(Date.parse(post.publishedAt))).toBe(false);
    expect((await readdir(join(outDir, folder))).sort()).toEqual([
      'index.html',
      'metadata.json',
      'thumbnail.jpg',
      'video.mp4',
    ]);
    expect(new Uint8Array(await readFile(join(outDir, folder, 'video.mp4')))).toEqual(videoBytes);
    expect(new Uint8Array(await readFile(join(outDir, folder, 'thumbnail.jpg')))).toEqual(thumbnailBytes);
    await expect(readFile(fileURLToPath(post.url), 'utf8')).resolves.toContain('<video controls');

    expect(await publisher.findExisting(draft.marker)).toEqual(post);
    expect(await publisher.findExisting('marker-that-does-not-exist')).toBeUndefined();
    // A fresh publisher on the same folder (a resumed process) finds it too.
    expect(await createLocalPublisher({ outDir }).findExisting(draft.marker)).toEqual(post);
  });

  it('metadata.json holds the draft, hashtags, product summary and the extra metadata', async () => {
    const publisher = createLocalPublisher({ outDir, metadata: { campaign: 'default', owner: 'ana' } });
    const { post } = await publisher.publish(draft, { media });
    const metadata = JSON.parse(await readFile(join(outDir, post.id, 'metadata.json'), 'utf8'));
    expect(metadata).toMatchObject({
      format: 'reelsmith.publisher-local/1',
      marker: draft.marker,
      platform: 'local',
      publisher: 'local',
      publishedAt: post.publishedAt,
      title: draft.title,
      description: draft.description,
      tags: draft.tags,
      hashtags: ['#kettle', '#kitchen', '#morningcoffee'],
      links: draft.links,
      video: { file: 'video.mp4', mediaType: 'video/mp4', size: videoBytes.length, sha256: video.sha256 },
      thumbnail: { file: 'thumbnail.jpg', mediaType: 'image/jpeg', sha256: thumbnail.sha256 },
      product: { title: 'Steel Kettle', rating: 4.7 },
      captions: { youtube: 'Boils in 90 s #kettle' },
      costs: { script: 0 },
      campaign: 'spring',
      owner: 'ana',
    });
    expect(metadata.product).not.toHaveProperty('bullets');
  });

  it('publish() rejects with the abort reason, before or during the work, and leaves nothing', async () => {
    const publisher = createLocalPublisher({ outDir });
    const aborted = AbortSignal.abort();
    await expect(publisher.publish(draft, { media, signal: aborted })).rejects.toBe(aborted.reason);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(
      publisher.publish(draft, { media: slowStore(2_000), signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await readdir(outDir)).toEqual([]);
    expect(await publisher.findExisting(draft.marker)).toBeUndefined();
  });

  it('rejects an invalid draft at publish() with invalid_input, before writing', async () => {
    const publisher = createLocalPublisher({ outDir });
    const error = await publisher.publish({ ...draft, title: '' }, { media }).catch((caught) => caught);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid_input', provider: 'local' });
    expect(error.message).toContain('`title`');
    await expect(readdir(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('createLocalPublisher: atomic folders', () => {
  it('shows no folder while writing, and none when media.get fails midway', async () => {
    const publisher = createLocalPublisher({ outDir });
    // The video is read (and written), then reading the thumbnail fails.
    const call = publisher.publish(draft, { media: slowStore(100, thumbnail.key) });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const during = await readdir(outDir);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.steel-kettle-.*\.reelsmith-[0-9a-f-]{36}\.tmp$/);
    expect(await publisher.findExisting(draft.marker)).toBeUndefined();

    await expect(call).rejects.toThrow('storage went away');
    expect(await readdir(outDir)).toEqual([]);
    expect(await publisher.findExisting(draft.marker)).toBeUndefined();
  });

  it('replaces the folder when the same marker is published again', async () => {
    const publisher = createLocalPublisher({ outDir });
    const first = await publisher.publish(draft, { media });
    const second = await publisher.publish(
      { ...draft, thumbnail: undefined, description: 'Second take.' },
      { media },
    );
    expect(second.post.id).toBe(first.post.id);
    expect(await readdir(outDir)).toEqual([first.post.id]);
    expect((await readdir(join(outDir, first.post.id))).sort()).toEqual([
      'index.html',
      'metadata.json',
      'video.mp4',
    ]);
    expect(await publisher.findExisting(draft.marker)).toEqual(second.post);
  });

  it('findExisting() ignores temporary and foreign folders', async () => {
    const publisher = createLocalPublisher({ outDir });
    const hidden = join(outDir, `.x-${draft.marker}.reelsmith-00000000-0000-0000-0000-000000000000.tmp`);
    await mkdir(hidden, { recursive: true });
    await writeFile(
      join(hidden, 'metadata.json'),
      JSON.stringify({ marker: draft.marker, publishedAt: 'x' }),
    );
    await mkdir(join(outDir, `broken-${draft.marker}`));
    await writeFile(join(outDir, `broken-${draft.marker}`, 'metadata.json'), '{ not json');
    await writeFile(join(outDir, 'notes.txt'), 'hello');
    expect(await publisher.findExisting(draft.marker)).toBeUndefined();
  });
});

describe('createLocalPublisher: configuration errors', () => {
  it('rejects bad settings with a ConfigError naming the field', () => {
    expect(() => createLocalPublisher({ outDir: '' })).toThrow(ConfigError);
    expect(() => createLocalPublisher({} as never)).toThrow(/`outDir`/);
    expect(() => createLocalPublisher({ outDir, platform: 'Local Folder' })).toThrow(/`platform`/);
  });

  it('fails the first publish with a ConfigError naming outDir when it cannot be written', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'reelsmith-publisher-local-'));
    const file = join(parent, 'a-file');
    await writeFile(file, 'not a folder');
    // A path under a regular file cannot be created, even by root.
    const publisher = createLocalPublisher({ outDir: join(file, 'published') });
    const error = await publisher.publish(draft, { media }).catch((caught) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('outDir');
    expect((error as Error).message).toMatch(/choose a folder this process can create and write to/);
    expect(await publisher.findExisting(draft.marker).catch((caught) => caught)).toSatisfy(
      (value: unknown) => value === undefined || ConfigError.isInstance(value),
    );
  });
});
