import { ConfigError, containsSecret } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElevenLabs, elevenlabs } from './index.js';
import {
  elevenLabsRoute,
  type ReceivedRequest,
  withTimestampsResolver,
} from './testing/elevenlabs-service.js';

const server = installTestServer();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createElevenLabs', () => {
  it('names the field and the fix of an invalid setting', () => {
    const error = (() => {
      try {
        createElevenLabs({ timeoutMs: -1, outputFormat: 'opus_48000_64' as never });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).issues.map((issue) => issue.field)).toEqual(['timeoutMs', 'outputFormat']);
    expect((error as Error).message).toMatch(/opus cannot be stitched/);
  });

  it('validates voice() options', () => {
    expect(() =>
      createElevenLabs({ apiKey: 'xi-key-123456' }).voice({ voiceSettings: { speed: 3 } }),
    ).toThrow(/voiceSettings\.speed/);
  });

  it('takes any model id, with its id in the provider id', () => {
    const voice = createElevenLabs({ apiKey: 'xi-key-123456' }).voice({ modelId: 'eleven_flash_v2_5' });
    expect(voice).toMatchObject({
      id: 'elevenlabs:eleven_flash_v2_5',
      capability: 'voice',
      specificationVersion: 'v1',
    });
  });

  it('without a key, fails at the first call naming ELEVENLABS_API_KEY, before any request', async () => {
    vi.stubEnv('ELEVENLABS_API_KEY', '');
    const received: ReceivedRequest[] = [];
    server.use(...elevenLabsRoute(withTimestampsResolver({ received })));
    const voice = createElevenLabs().voice();
    const error = await voice.synthesize({ text: 'Hi.' }).catch((thrown: unknown) => thrown);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('apiKey');
    expect((error as Error).message).toMatch(/ELEVENLABS_API_KEY/);
    expect(received).toHaveLength(0);
  });
});

describe('the default instance', () => {
  it('reads ELEVENLABS_API_KEY at the first call and registers it as a secret', async () => {
    const key = 'xi-env-key-from-test-91b2';
    const voice = elevenlabs.voice();
    vi.stubEnv('ELEVENLABS_API_KEY', key);
    const received: ReceivedRequest[] = [];
    server.use(...elevenLabsRoute(withTimestampsResolver({ received })));
    await voice.synthesize({ text: 'Hi.' });
    expect(received[0]?.headers['xi-api-key']).toBe(key);
    expect(containsSecret(`leak ${key}`)).toBe(true);
  });
});
