import type { JobSource } from '@reelsmith/core';
import { ProviderError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createFakeJobSource } from '../fakes/fake-job-source.js';
import { installTestServer } from '../msw/install-test-server.js';
import {
  checkClaimAndUpdate,
  checkListPending,
  checkUnknownJob,
  describeJobSourceContract,
  type JobSourceContractOptions,
} from './job-source-contract.js';

const jobs = [
  { id: 'job-1', title: 'Insulated bottle' },
  { id: 'job-2', asin: 'B0C1234567' },
  { id: 'job-3', url: 'https://www.amazon.com/dp/B0C7654321' },
];

// The in-memory fake is the reference in-process job source; latency lets the abort check bite.
const options: JobSourceContractOptions = {
  name: 'fake job source (in-process reference)',
  create: () => createFakeJobSource({ jobs, latencyMs: 200 }),
};

describeJobSourceContract(options);

/** Wraps the fake, replacing one method. */
function brokenSource(patch: (inner: JobSource) => Partial<JobSource>): JobSourceContractOptions {
  return {
    ...options,
    create: () => {
      const inner = createFakeJobSource({ jobs });
      return { ...inner, ...patch(inner) };
    },
  };
}

describe('the job-source contract checks catch broken sources', () => {
  const server = installTestServer();

  it('a claim that never refuses another run', async () => {
    const broken = brokenSource((inner) => ({
      claim: async (jobId, _runId) => inner.claim(jobId, 'always-the-same-run'),
    }));
    await expect(checkClaimAndUpdate(broken, server)).rejects.toThrow(/a second run claimed a job/);
  });

  it('a claimed job still listed as pending', async () => {
    const broken = brokenSource(() => ({ claim: async () => true }));
    await expect(checkClaimAndUpdate(broken, server)).rejects.toThrow(/no longer be listed/);
  });

  it('a limit that is ignored', async () => {
    const broken = brokenSource((inner) => ({ listPending: () => inner.listPending() }));
    await expect(checkListPending(broken, server)).rejects.toThrow(/limit: 1/);
  });

  it('a job without title, asin or url', async () => {
    const broken = brokenSource(() => ({ listPending: async () => [{ id: 'x' }, { id: 'y' }] as never }));
    await expect(checkListPending(broken, server)).rejects.toThrow(/does not match jobSchema/);
  });

  it('an update of an unknown job that resolves or fails with the wrong kind', async () => {
    const silent = brokenSource(() => ({ update: async () => undefined }));
    await expect(checkUnknownJob(silent, server)).rejects.toThrow(/resolved/);
    const wrongKind = brokenSource(() => ({
      update: async () => {
        throw new ProviderError({ kind: 'transient', provider: 'fake', message: 'no such row' });
      },
    }));
    await expect(checkUnknownJob(wrongKind, server)).rejects.toThrow(/invalid_input/);
  });
});
