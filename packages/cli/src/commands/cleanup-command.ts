import path from 'node:path';
import {
  applyCleanup,
  type CheckpointStore,
  createFileCheckpointStore,
  createFileMediaStore,
  type MediaStore,
  planCleanup,
} from '@reelsmith/core';
import { exitCodes, UsageError } from '../exit-codes.js';
import { loadConfig } from '../offline/load-config.js';
import type { ProgressOutput } from '../progress/progress-view.js';

/** Flags of `reelsmith cleanup`. */
export interface CleanupFlags {
  dataDir?: string;
  config?: string;
  maxAge?: string;
  maxSize?: string;
  keepLast?: number | string;
  dryRun?: boolean;
  /** Copy to the config's `delivery` store before deleting. */
  backup?: boolean;
}

const units: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `30d`, `12h`, `2w` → days. */
export function parseAge(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([hdw])$/i.exec(text.trim());
  if (!match) throw new UsageError(`--max-age must look like 30d, 12h or 2w, got "${text}"`);
  const value = Number(match[1]);
  return match[2]!.toLowerCase() === 'h' ? value / 24 : match[2]!.toLowerCase() === 'w' ? value * 7 : value;
}

/** `20GB`, `500MiB` → bytes. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  const unit = match ? units[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined)
    throw new UsageError(`--max-size must look like 20GB or 500MiB, got "${text}"`);
  return Number(match[1]) * unit;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * `reelsmith cleanup`: deletes media of finished runs by age and/or total size, keeping the
 * last N successful runs and every unfinished run; `--dry-run` lists what would go.
 */
export async function cleanupCommand(flags: CleanupFlags, output: ProgressOutput): Promise<number> {
  if (flags.maxAge === undefined && flags.maxSize === undefined) {
    throw new UsageError(
      'say what to clean: --max-age 30d and/or --max-size 20GB (add --dry-run to preview)',
    );
  }
  const keepLast = flags.keepLast === undefined ? 5 : Number(flags.keepLast);
  if (!Number.isInteger(keepLast) || keepLast < 0) throw new UsageError('--keep-last must be an integer ≥ 0');
  const dataDir = path.resolve(flags.dataDir ?? '.reelsmith');
  let checkpoints: CheckpointStore = createFileCheckpointStore(path.join(dataDir, 'checkpoints'));
  let media: MediaStore = createFileMediaStore(path.join(dataDir, 'media'));
  let backup: MediaStore | undefined;
  if (flags.config) {
    const options = await loadConfig(flags.config, { outDir: path.resolve('reelsmith-out'), dataDir });
    checkpoints = options.checkpoints ?? checkpoints;
    media = options.media ?? media;
    backup = options.delivery;
  }
  if (flags.backup && !backup) {
    throw new UsageError(
      '--backup needs a `delivery` media store (e.g. Google Drive) in the --config module',
    );
  }
  const plan = await planCleanup({
    checkpoints,
    media,
    keepLastSuccessful: keepLast,
    ...(flags.maxAge !== undefined ? { maxAgeDays: parseAge(flags.maxAge) } : {}),
    ...(flags.maxSize !== undefined ? { maxTotalBytes: parseSize(flags.maxSize) } : {}),
  });
  for (const candidate of plan.candidates) {
    output.write(
      `${flags.dryRun ? 'would delete' : 'deleting'} ${candidate.runId} (${candidate.keys.length} files, ${megabytes(candidate.bytes)}, ended ${candidate.endedAt}, by ${candidate.reason})\n`,
    );
  }
  const unfinished = plan.kept.filter((entry) => entry.reason.startsWith('not finished'));
  if (unfinished.length > 0)
    output.write(`kept ${unfinished.length} unfinished run(s): they may be resumed\n`);
  if (flags.dryRun) {
    output.write(`would free ${megabytes(plan.freedBytes)} of ${megabytes(plan.totalBytes)}\n`);
    return exitCodes.ok;
  }
  const result = await applyCleanup(plan, { media, ...(flags.backup && backup ? { backup } : {}) });
  output.write(`freed ${megabytes(result.freedBytes)}; ${result.deletedKeys.length} files deleted`);
  output.write(flags.backup ? `, ${result.backedUpKeys.length} backed up first\n` : '\n');
  for (const failure of result.failed) output.write(`kept ${failure.key}: ${failure.error}\n`);
  return result.failed.length === 0 ? exitCodes.ok : exitCodes.someFailed;
}
