import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.checkpoint-corrupt');

/** Thrown by a checkpoint store when a record is torn or fails its checksum. It is never trusted. */
export class CheckpointCorruptError extends ReelsmithError {
  private readonly [marker] = true;
  readonly runId: string;
  readonly key: string;

  constructor(runId: string, key: string, detail: string) {
    super(`[reelsmith] checkpoint ${runId}/${key} is corrupt (${detail}); it will not be used.`);
    this.name = 'CheckpointCorruptError';
    this.runId = runId;
    this.key = key;
  }

  static override isInstance(error: unknown): error is CheckpointCorruptError {
    return hasMarker(error, marker);
  }
}
