import type { Provider } from './provider.js';

/**
 * Durable per-run key/value records: phase outputs, publish intents and results.
 * Values are JSON. Writes must be atomic: a reader sees the old value or the new one, never
 * a torn one; a corrupt record is reported with `CheckpointCorruptError`, never returned.
 */
export interface CheckpointStore extends Provider<'checkpoint-store'> {
  get(runId: string, key: string): Promise<unknown | undefined>;
  set(runId: string, key: string, value: unknown): Promise<void>;
  delete(runId: string, key: string): Promise<void>;
  /** Keys saved for a run. */
  keys(runId: string): Promise<string[]>;
  /** Run ids with at least one record. */
  runs(): Promise<string[]>;
  /** Deletes every record of a run. */
  clear(runId: string): Promise<void>;
}
