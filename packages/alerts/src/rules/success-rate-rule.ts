import type { ReelsmithEvents } from '@reelsmith/core';
import type { AlertSeverity } from '../alert.js';
import { defaultDedupeWindows } from '../alerts-defaults.js';
import { type AlertRule, listen } from './alert-rule.js';
import { causeOf } from './fixes.js';

/** Options of the `successRate` rule. */
export interface SuccessRateRuleOptions {
  /** How many recent runs to judge; default 20. */
  runs?: number;
  /** Alert below this fraction of succeeded runs; default 0.8. */
  minRate?: number;
  /** No alert before this many runs are known; default 5. */
  minRuns?: number;
  /** Default `warning`. */
  severity?: AlertSeverity;
  /** De-duplication window; default 6 h. */
  windowMs?: number;
}

type RunEnd = ReelsmithEvents['run:end'];

/**
 * Alerts when fewer than `minRate` of the last `runs` finished runs succeeded (cancelled runs
 * do not count). The history is rebuilt from the event log's `run:end` events at start.
 * Keyed `success-rate`; the alert lists the most common failure causes.
 */
export function successRateRule(options: SuccessRateRuleOptions = {}): AlertRule {
  const size = options.runs ?? 20;
  const minRate = options.minRate ?? 0.8;
  const minRuns = options.minRuns ?? 5;
  const recent: RunEnd[] = [];
  const keep = () => {
    if (recent.length > size) recent.splice(0, recent.length - size);
  };
  return {
    name: 'success-rate',
    seed(records) {
      const older = records
        .filter((record) => record.name === 'run:end')
        .map((record) => record.payload as RunEnd)
        .filter((run) => run.status !== 'cancelled');
      recent.unshift(...older);
      keep();
    },
    start({ events, raise }) {
      return listen(events, 'run:end', (event) => {
        if (event.status === 'cancelled') return;
        recent.push(event);
        keep();
        if (recent.length < minRuns) return;
        const succeeded = recent.filter((run) => run.status === 'succeeded').length;
        const rate = succeeded / recent.length;
        if (rate >= minRate) return;
        const causes = new Map<string, number>();
        for (const run of recent) {
          if (run.status === 'failed' && run.error)
            causes.set(causeOf(run.error), (causes.get(causeOf(run.error)) ?? 0) + 1);
        }
        const top = [...causes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
        raise('success-rate', {
          key: 'success-rate',
          severity: options.severity ?? 'warning',
          title: `Success rate ${Math.round(rate * 100)} % over the last ${recent.length} runs`,
          message: `${succeeded} of the last ${recent.length} runs succeeded (threshold ${Math.round(minRate * 100)} %). Most common causes: ${top.map(([cause, n]) => `${cause} ×${n}`).join(', ') || 'unknown'}.`,
          fix: 'Fix the most common cause first (see its run-failed alert, or `reelsmith report --since 24h`).',
          cause: 'success-rate',
          windowMs: options.windowMs ?? defaultDedupeWindows.successRate,
        });
      });
    },
  };
}
