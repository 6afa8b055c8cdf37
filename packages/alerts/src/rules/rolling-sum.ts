/** @internal Amounts with their times, summed over a trailing window (a rolling 24 h, by default). */
export class RollingSum {
  readonly #entries: Array<{ at: number; amount: number }> = [];

  constructor(readonly windowMs: number) {}

  add(at: number, amount: number): void {
    if (!Number.isFinite(amount) || amount <= 0 || !Number.isFinite(at)) return;
    this.#entries.push({ at, amount });
  }

  /** The sum of the amounts within the window ending at `now`. */
  total(now: number): number {
    const from = now - this.windowMs;
    while (this.#entries.length > 0 && (this.#entries[0]?.at ?? 0) < from) this.#entries.shift();
    return this.#entries.reduce((sum, entry) => (entry.at <= now ? sum + entry.amount : sum), 0);
  }
}
