import { createPng, describeImageProviderContract } from '@reelsmith/testkit';
import { createOpenAI } from '../openai-provider.js';
import { openAIFaultOverrides, openAIRows } from '../testing/openai-faults.js';
import { imagesRoute, imagesSuccess } from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

describeImageProviderContract({
  name: 'openai.image() generate (testkit image contract)',
  create: ({ timeoutMs }) => createOpenAI({ apiKey: testApiKey, timeoutMs }).image(),
  input: { prompt: 'A matte black gooseneck kettle on a wooden counter', width: 1080, height: 1920 },
  route: imagesRoute,
  success: imagesSuccess,
  faults: openAIFaultOverrides(testApiKey),
  extraFaults: openAIRows('image', 'gpt-image-2'),
  secrets: [testApiKey],
});

describeImageProviderContract({
  name: 'openai.image("gpt-image-1") edit with the product photo (testkit image contract)',
  create: ({ timeoutMs }) => createOpenAI({ apiKey: testApiKey, timeoutMs }).image('gpt-image-1'),
  input: {
    prompt: 'The kettle pouring into a dripper, morning light',
    width: 1080,
    height: 1920,
    referenceImage: { data: createPng({ width: 16, height: 16 }), mediaType: 'image/png' },
  },
  route: imagesRoute,
  success: imagesSuccess,
  faults: openAIFaultOverrides(testApiKey),
  extraFaults: openAIRows('image', 'gpt-image-1'),
  secrets: [testApiKey],
});
