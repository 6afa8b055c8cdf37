import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.phase');

/** Rejects `pipeline.run()` when a phase failed. `cause` is the phase's own error. */
export class PhaseError extends ReelsmithError {
  private readonly [marker] = true;
  readonly runId: string;
  readonly phase: string;

  constructor(runId: string, phase: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`[reelsmith] run ${runId} failed in phase "${phase}": ${detail}`, { cause });
    this.name = 'PhaseError';
    this.runId = runId;
    this.phase = phase;
  }

  static override isInstance(error: unknown): error is PhaseError {
    return hasMarker(error, marker);
  }
}
