import { type RunRecord, runKey } from '../pipeline/run-record.js';
import type { CheckpointStore } from '../spec/checkpoint-store.js';
import type { MediaStore } from '../spec/media-store.js';

/** Options of {@link planCleanup}. Without `maxAgeDays` or `maxTotalBytes` nothing is deleted. */
export interface CleanupOptions {
  checkpoints: CheckpointStore;
  media: MediaStore;
  /** Delete media of finished runs that ended more than this many days ago. */
  maxAgeDays?: number;
  /** Delete media of the oldest finished runs until the runs' media total at most this. */
  maxTotalBytes?: number;
  /** Always keep the media of this many most recent successful runs. Default 5. */
  keepLastSuccessful?: number;
  now?: number;
}

/** A run whose media may go. */
export interface CleanupCandidate {
  runId: string;
  endedAt: string;
  keys: string[];
  bytes: number;
  /** Why it is deleted: `age` or `size`. */
  reason: 'age' | 'size';
}

/** What {@link planCleanup} decided. Nothing has been deleted yet. */
export interface CleanupPlan {
  candidates: CleanupCandidate[];
  /** Runs whose media stay, and why. */
  kept: Array<{ runId: string; bytes: number; reason: string }>;
  /** Media of all runs, before cleanup. */
  totalBytes: number;
  /** What deleting the candidates frees. */
  freedBytes: number;
}

interface RunMedia {
  record: RunRecord | undefined;
  runId: string;
  keys: string[];
  bytes: number;
}

async function sizeOf(media: MediaStore, key: string): Promise<number> {
  const local = await media.localPath?.(key);
  if (local) {
    const { stat } = await import('node:fs/promises');
    return (await stat(local)).size;
  }
  return (await media.get(key)).byteLength;
}

/**
 * Decides which runs' media can be deleted: only runs that **succeeded** (everything published)
 * are ever candidates, never the last `keepLastSuccessful` of them, and only when older than
 * `maxAgeDays` or while the total exceeds `maxTotalBytes` (oldest first). Unfinished, failed
 * or cancelled runs keep their media: they may be resumed. Media keys not under a run id
 * (`<runId>/…`) are not touched. Use the plan for a dry run, then {@link applyCleanup}.
 */
export async function planCleanup(options: CleanupOptions): Promise<CleanupPlan> {
  const now = options.now ?? Date.now();
  const keepLast = options.keepLastSuccessful ?? 5;
  const runs: RunMedia[] = [];
  for (const runId of await options.checkpoints.runs()) {
    if (runId.startsWith('_')) continue;
    const keys = await options.media.list(`${runId}/`);
    let bytes = 0;
    for (const key of keys) bytes += await sizeOf(options.media, key);
    const record = (await options.checkpoints.get(runId, runKey).catch(() => undefined)) as
      | RunRecord
      | undefined;
    runs.push({ record, runId, keys, bytes });
  }
  const totalBytes = runs.reduce((sum, run) => sum + run.bytes, 0);
  const kept: CleanupPlan['kept'] = [];
  const succeeded = runs
    .filter((run) => run.record?.status === 'succeeded' && run.record.endedAt)
    .sort((a, b) => Date.parse(b.record!.endedAt!) - Date.parse(a.record!.endedAt!));
  for (const run of runs) {
    if (run.record?.status !== 'succeeded' || !run.record.endedAt) {
      kept.push({
        runId: run.runId,
        bytes: run.bytes,
        reason: run.record ? `not finished (${run.record.status}): it may be resumed` : 'no run record',
      });
    }
  }
  const candidates: CleanupCandidate[] = [];
  let remaining = totalBytes;
  // Oldest first, so a size limit removes the oldest videos.
  for (const [index, run] of [...succeeded.entries()].reverse()) {
    const endedAt = run.record!.endedAt!;
    if (index < keepLast) {
      kept.push({
        runId: run.runId,
        bytes: run.bytes,
        reason: `one of the last ${keepLast} successful runs`,
      });
      continue;
    }
    const old =
      options.maxAgeDays !== undefined && now - Date.parse(endedAt) > options.maxAgeDays * 86_400_000;
    const over = options.maxTotalBytes !== undefined && remaining > options.maxTotalBytes;
    if ((old || over) && run.keys.length > 0) {
      candidates.push({
        runId: run.runId,
        endedAt,
        keys: run.keys,
        bytes: run.bytes,
        reason: old ? 'age' : 'size',
      });
      remaining -= run.bytes;
    } else {
      kept.push({ runId: run.runId, bytes: run.bytes, reason: 'within the age and size limits' });
    }
  }
  return { candidates, kept, totalBytes, freedBytes: totalBytes - remaining };
}
