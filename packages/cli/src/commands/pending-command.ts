import { type JobOutcome, processJobs, type RunOutcome } from '@reelsmith/core';
import { exitCodes, UsageError } from '../exit-codes.js';
import { attachProgressView, type ProgressOutput } from '../progress/progress-view.js';
import { formatSummary } from '../progress/summary-table.js';
import { type ProviderFlags, pipelineFromFlags } from './pipeline-from-flags.js';
import { runIdFor } from './run-command.js';

/** Flags of `reelsmith run --pending`. */
export interface PendingFlags extends ProviderFlags {
  limit?: number;
  concurrency?: number;
}

/**
 * `reelsmith run --pending`: takes the pending jobs of the config's `jobSource` (an Airtable
 * table, …), claims and runs them, and writes status, links, cost or the error back.
 */
export async function pendingCommand(flags: PendingFlags, output: ProgressOutput): Promise<number> {
  const concurrency = flags.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be an integer ≥ 1');
  if (flags.limit !== undefined && !(Number.isInteger(flags.limit) && flags.limit >= 1))
    throw new UsageError('--limit must be an integer ≥ 1');
  const { pipeline, close, jobSource } = await pipelineFromFlags(flags, { withJobSource: false });
  try {
    if (!jobSource) {
      throw new UsageError(
        '--pending needs a job source: export `jobSource` (e.g. createAirtableJobSource(...)) from the --config module',
      );
    }
    const labels = new Map<string, string>();
    const detach = attachProgressView(pipeline.events, output, {
      phaseCount: pipeline.phases.length,
      labels,
    });
    let outcomes: JobOutcome[];
    try {
      outcomes = await processJobs(pipeline, jobSource, {
        concurrency,
        ...(flags.limit !== undefined ? { limit: flags.limit } : {}),
        runId: (job) => {
          const runId = runIdFor(job);
          labels.set(runId, job.title ?? job.asin ?? job.url ?? job.id);
          return runId;
        },
      });
    } finally {
      detach();
    }
    const runs = outcomes.filter(
      (outcome): outcome is Exclude<JobOutcome, { status: 'skipped' }> => outcome.status !== 'skipped',
    );
    if (outcomes.length === 0) {
      output.write('No pending jobs.\n');
      return exitCodes.ok;
    }
    const phases = new Map(
      runs.flatMap((outcome) =>
        outcome.status === 'succeeded' ? [[outcome.runId, outcome.result.phases]] : [],
      ),
    );
    output.write(`\n${formatSummary(runs as RunOutcome[], labels, (runId) => phases.get(runId))}\n`);
    const skipped = outcomes.length - runs.length;
    if (skipped > 0) output.write(`${skipped} job(s) skipped: another worker had claimed them.\n`);
    return runs.every((outcome) => outcome.status === 'succeeded') ? exitCodes.ok : exitCodes.someFailed;
  } finally {
    await close();
  }
}
