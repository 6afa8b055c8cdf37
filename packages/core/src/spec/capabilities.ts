import type { Capability } from './provider.js';

/** How the runtime treats one method of a capability. */
export interface CapabilityMethod {
  name: string;
  /** The result carries a `cost`; the budget is checked before the call. */
  paid: boolean;
  /** Index of the `CallOptions` argument. */
  optionsIndex: number;
  /** The runtime may retry it. `publish` is not: the engine reconciles before any second try. */
  retry: boolean;
}

const method = (name: string, optionsIndex: number, paid = true, retry = true): CapabilityMethod => ({
  name,
  paid,
  optionsIndex,
  retry,
});

/**
 * The methods of each capability that make external calls. The runtime wraps exactly these
 * (events, breaker, limits, budget, retry) and `fallback()` composes exactly these.
 */
export const capabilityMethods: Readonly<Record<Capability, readonly CapabilityMethod[]>> = {
  script: [method('generateScript', 1)],
  image: [method('generateImage', 1)],
  voice: [method('synthesize', 1)],
  'vision-judge': [method('judge', 1)],
  renderer: [method('render', 1)],
  publisher: [method('publish', 1, true, false), method('findExisting', 1, false)],
  'product-source': [method('getProduct', 1)],
  'job-source': [
    method('listPending', 0, false),
    method('claim', 2, false, false),
    method('update', 2, false),
  ],
  'media-store': [method('put', 3, false), method('get', 1, false)],
  'checkpoint-store': [],
};

/** Every capability name. */
export const capabilities = Object.keys(capabilityMethods) as Capability[];
