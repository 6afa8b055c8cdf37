import type { Capability } from './provider.js';

/**
 * The methods of each capability that make external calls, and whether they are paid
 * (return a `cost`). The runtime wraps exactly these: events, breaker, limits, budget, retry.
 * `fallback()` composes exactly these.
 */
export const capabilityMethods: Readonly<Record<Capability, readonly { name: string; paid: boolean }[]>> = {
  script: [{ name: 'generateScript', paid: true }],
  image: [{ name: 'generateImage', paid: true }],
  voice: [{ name: 'synthesize', paid: true }],
  'vision-judge': [{ name: 'judge', paid: true }],
  renderer: [{ name: 'render', paid: true }],
  publisher: [
    { name: 'publish', paid: true },
    { name: 'findExisting', paid: false },
  ],
  'product-source': [{ name: 'getProduct', paid: true }],
  'job-source': [
    { name: 'listPending', paid: false },
    { name: 'claim', paid: false },
    { name: 'update', paid: false },
  ],
  'media-store': [
    { name: 'put', paid: false },
    { name: 'get', paid: false },
  ],
  'checkpoint-store': [],
};

/** Every capability name. */
export const capabilities = Object.keys(capabilityMethods) as Capability[];
