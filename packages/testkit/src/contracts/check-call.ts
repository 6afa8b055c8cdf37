import { type Provider, ProviderError } from '@reelsmith/core';
import { delay } from 'msw';
import type { TestServer } from '../msw/test-server.js';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check, describeThrown, fail, isNonNegativeNumber } from './contract-violation.js';
import { settleWithin } from './settle.js';

const successTimeoutMs = 10_000;
const successLimitMs = 15_000;
/** When the abort check aborts the call. */
const abortAfterMs = 50;
/** How fast an aborted call must reject. */
const abortLimitMs = 1_000;
/** How long the abort check holds the service's answer. */
const heldAnswerMs = 2_000;

/**
 * Checks `specificationVersion`, `id`, `capability` and, when present, `estimateCost`.
 *
 * @internal
 */
export function checkDeclaration<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
): void {
  const where = `${options.name} › declaration`;
  const provider = options.create({ timeoutMs: successTimeoutMs });
  check(
    provider.specificationVersion === 'v1',
    where,
    `specificationVersion is ${JSON.stringify(provider.specificationVersion)}; it must be 'v1'`,
  );
  check(typeof provider.id === 'string' && provider.id.length > 0, where, 'id must be a non-empty string');
  check(
    provider.capability === contract.capability,
    where,
    `capability is ${JSON.stringify(provider.capability)}; it must be '${contract.capability}'`,
  );
  check(
    typeof (provider as unknown as Record<string, unknown>)[contract.method] === 'function',
    where,
    `${contract.method}() is missing`,
  );
  const estimate = (provider as { estimateCost?: (input: I) => unknown }).estimateCost;
  if (typeof estimate === 'function') {
    const cost = estimate.call(provider, options.input) as { usd?: unknown } | undefined;
    check(isNonNegativeNumber(cost?.usd), where, 'estimateCost() must return { usd } with a finite usd ≥ 0');
  }
}

/**
 * Calls the provider against the success handlers and checks the result. Resolves with it.
 *
 * @internal
 */
export async function checkSuccess<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
  server: TestServer,
): Promise<{ provider: P; result: R }> {
  const where = `${options.name} › ${contract.method} › success`;
  server.resetCalls();
  server.use(...(options.success ?? []));
  const provider = options.create({ timeoutMs: successTimeoutMs });
  const outcome = await settleWithin(
    contract.call(provider, options.input, { idempotencyKey: 'reelsmith-contract-success' }),
    successLimitMs,
  );
  check(outcome.state !== 'pending', where, `the call did not settle within ${successLimitMs} ms`);
  if (outcome.state === 'rejected') {
    fail(where, `the call rejected against the success handlers: ${describeThrown(outcome.error)}`);
  }
  const result = outcome.value;
  check(typeof result === 'object' && result !== null, where, 'the result must be an object');
  const { cost, warnings } = result as { cost?: { usd?: unknown }; warnings?: unknown };
  check(isNonNegativeNumber(cost?.usd), where, `cost.usd must be a finite number ≥ 0, got ${cost?.usd}`);
  check(Array.isArray(warnings), where, 'warnings must be an array (empty when there is nothing to say)');
  contract.checkResult(result, options.input, where);
  return { provider, result };
}

/**
 * Aborts a call 50 ms in, while the service holds its answer for 2 s, and checks the call
 * rejects within 1 s with the abort reason (or a transient/unknown `ProviderError`).
 *
 * @internal
 */
export async function checkAbort<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
  server: TestServer,
): Promise<void> {
  const where = `${options.name} › ${contract.method} › abort`;
  server.resetCalls();
  server.use(...(options.success ?? []));
  // A held answer that then falls through to the success handlers below it.
  server.use(
    ...(options.route?.(async () => {
      await delay(heldAnswerMs);
      return undefined;
    }) ?? []),
  );
  const controller = new AbortController();
  const provider = options.create({ timeoutMs: successTimeoutMs });
  const timer = setTimeout(() => controller.abort(), abortAfterMs);
  try {
    const call = contract.call(provider, options.input, { signal: controller.signal });
    const outcome = await settleWithin(call, abortAfterMs + abortLimitMs);
    check(
      outcome.state !== 'pending',
      where,
      `the call was still pending ${abortLimitMs} ms after its signal aborted; pass the signal to every request`,
    );
    check(outcome.state === 'rejected', where, 'the call resolved although its signal aborted');
    checkAbortError(outcome.error, controller.signal, where);
  } finally {
    clearTimeout(timer);
    server.resetHandlers();
  }
}

/**
 * Calls with an already-aborted signal and checks the call rejects without sending a request.
 *
 * @internal
 */
export async function checkPreAborted<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
  server: TestServer,
): Promise<void> {
  const where = `${options.name} › ${contract.method} › pre-aborted signal`;
  server.resetCalls();
  server.use(...(options.success ?? []));
  try {
    const provider = options.create({ timeoutMs: successTimeoutMs });
    const signal = AbortSignal.abort();
    const outcome = await settleWithin(contract.call(provider, options.input, { signal }), abortLimitMs);
    check(outcome.state !== 'pending', where, `the call was still pending after ${abortLimitMs} ms`);
    check(outcome.state === 'rejected', where, 'the call resolved although its signal was already aborted');
    checkAbortError(outcome.error, signal, where);
    check(
      server.calls.length === 0,
      where,
      `the provider sent ${server.calls.length} request(s); check signal.aborted before any request`,
    );
  } finally {
    server.resetHandlers();
  }
}

function checkAbortError(error: unknown, signal: AbortSignal, where: string): void {
  if (error === signal.reason) return;
  if (ProviderError.isInstance(error)) {
    check(
      error.kind === 'transient' || error.kind === 'unknown',
      where,
      `an aborted call rejected with a ProviderError of kind "${error.kind}"; ` +
        'reject with signal.reason (an AbortError) instead',
    );
    return;
  }
  check(
    error instanceof Error && error.name === 'AbortError',
    where,
    `an aborted call must reject with signal.reason (an AbortError), got ${describeThrown(error)}`,
  );
}
