import { createPng, describeImageProviderContract } from '@reelsmith/testkit';
import { createFal } from './fal-provider.js';
import { falExtraFaults, falFaultOverrides } from './testing/fal-faults.js';
import { falRoute } from './testing/fal-routes.js';
import { createFalService } from './testing/fal-service.js';

const apiKey = 'a1b2c3d4-e5f6-7a8b-9c0d-contract0001:5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
const service = createFalService({ apiKey });

describeImageProviderContract({
  name: 'fal image provider (FLUX Kontext pro)',
  create: ({ timeoutMs }) =>
    createFal({ apiKey, timeoutMs, pollIntervalMs: 5 }).image('fal-ai/flux-pro/kontext'),
  input: {
    prompt: 'place this kettle on a marble kitchen counter, keep the label unchanged',
    width: 1080,
    height: 1920,
    referenceImage: {
      data: createPng({ width: 8, height: 8, color: [200, 30, 30, 255] }),
      mediaType: 'image/png',
    },
  },
  // Row F1 is the success path: upload → submit → status 202 IN_QUEUE ×3 → IN_PROGRESS →
  // 200 COMPLETED → result 200 → CDN download, on the URLs returned at submit.
  success: service.handlers,
  route: falRoute,
  faults: falFaultOverrides,
  extraFaults: falExtraFaults,
  secrets: [apiKey, apiKey.split(':')[1]!],
});
