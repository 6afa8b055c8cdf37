import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { Cost } from '../spec/call-options.js';

/** One recorded charge. */
export interface CostEntry {
  provider: string;
  phase?: string;
  usd: number;
  unit?: string;
  quantity?: number;
}

/** Tracks what a run spent and enforces its budget before each call. */
export interface CostLedger {
  readonly totalUsd: number;
  readonly limitUsd: number | undefined;
  readonly entries: readonly CostEntry[];
  /** Throws `BudgetExceededError` when spending `estimateUsd` more would cross the limit. */
  assertCanSpend(provider: string, estimateUsd: number): void;
  add(provider: string, cost: Cost, phase?: string): void;
  /** Adds spending recorded earlier (a resumed run's finished phases). Emits nothing. */
  restore(usd: number): void;
  /** Spend per phase. */
  byPhase(): Record<string, number>;
}

/** Options of {@link createCostLedger}. */
export interface CostLedgerOptions {
  runId?: string;
  /** `budget.perRunUsd`; no limit when undefined. */
  limitUsd?: number;
  events?: EventBus;
}

/** Creates a {@link CostLedger}. */
export function createCostLedger(options: CostLedgerOptions = {}): CostLedger {
  const entries: CostEntry[] = [];
  let restored = 0;
  const total = () => restored + entries.reduce((sum, entry) => sum + entry.usd, 0);
  return {
    get totalUsd() {
      return total();
    },
    limitUsd: options.limitUsd,
    entries,
    assertCanSpend(provider, estimateUsd) {
      if (options.limitUsd === undefined) return;
      const spent = total();
      const estimate = Number.isFinite(estimateUsd) && estimateUsd > 0 ? estimateUsd : 0;
      // A call with no estimate is still refused once the budget is used up.
      if (
        spent + estimate > options.limitUsd + 1e-9 ||
        (estimate === 0 && spent >= options.limitUsd && spent > 0)
      ) {
        throw new BudgetExceededError({
          limitUsd: options.limitUsd,
          spentUsd: spent,
          estimateUsd: estimate,
          provider,
        });
      }
    },
    add(provider, cost, phase) {
      const usd = Number.isFinite(cost.usd) && cost.usd > 0 ? cost.usd : 0;
      const entry: CostEntry = { provider, usd };
      if (phase !== undefined) entry.phase = phase;
      if (cost.unit !== undefined) entry.unit = cost.unit;
      if (cost.quantity !== undefined) entry.quantity = cost.quantity;
      entries.push(entry);
      options.events?.emit('cost:add', {
        ...(options.runId !== undefined ? { runId: options.runId } : {}),
        ...(phase !== undefined ? { phase } : {}),
        provider,
        usd,
        ...(cost.unit !== undefined ? { unit: cost.unit } : {}),
        ...(cost.quantity !== undefined ? { quantity: cost.quantity } : {}),
        totalUsd: total(),
      });
    },
    restore(usd) {
      if (Number.isFinite(usd) && usd > 0) restored += usd;
    },
    byPhase() {
      const out: Record<string, number> = {};
      for (const entry of entries) {
        const key = entry.phase ?? '(none)';
        out[key] = (out[key] ?? 0) + entry.usd;
      }
      return out;
    },
  };
}
