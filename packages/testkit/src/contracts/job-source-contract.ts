import { type Job, type JobSource, jobSchema, ProviderError } from '@reelsmith/core';
import type { HttpHandler } from 'msw';
import { afterEach, describe, it } from 'vitest';
import { installTestServer } from '../msw/install-test-server.js';
import type { TestServer } from '../msw/test-server.js';
import { checkAbort, checkDeclaration, checkPreAborted } from './check-call.js';
import { checkExtraFault, checkFault } from './check-fault.js';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check, describeThrown } from './contract-violation.js';
import { faultCases } from './fault-cases.js';

/** Options of {@link describeJobSourceContract}. */
export interface JobSourceContractOptions
  extends Omit<ProviderContractOptions<JobSource, Record<string, never>>, 'input' | 'success'> {
  /**
   * Fresh handlers of a stateful fake of the service holding at least two pending jobs; called
   * once per test, so claims and updates of one test never leak into the next. Leave it out for
   * an in-process source: `create` must then return a fresh source with at least two pending jobs.
   */
  service?: () => HttpHandler[];
}

const testTimeoutMs = 20_000;

/** @internal How the suite calls `listPending` for the shared checks (abort, faults). */
export const jobSourceContract: CapabilityContract<JobSource, Record<string, never>, Job[]> = {
  capability: 'job-source',
  method: 'listPending',
  call: (source, _input, options) => source.listPending(options),
  checkResult: () => undefined,
};

/** The shared checks read `success` on every use: a getter hands each a fresh service. */
function providerOptions(
  options: JobSourceContractOptions,
): ProviderContractOptions<JobSource, Record<string, never>> {
  return {
    ...options,
    input: {},
    get success() {
      return options.service?.() ?? [];
    },
  };
}

async function listValid(source: JobSource, where: string, limit?: number): Promise<Job[]> {
  const jobs = await source.listPending(limit === undefined ? {} : { limit });
  check(Array.isArray(jobs), where, 'listPending() must resolve an array of jobs');
  jobs.forEach((job, index) => {
    const parsed = jobSchema.safeParse(job);
    check(
      parsed.success,
      where,
      `jobs[${index}] does not match jobSchema: ${parsed.error?.issues.map((issue) => issue.message).join('; ')}`,
    );
  });
  return jobs;
}

async function prepare(options: JobSourceContractOptions, server: TestServer): Promise<JobSource> {
  server.resetCalls();
  server.use(...(options.service?.() ?? []));
  return options.create({ timeoutMs: 10_000 });
}

/** @internal listPending lists valid, distinct jobs and honours `limit`. */
export async function checkListPending(options: JobSourceContractOptions, server: TestServer): Promise<void> {
  const where = `${options.name} › listPending`;
  const source = await prepare(options, server);
  const jobs = await listValid(source, where);
  check(
    jobs.length >= 2,
    where,
    `the service holds ≥ 2 pending jobs but listPending() returned ${jobs.length}`,
  );
  const ids = new Set(jobs.map((job) => job.id));
  check(ids.size === jobs.length, where, 'listPending() returned the same job id twice');
  const one = await listValid(source, where, 1);
  check(one.length === 1, where, `listPending({ limit: 1 }) returned ${one.length} jobs`);
}

/** @internal claim → listed no more → another run's claim fails → update to done/failed. */
export async function checkClaimAndUpdate(
  options: JobSourceContractOptions,
  server: TestServer,
): Promise<void> {
  const where = `${options.name} › claim and update`;
  const source = await prepare(options, server);
  const [first, second] = await listValid(source, where);
  check(first !== undefined && second !== undefined, where, 'need two pending jobs');
  check(
    (await source.claim(first.id, 'contract-run-1')) === true,
    where,
    `claim('${first.id}', 'contract-run-1') of a pending job must resolve true`,
  );
  const afterClaim = await listValid(source, where);
  check(
    !afterClaim.some((job) => job.id === first.id),
    where,
    'a claimed job must no longer be listed as pending (another worker would take it)',
  );
  check(
    (await source.claim(first.id, 'contract-run-2')) === false,
    where,
    'a second run claimed a job another run holds; claim() must resolve false',
  );
  check(
    (await source.claim(first.id, 'contract-run-1')) === true,
    where,
    'the run that holds a job must be able to claim it again (a resumed run)',
  );
  await source.update(first.id, { status: 'processing', runId: 'contract-run-1', progress: 'render 40%' });
  await source.update(first.id, {
    status: 'done',
    runId: 'contract-run-1',
    urls: { youtube: 'https://www.youtube.com/shorts/abc123' },
    costUsd: 0.42,
  });
  await source.update(second.id, { status: 'failed', error: 'voice: ElevenLabs quota exceeded' });
  const remaining = await listValid(source, where);
  check(
    !remaining.some((job) => job.id === first.id || job.id === second.id),
    where,
    'jobs updated to done or failed must not be listed as pending',
  );
}

