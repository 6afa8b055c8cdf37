import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.budget');

/** Thrown before a provider call whose cost would cross the run's budget. The call is not made. */
export class BudgetExceededError extends ReelsmithError {
  private readonly [marker] = true;
  readonly limitUsd: number;
  readonly spentUsd: number;
  readonly estimateUsd: number;
  readonly provider: string | undefined;

  constructor(options: { limitUsd: number; spentUsd: number; estimateUsd: number; provider?: string }) {
    const who = options.provider ? ` to ${options.provider}` : '';
    super(
      `[reelsmith] budget exceeded: a call${who} estimated at $${options.estimateUsd.toFixed(4)} would take ` +
        `the run to $${(options.spentUsd + options.estimateUsd).toFixed(4)}, over budget.perRunUsd ` +
        `$${options.limitUsd.toFixed(4)}. Raise budget.perRunUsd or configure a cheaper provider.`,
    );
    this.name = 'BudgetExceededError';
    this.limitUsd = options.limitUsd;
    this.spentUsd = options.spentUsd;
    this.estimateUsd = options.estimateUsd;
    this.provider = options.provider;
  }

  static override isInstance(error: unknown): error is BudgetExceededError {
    return hasMarker(error, marker);
  }
}
