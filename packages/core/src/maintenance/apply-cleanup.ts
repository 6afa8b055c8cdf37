import type { MediaStore } from '../spec/media-store.js';
import type { CleanupPlan } from './plan-cleanup.js';

/** Options of {@link applyCleanup}. */
export interface ApplyCleanupOptions {
  media: MediaStore;
  /** Copy each file here first (e.g. a Google Drive store); a failed copy keeps the local file. */
  backup?: MediaStore;
  /** Called after each run is cleaned. */
  onRun?: (runId: string, freedBytes: number) => void;
}

/** What {@link applyCleanup} did. */
export interface CleanupResult {
  deletedKeys: string[];
  backedUpKeys: string[];
  freedBytes: number;
  /** Files kept because their backup failed. */
  failed: Array<{ key: string; error: string }>;
}

/** Deletes the plan's media, backing each file up first when `backup` is given. */
export async function applyCleanup(plan: CleanupPlan, options: ApplyCleanupOptions): Promise<CleanupResult> {
  const result: CleanupResult = { deletedKeys: [], backedUpKeys: [], freedBytes: 0, failed: [] };
  for (const candidate of plan.candidates) {
    let freed = 0;
    for (const key of candidate.keys) {
      try {
        const data = await options.media.get(key);
        if (options.backup) {
          await options.backup.put(key, data, mediaTypeOf(key));
          result.backedUpKeys.push(key);
        }
        await options.media.delete(key);
        result.deletedKeys.push(key);
        freed += data.byteLength;
      } catch (error) {
        result.failed.push({ key, error: error instanceof Error ? error.message : String(error) });
      }
    }
    result.freedBytes += freed;
    options.onRun?.(candidate.runId, freed);
  }
  return result;
}

const types: Record<string, string> = {
  mp4: 'video/mp4',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  json: 'application/json',
};

function mediaTypeOf(key: string): string {
  return types[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
