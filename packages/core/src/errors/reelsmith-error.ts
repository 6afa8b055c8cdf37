const marker = Symbol.for('reelsmith.error');

/** Options shared by every Reelsmith error. */
export interface ReelsmithErrorOptions {
  /** The underlying error, kept for debugging (never shown to end users verbatim). */
  cause?: unknown;
}

/**
 * Base class of every error Reelsmith throws.
 *
 * Use {@link ReelsmithError.isInstance} instead of `instanceof`: it works across duplicate
 * installs of `@reelsmith/core` (two copies of the package in one `node_modules` tree).
 */
export class ReelsmithError extends Error {
  private readonly [marker] = true;

  constructor(message: string, options: ReelsmithErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReelsmithError';
  }

  /** True when `error` is any Reelsmith error, from this or another copy of the package. */
  static isInstance(error: unknown): error is ReelsmithError {
    return hasMarker(error, marker);
  }
}

/** @internal Checks a `Symbol.for` marker on an object. */
export function hasMarker(value: unknown, symbol: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[symbol] === true;
}
