import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileCheckpointStore, createFileMediaStore } from '@reelsmith/core';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { parseAge, parseSize } from './cleanup-command.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function capture() {
  let text = '';
  const stream = {
    write: (chunk: string) => {
      text += chunk;
    },
  };
  return { io: { stdout: stream, stderr: stream }, text: () => text };
}

async function dataDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-cleanup-'));
  dirs.push(dir);
  const checkpoints = createFileCheckpointStore(path.join(dir, 'checkpoints'));
  const media = createFileMediaStore(path.join(dir, 'media'));
  const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
  for (const [runId, status] of [
    ['done-old', 'succeeded'],
    ['failed-old', 'failed'],
  ] as const) {
    await checkpoints.set(runId, 'run', {
      runId,
      job: { id: runId, title: 't' },
      status,
      startedAt: old,
      endedAt: old,
    });
    await media.put(`${runId}/video.mp4`, new Uint8Array(2_000_000), 'video/mp4');
  }
  return { dir, media };
}

describe('reelsmith cleanup', () => {
  it('--dry-run lists what would go and deletes nothing; the real run deletes only finished runs', async () => {
    const { dir, media } = await dataDir();
    const dry = capture();
    expect(
      await runCli(
        ['cleanup', '--data-dir', dir, '--max-age', '30d', '--keep-last', '0', '--dry-run'],
        dry.io,
      ),
    ).toBe(0);
    expect(dry.text()).toContain('would delete done-old (1 files, 2.0 MB');
    expect(dry.text()).toContain('kept 1 unfinished run(s)');
    expect(dry.text()).toContain('would free 2.0 MB of 4.0 MB');
    expect(await media.has('done-old/video.mp4')).toBe(true);
    const real = capture();
    expect(
      await runCli(['cleanup', '--data-dir', dir, '--max-age', '30d', '--keep-last', '0'], real.io),
    ).toBe(0);
    expect(real.text()).toContain('freed 2.0 MB; 1 files deleted');
    expect(await media.has('done-old/video.mp4')).toBe(false);
    expect(await media.has('failed-old/video.mp4')).toBe(true);
  });

  it('needs a limit, and parses ages and sizes', async () => {
    const none = capture();
    expect(await runCli(['cleanup'], none.io)).toBe(2);
    expect(none.text()).toContain('--max-age 30d and/or --max-size 20GB');
    expect(parseAge('12h')).toBe(0.5);
    expect(parseAge('2w')).toBe(14);
    expect(parseSize('500MiB')).toBe(500 * 1024 ** 2);
    expect(() => parseSize('lots')).toThrow(/--max-size must look like/);
  });
});
