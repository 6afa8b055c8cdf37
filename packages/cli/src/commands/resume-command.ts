import type { RunRecord } from '@reelsmith/core';
import { exitCodes, UsageError } from '../exit-codes.js';
import type { ProgressOutput } from '../progress/progress-view.js';
import { type ProviderFlags, pipelineFromFlags } from './pipeline-from-flags.js';
import { execute } from './run-command.js';

/** `reelsmith resume RUN_ID`: continues a run; finished phases are skipped and not paid again. */
export async function resumeCommand(
  runId: string | undefined,
  flags: ProviderFlags,
  output: ProgressOutput,
): Promise<number> {
  if (!runId)
    throw new UsageError(
      'pass the run id to resume: reelsmith resume RUN_ID (it is printed by reelsmith run)',
    );
  const { pipeline, close } = await pipelineFromFlags(flags);
  try {
    const record = (await pipeline.checkpoints.get(runId, 'run')) as RunRecord | undefined;
    if (!record) {
      throw new UsageError(
        `no run "${runId}" in ${flags.dataDir ?? '.reelsmith'}; pass the same --data-dir as the first run`,
      );
    }
    const label = record.job.title ?? runId;
    const [outcome] = await execute(pipeline, [record.job], [runId], 1, new Map([[runId, label]]), output);
    return outcome?.status === 'succeeded' ? exitCodes.ok : exitCodes.someFailed;
  } finally {
    await close();
  }
}
