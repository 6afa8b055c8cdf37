import { createFakeJobSource, createMemoryCheckpointStore, createMemoryMediaStore } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../errors/provider-error.js';
import { definePipeline } from './define-pipeline.js';
import { definePhase } from './phase.js';
import { processJobs } from './process-jobs.js';

const secret = 'tok-process-jobs-secret-9f8e7d';

function setup(options: { failTitle?: string; delayMs?: number } = {}) {
  let running = 0;
  let maxRunning = 0;
  const work = definePhase({
    name: 'work',
    run: async (ctx) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
      running -= 1;
      if (ctx.job.title === options.failTitle) {
        throw new ProviderError({
          kind: 'auth',
          provider: 'voice',
          message: `key ${secret} was revoked`,
        });
      }
      return { title: ctx.job.title };
    },
  });
  const report = definePhase({
    name: 'report',
    needs: [work],
    run: (ctx) => ({ urls: { local: `file:///out/${ctx.inputs.work.title}.mp4` }, costUsd: 0 }),
  });
  const pipeline = definePipeline({
    phases: [work, report],
    checkpoints: createMemoryCheckpointStore(),
    media: createMemoryMediaStore(),
    secrets: [secret],
    retry: false,
  });
  const source = createFakeJobSource({
    jobs: [
      { id: 'rec1', title: 'Kettle' },
      { id: 'rec2', title: 'Toaster' },
      { id: 'rec3', title: 'Blender' },
    ],
  });
  return { pipeline, source, maxRunning: () => maxRunning };
}

describe('processJobs', () => {
  it('claims, runs and writes back each pending job: progress, then done with links and cost', async () => {
    const { pipeline, source } = setup();
    const outcomes = await processJobs(pipeline, source, { runId: (job) => `run-${job.id}` });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const record = source.record('rec2')!;
    expect(record).toMatchObject({
      status: 'done',
      runId: 'run-rec2',
      costUsd: 0,
      urls: { local: 'file:///out/Toaster.mp4' },
    });
    const forJob = source.updates.filter((entry) => entry.jobId === 'rec2').map((entry) => entry.update);
    expect(forJob.some((update) => update.status === 'processing' && update.progress === 'work')).toBe(true);
    expect(forJob.at(-1)?.status).toBe('done');
  });

  it('writes a failure back with its redacted error and keeps going', async () => {
    const { pipeline, source } = setup({ failTitle: 'Toaster' });
    const outcomes = await processJobs(pipeline, source);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    const failed = source.record('rec2')!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('was revoked');
    expect(failed.error).not.toContain(secret);
    expect(source.record('rec3')!.status).toBe('done');
  });

  it('skips a job another worker claimed between listing and claiming', async () => {
    const { pipeline, source } = setup();
    const racing = {
      ...source,
      claim: async (jobId: string, runId: string) => {
        if (jobId === 'rec1') await source.claim(jobId, 'other-worker');
        return source.claim(jobId, runId);
      },
    };
    const outcomes = await processJobs(pipeline, racing);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['skipped', 'succeeded', 'succeeded']);
    expect(source.record('rec1')).toMatchObject({ status: 'processing', runId: 'other-worker' });
  });

  it('honours limit', async () => {
    const { pipeline, source } = setup();
    const outcomes = await processJobs(pipeline, source, { limit: 1 });
    expect(outcomes).toHaveLength(1);
    expect(source.record('rec2')!.status).toBe('pending');
  });

  it('runs up to `concurrency` jobs at once', async () => {
    const { pipeline, source, maxRunning } = setup({ delayMs: 30 });
    await processJobs(pipeline, source, { concurrency: 2 });
    expect(maxRunning()).toBe(2);
  });
});
