import type { AlertSeverity } from '../alert.js';
import { defaultDedupeWindows } from '../alerts-defaults.js';
import { type AlertRule, listen } from './alert-rule.js';
import { RollingSum } from './rolling-sum.js';

/** Options of the `budget` rule. Without `perRunUsd` or `dailyUsd` the rule does nothing. */
export interface BudgetRuleOptions {
  /** Alert when one run spends more than this (use the pipeline's `budget.perRunUsd`). */
  perRunUsd?: number;
  /** Alert when the spending of the last 24 h (rolling) is over this. */
  dailyUsd?: number;
  /** Default `warning`. */
  severity?: AlertSeverity;
  /** De-duplication window of the per-run alert; default 1 h (the daily one: 24 h). */
  windowMs?: number;
}

const usd = (value: number) => `$${value.toFixed(2)}`;

/**
 * Alerts when a run's cost goes over `perRunUsd` (key `budget-run`, once per run) or the rolling
 * 24 h spending goes over `dailyUsd` (key `budget-daily`). Spending comes from `cost:add` and
 * `run:end`; the daily sum is rebuilt from the event log at start.
 */
export function budgetRule(options: BudgetRuleOptions): AlertRule {
  const daily = new RollingSum(24 * 60 * 60_000);
  return {
    name: 'budget',
    seed(records) {
      for (const record of records) {
        if (record.name !== 'cost:add') continue;
        daily.add(Date.parse(record.at), (record.payload as { usd?: number }).usd ?? 0);
      }
    },
    start({ events, raise, clock }) {
      const alertedRuns = new Set<string>();
      const checkRun = (runId: string, spent: number, jobId?: string) => {
        const limit = options.perRunUsd;
        if (limit === undefined || spent <= limit + 1e-9 || alertedRuns.has(runId)) return;
        alertedRuns.add(runId);
        raise('budget', {
          key: 'budget-run',
          severity: options.severity ?? 'warning',
          title: `Run over budget: ${usd(spent)} of ${usd(limit)}`,
          message: `Run ${runId} has spent ${usd(spent)}, over the per-run budget of ${usd(limit)}.`,
          fix: 'Check which phase cost the most (`reelsmith report`), choose cheaper providers or models, or raise `budget.perRunUsd` if the cost is expected.',
          runId,
          ...(jobId ? { jobId } : {}),
          ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
        });
      };
      const stops = [
        listen(events, 'cost:add', (event) => {
          if (event.runId !== undefined) checkRun(event.runId, event.totalUsd);
          if (options.dailyUsd === undefined) return;
          const now = clock.now();
          daily.add(now, event.usd);
          const spent = daily.total(now);
          if (spent <= options.dailyUsd + 1e-9) return;
          raise('budget', {
            key: 'budget-daily',
            severity: options.severity ?? 'warning',
            title: `Daily spending over budget: ${usd(spent)} of ${usd(options.dailyUsd)}`,
            message: `The last 24 h cost ${usd(spent)}, over the daily budget of ${usd(options.dailyUsd)}.`,
            fix: 'Pause the worker or lower the number of jobs per day; raise the daily budget if this volume is intended.',
            ...(event.runId ? { runId: event.runId } : {}),
            windowMs: defaultDedupeWindows.budgetDaily,
          });
        }),
        listen(events, 'run:end', (event) => {
          checkRun(event.runId, event.costUsd, event.jobId);
          alertedRuns.delete(event.runId);
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
