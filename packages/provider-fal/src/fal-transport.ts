import { ProviderError } from '@reelsmith/core';
import { type FalFailureContext, type FalStep, falHttpError, falStepText } from './fal-error.js';

/** What the transport knows about the call in flight; the model updates it step by step. */
export interface TransportState {
  step: FalStep;
  requestId?: string | undefined;
}

/** Options of {@link createFalFetch}. */
export interface FalTransportOptions {
  provider: string;
  modelId: string;
  timeoutMs: number;
  startTimeoutSeconds?: number | undefined;
  /** The user's fetch; the global one (read at call time, so msw can patch it) when undefined. */
  fetch?: typeof fetch | undefined;
  /** The call's abort signal: aborting rejects with its reason. */
  signal?: AbortSignal | undefined;
  state: TransportState;
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * The fetch handed to the fal SDK (and used for output downloads). It is where every answer
 * is classified:
 *
 * - each request gets `timeoutMs` and the call's signal;
 * - an answer that is not 2xx, a network failure, a timeout, or a 2xx that claims JSON but
 *   is not, is thrown as a `ProviderError` right here. The SDK's retry loop only retries its
 *   own `ApiError`s and transport errors with a `code` in their cause chain; a `ProviderError`
 *   without such a chain passes straight through, so the SDK never retries (its queue methods
 *   hard-code 3–5 retries that `config.retry` cannot turn off) and the core stays the only
 *   retry owner.
 */
export function createFalFetch(options: FalTransportOptions): typeof fetch {
  return async (input, init = {}) => {
    const callSignal = options.signal;
    callSignal?.throwIfAborted();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signals = [timeout, callSignal, init.signal ?? undefined].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    const context: FalFailureContext = {
      provider: options.provider,
      modelId: options.modelId,
      step: options.state.step,
      requestId: options.state.requestId,
      startTimeoutSeconds: options.startTimeoutSeconds,
    };
    const send = options.fetch ?? globalThis.fetch;
    let response: Response;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      response = await send(input, { ...init, signal: AbortSignal.any(signals) });
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (callSignal?.aborted) throw callSignal.reason;
      if (init.signal?.aborted) throw init.signal.reason;
      throw falNetworkError(context, error, timeout.aborted ? options.timeoutMs : undefined);
    }
    const text = () => new TextDecoder().decode(bytes);
    if (!response.ok)
      throw falHttpError(context, { status: response.status, headers: response.headers, text: text() });
    const contentType = response.headers.get('content-type') ?? '';
    if (context.step !== 'download' && contentType.includes('json')) {
      try {
        JSON.parse(text());
      } catch {
        throw new ProviderError({
          kind: 'transient',
          provider: options.provider,
          status: response.status,
          code: 'malformed_json',
          requestId: context.requestId,
          body: text().slice(0, 500),
          message: `fal.ai answered ${response.status} with malformed JSON while ${falStepText[context.step]}.`,
        });
      }
    }
    return new Response(nullBodyStatuses.has(response.status) ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/**
 * A dropped connection or a request that outlived `timeoutMs`, as a `transient` error. The
 * cause is a plain summary (no `code` chain), so the SDK does not retry it.
 */
export function falNetworkError(
  context: FalFailureContext,
  error: unknown,
  timedOutAfterMs: number | undefined,
): ProviderError {
  const reason = describeNetworkError(error);
  const message =
    timedOutAfterMs === undefined
      ? `network error while ${falStepText[context.step]}: ${reason}.`
      : `no answer from fal within ${timedOutAfterMs} ms while ${falStepText[context.step]}.`;
  return new ProviderError({
    kind: 'transient',
    provider: context.provider,
    code: timedOutAfterMs === undefined ? 'network_error' : 'timeout',
    requestId: context.requestId,
    message,
    cause: new Error(reason),
  });
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = current.cause;
  }
  return `${error.name}: ${error.message}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`;
}
