import { describeScriptProviderContract } from '@reelsmith/testkit';
import { createOpenAI } from '../openai-provider.js';
import { openAIFaultOverrides, openAIRows } from '../testing/openai-faults.js';
import { fixtureProduct } from '../testing/openai-fixtures.js';
import { chatRoute, chatSuccess } from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

describeScriptProviderContract({
  name: 'openai.script() (testkit script contract)',
  create: ({ timeoutMs }) => createOpenAI({ apiKey: testApiKey, timeoutMs }).script(),
  input: {
    product: fixtureProduct,
    platforms: ['youtube', 'instagram', 'tiktok'],
    scenes: { min: 5, max: 8 },
  },
  route: chatRoute,
  success: chatSuccess,
  faults: openAIFaultOverrides(testApiKey),
  extraFaults: openAIRows('script', 'gpt-5.4-mini'),
  secrets: [testApiKey],
});
