import { type Cost, ProviderError, type ProviderErrorKind, sleep } from '@reelsmith/core';

/**
 * Which calls of a fake fail. As an array, entry `i` decides call `i` (counted from 0): `null`
 * or `undefined` succeeds, a kind throws a `ProviderError` of that kind, a `ProviderError` is
 * thrown as is; calls past the end succeed. As a function, it returns the error for a call.
 */
export type FailureScript =
  | ReadonlyArray<ProviderErrorKind | ProviderError | null | undefined>
  | ((callIndex: number) => ProviderError | undefined);

/** Options every fake takes. */
export interface FakeOptions {
  /** Provider id; each fake has a default such as `fake:image`. */
  id?: string;
  /** Delay before each call answers (honours the abort signal). Default 0. */
  latencyMs?: number | (() => number);
  /** Cost of each call in USD, also returned by `estimateCost`. Default 0. */
  costUsd?: number;
  /** Scripted failures, see {@link FailureScript}. */
  failures?: FailureScript;
}

/** What every fake records. */
export interface FakeCallLog<Call> {
  /** The inputs of every call, in order (failed and aborted calls included). */
  readonly calls: readonly Call[];
  /** `calls.length`. */
  readonly callCount: number;
}

const statusByKind: Partial<Record<ProviderErrorKind, number>> = {
  auth: 401,
  billing: 402,
  quota: 429,
  rate_limit: 429,
  content_policy: 400,
  invalid_input: 422,
  model_unavailable: 404,
  transient: 503,
};

/** The `ProviderError` a fake throws for a scripted kind. `rate_limit` carries `retryAfterMs: 10`. */
export function fakeFailure(provider: string, kind: ProviderErrorKind, callIndex: number): ProviderError {
  return new ProviderError({
    kind,
    provider,
    message: `scripted ${kind} failure on call ${callIndex}`,
    status: statusByKind[kind],
    retryAfterMs: kind === 'rate_limit' ? 10 : undefined,
    code: `fake_${kind}`,
  });
}

/**
 * The behaviour every fake shares: call recording, latency, abort, scripted failures, cost.
 *
 * @internal
 */
export class FakeRuntime<Call> {
  readonly id: string;
  readonly calls: Call[] = [];
  readonly #options: FakeOptions;

  constructor(defaultId: string, options: FakeOptions = {}) {
    this.id = options.id ?? defaultId;
    this.#options = options;
  }

  /** The cost of one call. */
  cost(): Cost {
    return { usd: this.#options.costUsd ?? 0 };
  }

  /** Records `call`, waits the latency, throws the scripted failure or returns `produce()`. */
  async run<T>(
    call: Call,
    signal: AbortSignal | undefined,
    produce: (callIndex: number) => T | Promise<T>,
  ): Promise<T> {
    const callIndex = this.calls.length;
    this.calls.push(call);
    signal?.throwIfAborted();
    const latency = this.#options.latencyMs;
    await sleep(typeof latency === 'function' ? latency() : (latency ?? 0), signal);
    const failure = this.#failureFor(callIndex);
    if (failure) throw failure;
    return produce(callIndex);
  }

  #failureFor(callIndex: number): ProviderError | undefined {
    const failures = this.#options.failures;
    if (failures === undefined) return undefined;
    if (typeof failures === 'function') return failures(callIndex);
    const entry = failures[callIndex];
    if (entry === null || entry === undefined) return undefined;
    return typeof entry === 'string' ? fakeFailure(this.id, entry, callIndex) : entry;
  }
}

/** @internal A small deterministic hash of a string (FNV-1a, 32 bits). */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
