/** A progress report from a long call (a render, an upload, a polling loop). */
export interface Progress {
  /** 0–1, when the provider knows it. */
  fraction?: number;
  /** A short human-readable status, e.g. `uploaded 12 MiB of 40 MiB`. */
  message?: string;
}

/**
 * Options every provider call takes. Implementations must consider each one:
 * stop work and reject with the signal's reason when `signal` aborts, send
 * `idempotencyKey` to services that accept one, and report progress on long calls.
 */
export interface CallOptions {
  /** Aborts the call. Providers reject with `signal.reason` (an `AbortError`) promptly. */
  signal?: AbortSignal;
  /** Stable per logical call; the same key means "the same request" to a service that dedupes. */
  idempotencyKey?: string;
  /** Receives progress of long calls. */
  onProgress?: (progress: Progress) => void;
}

/** The cost of one call, in US dollars, from a dated, overridable price table. */
export interface Cost {
  usd: number;
  /** What was billed, e.g. `image`, `1k characters`, `second of video`. */
  unit?: string;
  /** How many units. */
  quantity?: number;
  /** The date (YYYY-MM-DD) of the price table the figure came from. */
  priceDate?: string;
}

/** A non-fatal note about a call: an unsupported setting ignored, timings estimated, a shortfall. */
export interface CallWarning {
  type: 'unsupported-setting' | 'estimated' | 'shortfall' | 'deprecated' | 'other';
  message: string;
  /** The setting concerned, for `unsupported-setting`. */
  setting?: string;
}

/** Every paid provider call returns its result with these two fields. */
export interface CallResult {
  cost: Cost;
  warnings: CallWarning[];
}

/** Provider-specific settings, keyed by provider name (`{ openai: { quality: 'high' } }`). */
export type ProviderOptions = Record<string, Record<string, unknown>>;

/** A zero cost, for free local providers. */
export const freeCost: Cost = Object.freeze({ usd: 0 });
