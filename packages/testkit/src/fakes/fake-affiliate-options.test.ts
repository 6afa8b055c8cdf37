import { createAffiliatePipeline } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { fakeAffiliateOptions } from './fake-affiliate-options.js';
import { createFakeVoiceProvider } from './fake-voice-provider.js';

describe('fakeAffiliateOptions', () => {
  it('runs the standard pipeline on fakes alone, with the part under test swapped in', async () => {
    const voice = createFakeVoiceProvider({ costUsd: 0.5 });
    const pipeline = createAffiliatePipeline(fakeAffiliateOptions({ voice }));
    const result = await pipeline.run('Steel bottle');
    expect(voice.callCount).toBe(1);
    expect(result.costUsd).toBeGreaterThan(0.5);
    expect(Object.keys((result.outputs.report as { urls: object }).urls)).toEqual(['youtube']);
  });

  it('gives each call its own stores', () => {
    expect(fakeAffiliateOptions().checkpoints).not.toBe(fakeAffiliateOptions().checkpoints);
  });
});
