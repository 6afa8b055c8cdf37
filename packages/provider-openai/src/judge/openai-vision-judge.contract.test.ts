import { createPng, describeVisionJudgeContract } from '@reelsmith/testkit';
import { createOpenAI } from '../openai-provider.js';
import { openAIFaultOverrides, openAIRows } from '../testing/openai-faults.js';
import { chatRoute, chatSuccess } from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

describeVisionJudgeContract({
  name: 'openai.judge() (testkit vision-judge contract)',
  create: ({ timeoutMs }) => createOpenAI({ apiKey: testApiKey, timeoutMs }).judge(),
  input: {
    image: { data: createPng({ width: 8, height: 12 }), mediaType: 'image/png' },
    reference: { data: createPng({ width: 8, height: 8, color: [20, 20, 20, 255] }), mediaType: 'image/png' },
    prompt: 'The kettle on a wooden counter',
  },
  route: chatRoute,
  success: chatSuccess,
  faults: openAIFaultOverrides(testApiKey),
  extraFaults: openAIRows('judge', 'gpt-5.4-mini'),
  secrets: [testApiKey],
});
