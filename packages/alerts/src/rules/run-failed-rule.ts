import type { ErrorSummary } from '@reelsmith/core';
import type { AlertSeverity } from '../alert.js';
import { type AlertRule, listen } from './alert-rule.js';
import { causeOf, fixForError } from './fixes.js';

/** Options of the `runFailed` rule. */
export interface RunFailedRuleOptions {
  /** Default `critical`. */
  severity?: AlertSeverity;
  /** De-duplication window; default the global one (1 h). */
  windowMs?: number;
}

/**
 * Alerts when a run ends `failed` (after every retry and fallback): the cause (provider and
 * error kind), the phase, what was spent, and the fix. One alert per distinct cause per window,
 * keyed `run-failed|<provider>|<kind or error name>`; cancelled runs are not alerted.
 */
export function runFailedRule(options: RunFailedRuleOptions = {}): AlertRule {
  return {
    name: 'run-failed',
    start({ events, raise }) {
      const failedPhase = new Map<string, string>();
      const stops = [
        listen(events, 'phase:error', (event) => {
          if (!failedPhase.has(event.runId)) failedPhase.set(event.runId, event.phase);
        }),
        listen(events, 'run:end', (event) => {
          const phase = failedPhase.get(event.runId);
          failedPhase.delete(event.runId);
          if (event.status !== 'failed') return;
          const error: ErrorSummary = event.error ?? { name: 'Error', message: 'unknown failure' };
          const fix = fixForError(error, event.runId);
          const where = phase ? ` in phase ${phase}` : '';
          raise('run-failed', {
            key: `run-failed|${error.provider ?? '-'}|${error.kind ?? error.name}`,
            severity: options.severity ?? 'critical',
            title: `Run failed: ${event.jobId ?? event.runId} (${causeOf(error)})`,
            message: `Run ${event.runId}${where} failed after all retries and fallbacks: ${error.message}. Spent $${event.costUsd.toFixed(2)}.`,
            ...(fix ? { fix } : {}),
            runId: event.runId,
            ...(event.jobId ? { jobId: event.jobId } : {}),
            ...(error.provider ? { provider: error.provider } : {}),
            cause: error.kind ?? error.name,
            ...(phase ? { details: { phase } } : {}),
            at: event.at,
            ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
          });
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
