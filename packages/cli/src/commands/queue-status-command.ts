import { createJobQueue } from '@reelsmith/queue-bullmq';
import { exitCodes } from '../exit-codes.js';
import { type OperationsFlags, redisUrl } from '../operations/stores-from-flags.js';
import type { ProgressOutput } from '../progress/progress-view.js';

/** `reelsmith queue status`: jobs by state, connected workers, and the latest failures. */
export async function queueStatusCommand(
  flags: OperationsFlags,
  output: ProgressOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const queue = createJobQueue({
    connection: redisUrl(flags, env),
    ...(flags.queue ? { name: flags.queue } : {}),
  });
  try {
    const counts = await queue.counts();
    const workers = await queue.workers();
    output.write(
      `queue "${queue.name}": ${counts.waiting + counts.prioritized} waiting, ${counts.active} active, ${counts.delayed} delayed, ` +
        `${counts.completed} completed, ${counts.failed} failed; ${workers} worker connection(s)\n`,
    );
    for (const job of await queue.queue.getJobs(['failed'], 0, 4)) {
      output.write(
        `  ✗ ${job.data.job.title ?? job.data.runId}: ${(job.failedReason ?? '').split('\n')[0]}\n`,
      );
    }
    return exitCodes.ok;
  } finally {
    await queue.close();
  }
}
