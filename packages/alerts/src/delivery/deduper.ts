/** @internal Decides which alerts go out: one per key per window; the rest are counted. */
export class Deduper {
  readonly #seen = new Map<string, { sentAt: number; suppressed: number }>();

  constructor(readonly now: () => number) {}

  /** `{ send: true, repeats }` for the first alert of `key` in `windowMs`, else `{ send: false }`. */
  check(key: string, windowMs: number): { send: true; repeats: number } | { send: false } {
    const now = this.now();
    const entry = this.#seen.get(key);
    if (entry && now - entry.sentAt < windowMs) {
      entry.suppressed += 1;
      return { send: false };
    }
    this.#seen.set(key, { sentAt: now, suppressed: 0 });
    if (this.#seen.size > 5_000) this.#prune(now);
    return { send: true, repeats: entry?.suppressed ?? 0 };
  }

  #prune(now: number): void {
    for (const [key, entry] of this.#seen) if (now - entry.sentAt > 7 * 86_400_000) this.#seen.delete(key);
  }
}
