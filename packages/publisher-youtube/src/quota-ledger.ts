import { ProviderError } from '@reelsmith/core';
import { msUntilPacificMidnight, pacificDay } from './pacific-day.js';
import type { YouTubeQuotaStore } from './quota-store.js';
import type { YouTubeQuotaCosts, YouTubeQuotaTable } from './youtube-defaults.js';

/** An API method whose units are counted. */
export type QuotaMethod = keyof YouTubeQuotaCosts;

/** Counts the units one publisher spends, in the project's daily counter. */
export interface QuotaLedger {
  /**
   * Refuses (a `quota` ProviderError, before any request) when the units left today cannot cover
   * `units`. Reserves nothing: the engine runs one publish per publisher and run.
   */
  ensure(units: number, what: string): Promise<void>;
  /** Records one call of `method`; resolves with the units it cost. */
  spend(method: QuotaMethod): Promise<number>;
  /** The cost table. */
  readonly costs: YouTubeQuotaCosts;
}

/** What {@link createQuotaLedger} needs. */
export interface QuotaLedgerOptions {
  provider: string;
  project: string;
  table: YouTubeQuotaTable;
  store: YouTubeQuotaStore;
  now: () => number;
}

/** Creates the ledger of one publisher. */
export function createQuotaLedger(options: QuotaLedgerOptions): QuotaLedger {
  const { provider, project, table, store, now } = options;
  return {
    costs: table.costs,
    async ensure(units, what) {
      const at = now();
      const used = await store.used(project, pacificDay(at));
      const left = table.dailyUnits - used;
      if (left >= units) return;
      const waitMs = msUntilPacificMidnight(at);
      throw new ProviderError({
        kind: 'quota',
        provider,
        code: 'localQuotaExhausted',
        retryAfterMs: waitMs,
        message:
          `YouTube quota of project "${project}": ${what} needs ${units} units, ${Math.max(0, left)} of ` +
          `${table.dailyUnits} are left today (quota table of ${table.date}); nothing was sent. ` +
          `The quota resets at midnight Pacific time, in ${Math.ceil(waitMs / 60_000)} min. ` +
          'Fix: wait for the reset, request more quota (Cloud Console › APIs & Services › YouTube Data API v3 › Quotas), ' +
          'or correct `quota.dailyUnits` / `quota.costs` if your project has other figures',
      });
    },
    async spend(method) {
      const units = table.costs[method];
      if (units > 0) await store.add(project, pacificDay(now()), units);
      return units;
    },
  };
}
