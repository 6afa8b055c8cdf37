import { describe, expect, it } from 'vitest';
import * as testkit from './index.js';

describe('@reelsmith/testkit public API', () => {
  it('exports the suites, msw helpers and fakes', () => {
    const names = [
      'createTestServer',
      'installTestServer',
      'sequence',
      'rateLimited',
      'neverAnswer',
      'htmlErrorPage',
      'describeImageProviderContract',
      'describeVoiceProviderContract',
      'describeScriptProviderContract',
      'describeVisionJudgeContract',
      'describePublisherContract',
      'createFakeScriptProvider',
      'createFakeImageProvider',
      'createFakeVoiceProvider',
      'createFakeVisionJudge',
      'createFakeRenderer',
      'createFakePublisher',
      'createFakeProductSource',
      'createFakeJobSource',
      'createPng',
      'createWav',
    ];
    for (const name of names)
      expect(typeof (testkit as Record<string, unknown>)[name], name).toBe('function');
    expect(testkit.faultCases).toHaveLength(12);
  });
});