/** @internal An update of an unknown job rejects with `invalid_input`. */
export async function checkUnknownJob(options: JobSourceContractOptions, server: TestServer): Promise<void> {
  const where = `${options.name} › update of an unknown job`;
  const source = await prepare(options, server);
  const outcome = await source.update('recUnknownContract0', { status: 'done' }).then(
    () => ({ state: 'resolved' as const }),
    (error: unknown) => ({ state: 'rejected' as const, error }),
  );
  check(outcome.state === 'rejected', where, 'update() of a job id the source does not know resolved');
  check(
    ProviderError.isInstance(outcome.error) && outcome.error.kind === 'invalid_input',
    where,
    `it must reject with a ProviderError of kind "invalid_input", got ${describeThrown(outcome.error)}`,
  );
}

/**
 * Registers the `JobSource` contract suite: declaration; `listPending` lists valid, distinct
 * jobs and honours `limit`; a claimed job is listed no more and another run cannot claim it;
 * updates to `done` and `failed` take jobs off the list; an unknown job is `invalid_input`;
 * `listPending` aborts promptly; and (with `route`) every fault case on `listPending`.
 *
 * @example
 * ```ts
 * describeJobSourceContract({
 *   name: 'my job table',
 *   create: ({ timeoutMs }) => createMyJobSource({ token: 'test-token', timeoutMs }),
 *   service: () => createMyServiceHandlers({ pending: ['Kettle', 'Toaster'] }),
 *   route: (resolver) => [http.get('https://jobs.example/v1/jobs', resolver)],
 * });
 * ```
 */
export function describeJobSourceContract(options: JobSourceContractOptions): void {
  const shared = providerOptions(options);
  const skipped = new Set((options.skipFaults ?? []).map((skip) => skip.case));
  describe(options.name, () => {
    const server = options.server ?? installTestServer();
    if (options.server) {
      afterEach(() => {
        server.resetHandlers();
        server.resetCalls();
      });
    }
    it("declares specificationVersion 'v1', an id and capability 'job-source'", () =>
      checkDeclaration(jobSourceContract, shared));
    it(
      'listPending() lists valid, distinct jobs and honours limit',
      () => checkListPending(options, server),
      testTimeoutMs,
    );
    it(
      'claim() holds a job for one run; update() to done or failed takes it off the list',
      () => checkClaimAndUpdate(options, server),
      testTimeoutMs,
    );
    it(
      'update() of an unknown job rejects with invalid_input',
      () => checkUnknownJob(options, server),
      testTimeoutMs,
    );
    it(
      'listPending() rejects promptly when its signal aborts',
      () => checkAbort(jobSourceContract, shared, server),
      testTimeoutMs,
    );
    it(
      'listPending() rejects without a request when its signal is already aborted',
      () => checkPreAborted(jobSourceContract, shared, server),
      testTimeoutMs,
    );
    if (options.route) {
      describe('listPending() maps service failures to ProviderError', () => {
        for (const faultCase of faultCases.filter((name) => !skipped.has(name))) {
          it(faultCase, () => checkFault(jobSourceContract, shared, server, faultCase), testTimeoutMs);
        }
        for (const fault of options.extraFaults ?? []) {
          it(fault.name, () => checkExtraFault(jobSourceContract, shared, server, fault), testTimeoutMs);
        }
      });
    }
  });
}
