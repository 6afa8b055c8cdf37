import path from 'node:path';
import type { JobInput } from '@reelsmith/core';
import { createJobQueue } from '@reelsmith/queue-bullmq';
import { exitCodes, UsageError } from '../exit-codes.js';
import { readJobsFile } from '../jobs/read-jobs-file.js';
import { loadConfig } from '../offline/load-config.js';
import { type OperationsFlags, redisUrl } from '../operations/stores-from-flags.js';
import type { ProgressOutput } from '../progress/progress-view.js';

/** Flags of `reelsmith enqueue`. */
export interface EnqueueFlags extends OperationsFlags {
  title?: string[] | string;
  jobs?: string;
  pending?: boolean;
  config?: string;
  limit?: number | string;
}

/**
 * `reelsmith enqueue`: queues products for the workers — from `--title`, a `--jobs` file, or the
 * pending rows of the config's `jobSource` (`--pending`, claimed at once). The same product
 * already queued or running is skipped.
 */
export async function enqueueCommand(
  flags: EnqueueFlags,
  output: ProgressOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const queue = createJobQueue({
    connection: redisUrl(flags, env),
    ...(flags.queue ? { name: flags.queue } : {}),
  });
  try {
    let result: Awaited<ReturnType<typeof queue.enqueue>>;
    let labels: string[];
    if (flags.pending) {
      if (!flags.config)
        throw new UsageError('--pending reads the jobSource of --config reelsmith.config.mjs');
      const dataDir = path.resolve(flags.dataDir ?? '.reelsmith');
      const options = await loadConfig(flags.config, { outDir: path.resolve('reelsmith-out'), dataDir });
      if (!options.jobSource)
        throw new UsageError('the --config module exports no jobSource (e.g. createAirtableJobSource(...))');
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      result = await queue.enqueuePending(options.jobSource, limit === undefined ? {} : { limit });
      labels = result.added.map((entry) => entry.runId);
    } else {
      const jobs: JobInput[] = [...(typeof flags.title === 'string' ? [flags.title] : (flags.title ?? []))];
      if (flags.jobs) jobs.push(...(await readJobsFile(flags.jobs)));
      if (jobs.length === 0)
        throw new UsageError('nothing to enqueue: pass --title, --jobs FILE or --pending --config FILE');
      result = await queue.enqueue(jobs);
      labels = jobs.map((job) => (typeof job === 'string' ? job : (job.title ?? job.asin ?? job.url ?? '')));
    }
    for (const entry of result.added)
      output.write(`+ ${labels[entry.index] ?? entry.runId} → run ${entry.runId}\n`);
    for (const entry of result.duplicates)
      output.write(`= ${labels[entry.index] ?? ''} already queued or running (job ${entry.existingJobId})\n`);
    output.write(`${result.added.length} queued, ${result.duplicates.length} already queued.\n`);
    return exitCodes.ok;
  } finally {
    await queue.close();
  }
}
