import { isRetryableKind, type Provider, ProviderError, type ProviderErrorKind } from '@reelsmith/core';
import type { HttpResponseResolver } from 'msw';
import type { TestServer } from '../msw/test-server.js';
import type { CapabilityContract, ExtraFault, ProviderContractOptions } from './contract-options.js';
import { check, describeThrown } from './contract-violation.js';
import { defaultFault, defaultRetryAfterSeconds, type FaultCase, faultTimeoutMs } from './fault-cases.js';
import { settleWithin } from './settle.js';

/** Request timeout given to the provider outside the `timeout` case. */
const relaxedTimeoutMs = 10_000;
/** How long a fault call may take before the check gives up on it. */
const faultLimitMs = 15_000;
/** How long the `timeout` case waits for the provider to give up (it was told 300 ms). */
const timeoutCaseLimitMs = 5_000;

/** What the error of a fault must look like. */
interface FaultExpectationDetail {
  where: string;
  kinds: readonly ProviderErrorKind[];
  /** The status the fault answered with, when it answered. */
  sentStatus: number | undefined;
  /** True when the provider may omit `status` (a 200 it could not parse). */
  statusOptional: boolean;
  /** Expected `retryAfterMs` when the kind is `rate_limit`. */
  retryAfterMs: number | undefined;
  limitMs: number;
  timeoutMs: number;
}

/**
 * Serves one fault case through `options.route` and checks that the provider rejects with a
 * correctly classified `ProviderError`. Throws a `ContractViolation` otherwise. The server
 * must be listening; its handlers are reset afterwards.
 *
 * @internal Exported for the testkit's own tests; plugins use the `describe…Contract` suites.
 */
export async function checkFault<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
  server: TestServer,
  faultCase: FaultCase,
): Promise<void> {
  const fallback = defaultFault(faultCase);
  const override = options.faults?.[faultCase];
  const expectKind = override?.expectKind;
  const kinds =
    expectKind === undefined ? fallback.kinds : typeof expectKind === 'string' ? [expectKind] : expectKind;
  const isTimeout = faultCase === 'timeout';
  await runFault(contract, options, server, override?.resolver ?? fallback.resolver, (sentStatus) => ({
    where: `${options.name} › ${contract.method} › fault "${faultCase}"`,
    kinds,
    sentStatus,
    statusOptional: faultCase === 'malformed_json',
    retryAfterMs:
      faultCase === 'rate_limited'
        ? (override?.expectRetryAfterMs ?? defaultRetryAfterSeconds * 1000)
        : undefined,
    limitMs: isTimeout ? timeoutCaseLimitMs : faultLimitMs,
    timeoutMs: isTimeout ? faultTimeoutMs : relaxedTimeoutMs,
  }));
}

/**
 * Serves a service-specific {@link ExtraFault} and checks the provider's error, like {@link checkFault}.
 *
 * @internal
 */
export async function checkExtraFault<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
  server: TestServer,
  fault: ExtraFault,
): Promise<void> {
  const kinds = typeof fault.expectKind === 'string' ? [fault.expectKind] : fault.expectKind;
  await runFault(contract, options, server, fault.resolver, (sentStatus) => ({
    where: `${options.name} › ${contract.method} › fault "${fault.name}"`,
    kinds,
    sentStatus,
    statusOptional: false,
    retryAfterMs: undefined,
    limitMs: faultLimitMs,
    timeoutMs: relaxedTimeoutMs,
  }));
}

async function runFault<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
  server: TestServer,
  resolver: HttpResponseResolver,
  expectationFor: (sentStatus: number | undefined) => FaultExpectationDetail,
): Promise<void> {
  let sentStatus: number | undefined;
  let served = false;
  const recording: HttpResponseResolver = async (info) => {
    served = true;
    const response = await resolver(info);
    if (response instanceof Response && response.type !== 'error') sentStatus = response.status;
    return response;
  };
  const probe = expectationFor(undefined);
  server.resetCalls();
  server.use(...(options.success ?? []));
  server.use(...(options.route?.(recording) ?? []));
  try {
    const provider = options.create({ timeoutMs: probe.timeoutMs });
    const outcome = await settleWithin(contract.call(provider, options.input, {}), probe.limitMs);
    const detail = expectationFor(sentStatus);
    const where = detail.where;
    check(
      outcome.state !== 'pending',
      where,
      probe.timeoutMs === faultTimeoutMs
        ? `the call was still pending ${probe.limitMs} ms after a server that never answers; ` +
            `create({ timeoutMs: ${faultTimeoutMs} }) must make the provider give up after ${faultTimeoutMs} ms`
        : `the call did not settle within ${probe.limitMs} ms`,
    );
    check(
      outcome.state === 'rejected',
      where,
      served
        ? 'the call resolved; it must reject with a ProviderError'
        : 'the call resolved without meeting the fault: `route` does not mount the endpoint the call uses',
    );
    check(
      server.calls.length > 0,
      where,
      `the provider sent no request (it threw ${describeThrown(outcome.error)}); ` +
        'does `route` mount the endpoint the call uses?',
    );
    checkProviderError(outcome.error, provider, detail, options.secrets ?? []);
  } finally {
    server.resetHandlers();
  }
}

function checkProviderError(
  error: unknown,
  provider: Provider,
  detail: FaultExpectationDetail,
  secrets: readonly string[],
): void {
  const { where, kinds } = detail;
  check(ProviderError.isInstance(error), where, `expected a ProviderError, got ${describeThrown(error)}`);
  check(
    kinds.includes(error.kind),
    where,
    `expected kind ${kinds.map((kind) => `"${kind}"`).join(' or ')}, got "${error.kind}" (${error.message})`,
  );
  check(
    error.provider === provider.id,
    where,
    `error.provider is "${error.provider}"; it must be the provider's id "${provider.id}"`,
  );
  check(
    error.retryable === isRetryableKind(error.kind),
    where,
    `error.retryable is ${error.retryable} for kind "${error.kind}"; only transient and rate_limit are retryable`,
  );
  if (detail.sentStatus !== undefined) {
    const optional = detail.statusOptional && error.status === undefined;
    check(
      optional || error.status === detail.sentStatus,
      where,
      `error.status is ${error.status}; the service answered ${detail.sentStatus}`,
    );
  }
  if (detail.retryAfterMs !== undefined && error.kind === 'rate_limit') {
    const got = error.retryAfterMs;
    check(
      typeof got === 'number' && Math.abs(got - detail.retryAfterMs) <= 1000,
      where,
      `error.retryAfterMs is ${got}; the service asked to wait ${detail.retryAfterMs} ms (Retry-After)`,
    );
  }
  secrets.forEach((secret, index) => {
    check(!error.message.includes(secret), where, `the error message contains secrets[${index}]`);
  });
}
