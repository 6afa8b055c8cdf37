import { describeVoiceProviderContract } from '@reelsmith/testkit';
import { createOpenAI } from '../openai-provider.js';
import { openAIFaultOverrides, openAIRows } from '../testing/openai-faults.js';
import { speechRoute, speechSuccess } from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

describeVoiceProviderContract({
  name: 'openai.speech() (testkit voice contract)',
  create: ({ timeoutMs }) => createOpenAI({ apiKey: testApiKey, timeoutMs }).speech(),
  input: {
    text: 'This kettle pours a slow, steady stream. It keeps water hot for an hour. Grab yours today.',
  },
  route: speechRoute,
  success: speechSuccess,
  faults: openAIFaultOverrides(testApiKey),
  extraFaults: openAIRows('speech', 'gpt-4o-mini-tts'),
  secrets: [testApiKey],
});
