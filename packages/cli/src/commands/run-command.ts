import { randomBytes } from 'node:crypto';
import type { JobInput, Pipeline, RunOutcome } from '@reelsmith/core';
import { exitCodes, UsageError } from '../exit-codes.js';
import { readJobsFile } from '../jobs/read-jobs-file.js';
import { attachProgressView, type ProgressOutput } from '../progress/progress-view.js';
import { formatSummary } from '../progress/summary-table.js';
import { type ProviderFlags, pipelineFromFlags } from './pipeline-from-flags.js';

/** Flags of `reelsmith run`. */
export interface RunFlags extends ProviderFlags {
  title?: string[];
  jobs?: string;
  concurrency?: number;
}

/** A readable, unique run id from the job: `steel-water-bottle-3f9a2c`. */
export function runIdFor(job: JobInput): string {
  const name = typeof job === 'string' ? job : (job.title ?? job.asin ?? job.url ?? 'job');
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'job'}-${randomBytes(3).toString('hex')}`;
}

/** `reelsmith run`: runs jobs from `--title` and/or `--jobs FILE`. */
export async function runCommand(flags: RunFlags, output: ProgressOutput): Promise<number> {
  const jobs: JobInput[] = [...(flags.title ?? [])];
  if (flags.jobs) jobs.push(...(await readJobsFile(flags.jobs)));
  if (jobs.length === 0)
    throw new UsageError('nothing to run: pass --title "Product title" or --jobs jobs.json');
  const concurrency = flags.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be an integer ≥ 1');
  const { pipeline, close } = await pipelineFromFlags(flags);
  const ids = jobs.map(runIdFor);
  const labels = new Map(
    jobs.map((job, index) => [ids[index]!, typeof job === 'string' ? job : (job.title ?? ids[index]!)]),
  );
  try {
    const outcomes = await execute(pipeline, jobs, ids, concurrency, labels, output);
    return outcomes.every((outcome) => outcome.status === 'succeeded') ? exitCodes.ok : exitCodes.someFailed;
  } finally {
    await close();
  }
}

/** Runs jobs with the progress view and prints the summary; shared with `resume`. */
export async function execute(
  pipeline: Pipeline,
  jobs: readonly JobInput[],
  ids: readonly string[],
  concurrency: number,
  labels: Map<string, string>,
  output: ProgressOutput,
): Promise<RunOutcome[]> {
  const detach = attachProgressView(pipeline.events, output, { phaseCount: pipeline.phases.length, labels });
  try {
    const outcomes = await pipeline.runMany(jobs, { concurrency, runId: (_job, index) => ids[index]! });
    const phases = new Map(
      outcomes.flatMap((outcome) =>
        outcome.status === 'succeeded' ? [[outcome.runId, outcome.result.phases]] : [],
      ),
    );
    output.write(`\n${formatSummary(outcomes, labels, (runId) => phases.get(runId))}\n`);
    const failed = outcomes.filter((outcome) => outcome.status === 'failed');
    if (failed.length > 0) {
      output.write(
        `\n${failed.length} run(s) failed. Resume one with: reelsmith resume ${failed[0]!.runId} (same flags)\n`,
      );
    }
    return outcomes;
  } finally {
    detach();
  }
}
