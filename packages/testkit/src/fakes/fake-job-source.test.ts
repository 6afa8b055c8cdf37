import { describe, expect, it } from 'vitest';
import { createFakeJobSource } from './fake-job-source.js';

describe('createFakeJobSource', () => {
  it('lists pending jobs, lets one run claim a job and refuses another', async () => {
    const jobs = createFakeJobSource({
      jobs: [
        { id: 'j1', title: 'Kettle' },
        { id: 'j2', asin: 'B0001' },
      ],
    });
    expect((await jobs.listPending()).map((job) => job.id)).toEqual(['j1', 'j2']);
    expect(await jobs.claim('j1', 'run-a')).toBe(true);
    expect(await jobs.claim('j1', 'run-b')).toBe(false);
    expect(await jobs.claim('j1', 'run-a')).toBe(true);
    expect((await jobs.listPending({ limit: 5 })).map((job) => job.id)).toEqual(['j2']);
    expect(jobs.record('j1')).toMatchObject({ status: 'processing', runId: 'run-a' });
  });

  it('records updates, merges them, and releases failed jobs', async () => {
    const jobs = createFakeJobSource({ jobs: [{ id: 'j1', title: 'Kettle' }] });
    await jobs.claim('j1', 'run-a');
    await jobs.update('j1', { progress: 'render 40%' });
    await jobs.update('j1', { status: 'failed', error: 'boom' });
    expect(jobs.updates).toEqual([
      { jobId: 'j1', update: { progress: 'render 40%' } },
      { jobId: 'j1', update: { status: 'failed', error: 'boom' } },
    ]);
    expect(jobs.record('j1')).toMatchObject({ status: 'failed', progress: 'render 40%', error: 'boom' });
    expect(await jobs.claim('j1', 'run-b')).toBe(true);
    await jobs.update('j1', { status: 'done', urls: { youtube: 'https://youtu.be/x' } });
    expect(await jobs.claim('j1', 'run-c')).toBe(false);
    expect(jobs.callCount).toBe(6);
    expect(jobs.calls[0]).toEqual({ method: 'claim', jobId: 'j1', runId: 'run-a' });
  });

  it('rejects unknown jobs and invalid jobs', async () => {
    const jobs = createFakeJobSource();
    await expect(jobs.claim('nope', 'run-a')).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(() => jobs.add({ id: 'j9' })).toThrow();
  });

  it('applies scripted failures to every method', async () => {
    const jobs = createFakeJobSource({
      jobs: [{ id: 'j1', title: 'Kettle' }],
      failures: [null, 'transient'],
    });
    await jobs.listPending();
    await expect(jobs.claim('j1', 'run-a')).rejects.toMatchObject({ kind: 'transient' });
    expect(await jobs.claim('j1', 'run-a')).toBe(true);
  });
});
