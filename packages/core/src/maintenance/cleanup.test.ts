import { createMemoryCheckpointStore, createMemoryMediaStore } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../pipeline/run-record.js';
import type { MediaStore } from '../spec/media-store.js';
import { applyCleanup } from './apply-cleanup.js';
import { planCleanup } from './plan-cleanup.js';

const now = Date.parse('2026-11-24T12:00:00Z');
const day = 86_400_000;

async function fixture() {
  const checkpoints = createMemoryCheckpointStore();
  const media = createMemoryMediaStore();
  const run = async (runId: string, status: RunRecord['status'], endedDaysAgo: number, bytes = 1000) => {
    const endedAt = new Date(now - endedDaysAgo * day).toISOString();
    await checkpoints.set(runId, 'run', {
      runId,
      job: { id: runId, title: runId },
      status,
      startedAt: endedAt,
      ...(status === 'running' ? {} : { endedAt }),
    } satisfies RunRecord);
    await media.put(`${runId}/video.mp4`, new Uint8Array(bytes), 'video/mp4');
    await media.put(`${runId}/images/scene-1.png`, new Uint8Array(10), 'image/png');
  };
  for (let index = 0; index < 4; index++) await run(`new-${index}`, 'succeeded', index + 1);
  await run('old-ok', 'succeeded', 40);
  await run('older-ok', 'succeeded', 60);
  await run('old-failed', 'failed', 90);
  await run('stuck', 'running', 90);
  await media.put('product-photos/abc.jpg', new Uint8Array(5), 'image/jpeg');
  return { checkpoints, media };
}

describe('planCleanup', () => {
  it('deletes only old successful runs beyond the last N, never unfinished ones or unowned media', async () => {
    const { checkpoints, media } = await fixture();
    const plan = await planCleanup({ checkpoints, media, maxAgeDays: 30, keepLastSuccessful: 3, now });
    expect(plan.candidates.map((candidate) => candidate.runId).sort()).toEqual(['old-ok', 'older-ok']);
    expect(plan.candidates.every((candidate) => candidate.reason === 'age')).toBe(true);
    expect(plan.freedBytes).toBe(2 * 1010);
    const reasons = Object.fromEntries(plan.kept.map((entry) => [entry.runId, entry.reason]));
    expect(reasons['old-failed']).toContain('not finished (failed)');
    expect(reasons.stuck).toContain('not finished (running)');
    expect(reasons['new-0']).toContain('last 3 successful');
    expect(reasons['new-3']).toBe('within the age and size limits');
  });

  it('with a size limit, removes the oldest successful runs until the total fits', async () => {
    const { checkpoints, media } = await fixture();
    const plan = await planCleanup({
      checkpoints,
      media,
      maxTotalBytes: 7 * 1010,
      keepLastSuccessful: 1,
      now,
    });
    expect(plan.totalBytes).toBe(8 * 1010);
    expect(plan.candidates.map((candidate) => candidate.runId)).toEqual(['older-ok']);
    expect(plan.candidates[0]?.reason).toBe('size');
  });

  it('deletes nothing without an age or size limit', async () => {
    const { checkpoints, media } = await fixture();
    expect((await planCleanup({ checkpoints, media, now })).candidates).toEqual([]);
  });
});

describe('applyCleanup', () => {
  it('backs each file up before deleting it, and keeps a file whose backup failed', async () => {
    const { checkpoints, media } = await fixture();
    const plan = await planCleanup({ checkpoints, media, maxAgeDays: 30, keepLastSuccessful: 3, now });
    const backup = createMemoryMediaStore();
    const flaky: MediaStore = {
      ...backup,
      put: async (key, data, mediaType, options) => {
        if (key.startsWith('older-ok/images')) throw new Error('Drive quota exceeded');
        return backup.put(key, data, mediaType, options);
      },
    };
    const result = await applyCleanup(plan, { media, backup: flaky });
    expect(result.deletedKeys.sort()).toEqual([
      'old-ok/images/scene-1.png',
      'old-ok/video.mp4',
      'older-ok/video.mp4',
    ]);
    expect(await backup.list()).toEqual(expect.arrayContaining(['old-ok/video.mp4', 'older-ok/video.mp4']));
    expect(result.failed).toEqual([{ key: 'older-ok/images/scene-1.png', error: 'Drive quota exceeded' }]);
    expect(await media.has('older-ok/images/scene-1.png')).toBe(true);
    expect(await media.has('old-failed/video.mp4')).toBe(true);
    expect(await media.has('product-photos/abc.jpg')).toBe(true);
  });
});
