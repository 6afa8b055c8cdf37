import type { CallOptions, Capability, Provider, ProviderErrorKind } from '@reelsmith/core';
import type { HttpHandler, HttpResponseResolver } from 'msw';
import type { TestServer } from '../msw/test-server.js';
import type { FaultCase } from './fault-cases.js';

/** Replaces a fault case's answer with the service's own, and optionally what it must map to. */
export interface FaultOverride {
  /** The service's answer for this case, e.g. OpenAI's 429 `insufficient_quota` for `billing`. */
  resolver: HttpResponseResolver;
  /** The kind (or any of the kinds) the provider must map it to. Default: the case's kind. */
  expectKind?: ProviderErrorKind | readonly ProviderErrorKind[];
  /** `rate_limited` only: the `retryAfterMs` the answer implies (±1 s). Default 7000. */
  expectRetryAfterMs?: number;
}

/** A fault case the service cannot produce, with the reason (shown in the test report). */
export interface SkippedFault {
  case: FaultCase;
  reason: string;
}

/** A service-specific fault beyond the standard cases, e.g. a content-policy block. */
export interface ExtraFault {
  /** Test title, e.g. `content policy (400 moderation_blocked)`. */
  name: string;
  resolver: HttpResponseResolver;
  expectKind: ProviderErrorKind | readonly ProviderErrorKind[];
}

/** Options every provider contract suite takes. `P` is the provider, `I` the call's input. */
export interface ProviderContractOptions<P extends Provider, I> {
  /** Suite title. */
  name: string;
  /** Builds the provider under test. It must honour `timeoutMs` as its request timeout. */
  create: (settings: { timeoutMs: number }) => P;
  /** A valid input for the call. */
  input: I;
  /**
   * Mounts a resolver on the service endpoint(s) the call uses; faults are served through it.
   * Leave it out for an in-process provider that makes no HTTP calls: the fault cases are then
   * not registered (there is no service to fail), the other checks run as usual.
   */
  route?: (resolver: HttpResponseResolver) => HttpHandler[];
  /** Handlers that answer a successful call exactly like the service does (none for in-process providers). */
  success?: HttpHandler[];
  /** Service-specific answers (and expected kinds) replacing the default fault answers. */
  faults?: Partial<Record<FaultCase, FaultOverride>>;
  /** Cases the service truly cannot produce, each with a reason. */
  skipFaults?: SkippedFault[];
  /** Additional service-specific faults to check. */
  extraFaults?: ExtraFault[];
  /** Credentials given to `create`; no error message may contain them. */
  secrets?: string[];
  /** A server to use instead of the suite's own (it must be listening during the tests). */
  server?: TestServer;
}

/** @internal How a suite calls and checks one capability. */
export interface CapabilityContract<P extends Provider, I, R> {
  capability: Capability;
  /** The paid call the suite exercises, e.g. `generateImage`. */
  method: string;
  call(provider: P, input: I, options: CallOptions): Promise<R>;
  /** Throws a `ContractViolation` when the result is malformed. */
  checkResult(result: R, input: I, where: string): void;
}
