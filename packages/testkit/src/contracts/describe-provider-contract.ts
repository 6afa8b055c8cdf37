import type { Provider } from '@reelsmith/core';
import { afterEach, describe, it } from 'vitest';
import { installTestServer } from '../msw/install-test-server.js';
import type { TestServer } from '../msw/test-server.js';
import { checkAbort, checkDeclaration, checkPreAborted, checkSuccess } from './check-call.js';
import { checkExtraFault, checkFault } from './check-fault.js';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { defaultFault, type FaultCase, faultCases } from './fault-cases.js';

/** Per-test time limit of the suites' network tests. */
const testTimeoutMs = 20_000;

/**
 * Registers the shared part of every provider contract suite: the declaration, a successful
 * call, abort handling and every fault case. `additionalTests` registers capability-specific
 * tests inside the same `describe` block.
 *
 * @internal Capability suites (`describeImageProviderContract`, …) are the public entry points.
 */
export function describeProviderContract<P extends Provider, I, R>(
  contract: CapabilityContract<P, I, R>,
  options: ProviderContractOptions<P, I>,
  additionalTests?: (server: TestServer) => void,
): void {
  const skipped = readSkips(options);
  describe(options.name, () => {
    const server = options.server ?? installTestServer();
    if (options.server) {
      afterEach(() => {
        server.resetHandlers();
        server.resetCalls();
      });
    }

    it(`declares specificationVersion 'v1', an id and capability '${contract.capability}'`, () =>
      checkDeclaration(contract, options));
    it(
      `${contract.method}() returns a valid result`,
      () => checkSuccess(contract, options, server),
      testTimeoutMs,
    );
    it(
      `${contract.method}() rejects promptly when its signal aborts`,
      () => checkAbort(contract, options, server),
      testTimeoutMs,
    );
    it(
      `${contract.method}() rejects without a request when its signal is already aborted`,
      () => checkPreAborted(contract, options, server),
      testTimeoutMs,
    );

    const faults = options.route ? faultCases.filter((faultCase) => !skipped.has(faultCase)) : [];
    const extraFaults = options.route ? (options.extraFaults ?? []) : [];
    if (faults.length + extraFaults.length > 0) {
      describe(`${contract.method}() maps service failures to ProviderError`, () => {
        // A fault the service cannot produce is left out; its documented reason stays in the options.
        for (const faultCase of faults) {
          const title = `${faultCase} → ${expectedKindsLabel(options, faultCase)}`;
          it(title, () => checkFault(contract, options, server, faultCase), testTimeoutMs);
        }
        for (const fault of extraFaults) {
          it(fault.name, () => checkExtraFault(contract, options, server, fault), testTimeoutMs);
        }
      });
    }

    additionalTests?.(server);
  });
}

function expectedKindsLabel<P extends Provider, I>(
  options: ProviderContractOptions<P, I>,
  faultCase: FaultCase,
): string {
  const kinds = options.faults?.[faultCase]?.expectKind ?? defaultFault(faultCase).kinds;
  return typeof kinds === 'string' ? kinds : kinds.join(' | ');
}

function readSkips<P extends Provider, I>(options: ProviderContractOptions<P, I>): Map<FaultCase, string> {
  const skips = new Map<FaultCase, string>();
  for (const skip of options.skipFaults ?? []) {
    if (!faultCases.includes(skip.case)) {
      throw new TypeError(
        `[reelsmith/testkit] ${options.name}: skipFaults has unknown case ${JSON.stringify(skip.case)}. ` +
          `Expected one of: ${faultCases.join(', ')}.`,
      );
    }
    if (typeof skip.reason !== 'string' || skip.reason.trim() === '') {
      throw new TypeError(
        `[reelsmith/testkit] ${options.name}: skipFaults entry "${skip.case}" needs a \`reason\` saying why ` +
          'the service cannot produce that answer.',
      );
    }
    skips.set(skip.case, skip.reason);
  }
  return skips;
}
