import type { CallOptions, VoiceInput, VoiceProvider, VoiceResult } from '@reelsmith/core';
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createWav } from '../media/wav.js';
import { installTestServer } from '../msw/install-test-server.js';
import { referenceRequest } from '../testing/reference-http.js';
import { checkSuccess } from './check-call.js';
import {
  describeVoiceProviderContract,
  type VoiceProviderContractOptions,
  voiceContract,
} from './voice-contract.js';

const endpoint = 'https://voice.example.test/v1/speech';
const apiKey = 'voicekey_0123456789abcdef';

function createReferenceVoice(settings: { timeoutMs: number }): VoiceProvider {
  return {
    specificationVersion: 'v1',
    id: 'example:voice',
    capability: 'voice',
    async synthesize(input: VoiceInput, options?: CallOptions): Promise<VoiceResult> {
      const body = (await referenceRequest(
        this.id,
        endpoint,
        { method: 'POST', headers: { 'x-api-key': apiKey }, body: JSON.stringify({ text: input.text }) },
        settings,
        options,
      )) as { audio: string; duration: number; words: { word: string; start: number; end: number }[] };
      return {
        audio: Buffer.from(body.audio, 'base64'),
        mediaType: 'audio/wav',
        durationMs: body.duration * 1000,
        words: body.words.map((word) => ({
          word: word.word,
          startMs: word.start * 1000,
          endMs: word.end * 1000,
        })),
        cost: { usd: 0.001 * input.text.length },
        warnings: [],
      };
    },
  };
}

const wav = Buffer.from(createWav({ durationMs: 900 })).toString('base64');
const answer = (words: { word: string; start: number; end: number }[]) => () =>
  HttpResponse.json({ audio: wav, duration: 0.9, words });
const route = (resolver: HttpResponseResolver) => [http.post(endpoint, resolver)];
const options: VoiceProviderContractOptions = {
  name: 'reference voice provider',
  create: createReferenceVoice,
  input: { text: 'Meet the kettle' },
  route,
  success: route(
    answer([
      { word: 'Meet', start: 0, end: 0.2 },
      { word: 'the', start: 0.25, end: 0.35 },
      { word: 'kettle', start: 0.4, end: 0.8 },
    ]),
  ),
  secrets: [apiKey],
};

describeVoiceProviderContract(options);

describe('the voice contract checks catch broken results', () => {
  const server = installTestServer();

  it('word timings out of order', async () => {
    const unordered = {
      ...options,
      success: route(
        answer([
          { word: 'Meet', start: 0.3, end: 0.4 },
          { word: 'the', start: 0.1, end: 0.2 },
        ]),
      ),
    };
    await expect(checkSuccess(voiceContract, unordered, server)).rejects.toThrow(/words\[1\] starts before/);
  });
});
