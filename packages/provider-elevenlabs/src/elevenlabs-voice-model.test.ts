import type { ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { parseWav } from './audio/wav-file.js';
import { createElevenLabs } from './elevenlabs-provider.js';
import {
  elevenLabsRoute,
  type ReceivedRequest,
  withTimestampsResolver,
  withTimestampsUrl,
} from './testing/elevenlabs-service.js';

const apiKey = 'xi-unit-test-key-7a9e41';
const server = installTestServer();

function serve(options: Parameters<typeof withTimestampsResolver>[0] = {}): ReceivedRequest[] {
  const received: ReceivedRequest[] = [];
  server.use(...elevenLabsRoute(withTimestampsResolver({ ...options, received })));
  return received;
}

describe('request building', () => {
  it('calls with-timestamps with the key, model, format and voice through the SDK', async () => {
    const received = serve();
    const voice = createElevenLabs({ apiKey, headers: { 'x-team': 'video' } }).voice();
    await voice.synthesize({ text: 'Hi there.' }, { idempotencyKey: 'run-1:voice' });
    expect(received).toHaveLength(1);
    const [request] = received as [ReceivedRequest];
    expect(request.voiceId).toBe('JBFqnCBsd6RMkjVDRZzb');
    expect(request.query).toEqual({ output_format: 'pcm_24000' });
    expect(request.headers['xi-api-key']).toBe(apiKey);
    expect(request.headers['x-team']).toBe('video');
    // ElevenLabs has no idempotency header; none is invented.
    expect(Object.keys(request.headers).some((name) => name.includes('idempotency'))).toBe(false);
    expect(request.body).toEqual({ text: 'Hi there.', model_id: 'eleven_multilingual_v2' });
  });

  it('sends speed, language, voice settings and providerOptions in snake_case', async () => {
    const received = serve();
    const voice = createElevenLabs({ apiKey, voices: { Narrator: 'voice1234567890abcdef' } }).voice({
      modelId: 'eleven_flash_v2_5',
      voiceSettings: { stability: 0.4 },
      seed: 7,
    });
    await voice.synthesize({
      text: 'Hola.',
      voice: 'narrator',
      language: 'es-MX',
      speed: 1.1,
      providerOptions: { elevenlabs: { applyTextNormalization: 'on', voiceSettings: { style: 0.2 } } },
    });
    const [request] = received as [ReceivedRequest];
    expect(request.voiceId).toBe('voice1234567890abcdef');
    expect(request.body).toEqual({
      text: 'Hola.',
      model_id: 'eleven_flash_v2_5',
      voice_settings: { stability: 0.4, speed: 1.1, style: 0.2 },
      seed: 7,
      apply_text_normalization: 'on',
      language_code: 'es',
    });
  });

  it('clamps the speed and warns about settings the model ignores', async () => {
    const received = serve();
    const result = await createElevenLabs({ apiKey })
      .voice()
      .synthesize({ text: 'Fast talk.', speed: 2, language: 'en-US' });
    expect((received[0] as ReceivedRequest).body).toMatchObject({ voice_settings: { speed: 1.2 } });
    expect((received[0] as ReceivedRequest).body).not.toHaveProperty('language_code');
    expect(result.warnings.map((warning) => warning.setting)).toEqual(['speed', 'language']);
  });

  it('uses baseURL and the injected fetch', async () => {
    const urls: string[] = [];
    const received: ReceivedRequest[] = [];
    server.use(
      http.post(
        'https://api.eu.residency.elevenlabs.io/v1/text-to-speech/:voiceId/with-timestamps',
        withTimestampsResolver({ received }),
      ),
    );
    const voice = createElevenLabs({
      apiKey,
      baseURL: 'https://api.eu.residency.elevenlabs.io',
      fetch: (url, init) => {
        urls.push(String(url));
        return fetch(url, init);
      },
    }).voice();
    await voice.synthesize({ text: 'Hello.' });
    expect(urls).toEqual([
      'https://api.eu.residency.elevenlabs.io/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb/with-timestamps?output_format=pcm_24000',
    ]);
    expect(received).toHaveLength(1);
  });

  it('rejects empty text and bad providerOptions before any request', async () => {
    const received = serve();
    const voice = createElevenLabs({ apiKey }).voice();
    await expect(voice.synthesize({ text: '   ' })).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(
      voice.synthesize({ text: 'Hi.', providerOptions: { elevenlabs: { seed: -1 } } }),
    ).rejects.toThrow(/providerOptions\.elevenlabs\.seed/);
    expect(received).toHaveLength(0);
  });
});

describe('response parsing', () => {
  it('turns the character alignment into word timings and WAV audio of the exact length', async () => {
    serve({ msPerCharacter: 50, tailMs: 200 });
    const result = await createElevenLabs({ apiKey }).voice().synthesize({ text: 'Hi there, friend!' });
    expect(result.mediaType).toBe('audio/wav');
    expect(result.words).toEqual([
      { word: 'Hi', startMs: 0, endMs: 100 },
      { word: 'there,', startMs: 150, endMs: 450 },
      { word: 'friend!', startMs: 500, endMs: 850 },
    ]);
    // 17 characters × 50 ms + 200 ms of tail, at 24 kHz 16-bit mono.
    expect(result.durationMs).toBe(1050);
    const wav = parseWav(result.audio);
    expect(wav?.format).toEqual({ formatCode: 1, channels: 1, sampleRate: 24000, bitsPerSample: 16 });
    expect(wav?.data.length).toBe(1.05 * 24000 * 2);
    expect(result.warnings).toEqual([]);
  });

  it('E9: falls back to normalized_alignment, with a warning', async () => {
    serve({ alignment: 'normalized' });
    const result = await createElevenLabs({ apiKey }).voice().synthesize({ text: 'Only $5 today.' });
    expect(result.words.map((word) => word.word)).toEqual(['Only', '$5', 'today.']);
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'other', message: expect.stringMatching(/normalized_alignment/) }),
    ]);
  });

  it('E9: estimates timings when both alignments are null, with an `estimated` warning', async () => {
    serve({ alignment: 'none', msPerCharacter: 50, tailMs: 200 });
    const result = await createElevenLabs({ apiKey }).voice().synthesize({ text: 'Buy it now today.' });
    expect(result.words.map((word) => word.word)).toEqual(['Buy', 'it', 'now', 'today.']);
    expect(result.words.at(-1)?.endMs).toBeLessThanOrEqual(result.durationMs);
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'estimated' })]);
  });

  it('E10: uses normalized_alignment when only `alignment` is corrupt', async () => {
    serve({ alignment: 'corrupt-alignment-only' });
    const result = await createElevenLabs({ apiKey }).voice().synthesize({ text: 'Hi there.' });
    expect(result.words.map((word) => word.word)).toEqual(['Hi', 'there.']);
    expect(result.warnings[0]?.message).toMatch(/corrupt alignment/);
  });

  it('E10: rejects when every alignment is corrupt', async () => {
    serve({ alignment: 'corrupt' });
    const error = await createElevenLabs({ apiKey })
      .voice()
      .synthesize({ text: 'Hi there.' })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      kind: 'unknown',
      code: 'corrupt_alignment',
      status: 200,
      retryable: false,
    });
    expect((error as ProviderError).requestId).toMatch(/^req_/);
  });

  it('joins MP3 chunks frame by frame and reads the duration from the frames', async () => {
    serve({ maxCharacters: 30 });
    const voice = createElevenLabs({
      apiKey,
      models: { eleven_multilingual_v2: { maxCharacters: 30 } },
    }).voice({
      outputFormat: 'mp3_44100_128',
    });
    const result = await voice.synthesize({ text: 'First sentence here. Second one follows.' });
    expect(result.mediaType).toBe('audio/mpeg');
    // Each chunk is whole 417-byte frames of 1152 samples at 44.1 kHz.
    expect(result.audio.length % 417).toBe(0);
    expect(result.durationMs).toBe(Math.round(((result.audio.length / 417) * 1152 * 1000) / 44100));
  });
});

describe('long scripts', () => {
  const script =
    'The kettle boils fast. It keeps water hot for an hour. The handle stays cool. Grab yours today!';

  it('splits at sentence ends under the limit, stitches audio and shifts the timings', async () => {
    const received = serve({ msPerCharacter: 10, tailMs: 100 });
    const progress: number[] = [];
    const voice = createElevenLabs({
      apiKey,
      models: { eleven_multilingual_v2: { maxCharacters: 40 } },
    }).voice();
    const result = await voice.synthesize(
      { text: script },
      { onProgress: (update) => progress.push(update.fraction ?? -1) },
    );
    const texts = received.map((request) => request.body.text);
    expect(texts).toEqual([
      'The kettle boils fast.',
      'It keeps water hot for an hour.',
      'The handle stays cool. Grab yours today!',
    ]);
    expect(received[0]?.body).toMatchObject({
      next_text: 'It keeps water hot for an hour. The handle stays cool. Grab yours today!',
    });
    expect(received[0]?.body).not.toHaveProperty('previous_text');
    expect(received[1]?.body).toMatchObject({
      previous_text: 'The kettle boils fast.',
      previous_request_ids: ['req_1_22'],
    });
    expect(received[2]?.body).toMatchObject({ previous_request_ids: ['req_1_22', 'req_2_31'] });
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
    // Chunk audio: 22×10+100, 31×10+100, 40×10+100 ms.
    expect(result.durationMs).toBe(320 + 410 + 500);
    expect(result.words.map((word) => word.word).join(' ')).toBe(script);
    const grab = result.words.find((word) => word.word === 'Grab');
    expect(grab?.startMs).toBe(320 + 410 + 230);
    expect(result.cost).toEqual({ usd: 0.0093, unit: 'character', quantity: 93, priceDate: '2026-11-24' });
  });

  it('sends no stitching parameters to eleven_v3', async () => {
    const received = serve();
    const voice = createElevenLabs({ apiKey, models: { eleven_v3: { maxCharacters: 40 } } }).voice({
      modelId: 'eleven_v3',
    });
    await voice.synthesize({ text: script });
    expect(received.length).toBeGreaterThan(1);
    for (const request of received) {
      expect(Object.keys(request.body).sort()).toEqual(['model_id', 'text']);
    }
  });

  it('E4: splits a chunk the service refuses as too long and retries it as chunks', async () => {
    const received = serve({ maxCharacters: 50 });
    const result = await createElevenLabs({ apiKey }).voice().synthesize({ text: script });
    const texts = received.map((request) => request.body.text as string);
    expect(texts[0]).toBe(script);
    expect(texts.slice(1).every((text) => text.length <= 50)).toBe(true);
    expect(texts.slice(1).join(' ')).toBe(script);
    expect(result.words.map((word) => word.word).join(' ')).toBe(script);
    expect(result.warnings[0]?.message).toMatch(/max_character_limit_exceeded/);
    // Only the characters of the accepted requests are billed.
    const accepted = texts.slice(1).reduce((sum, text) => sum + text.length, 0);
    expect(result.cost).toMatchObject({ quantity: accepted, usd: accepted / 10_000 });
  });
});

describe('cost', () => {
  it('comes from the dated price table, per character and model', async () => {
    serve();
    const voice = createElevenLabs({ apiKey }).voice({ modelId: 'eleven_flash_v2_5' });
    const input = { text: 'Forty characters of text are right here.' };
    const result = await voice.synthesize(input);
    // 40 characters × 0.5 credits × $0.0001.
    expect(result.cost).toEqual({ usd: 0.002, unit: 'character', quantity: 40, priceDate: '2026-11-24' });
    expect(voice.estimateCost(input)).toEqual(result.cost);
  });

  it('uses an overriding table, and warns for a model it does not price', async () => {
    serve();
    const elevenlabs = createElevenLabs({
      apiKey,
      prices: { date: '2027-01-01', usdPerCredit: 0.0002, creditsPerCharacter: { eleven_next: 2 } },
    });
    const priced = await elevenlabs.voice({ modelId: 'eleven_next' }).synthesize({ text: 'Ten chars.' });
    expect(priced.cost).toEqual({ usd: 0.004, unit: 'character', quantity: 10, priceDate: '2027-01-01' });
    const unpriced = await elevenlabs.voice({ modelId: 'eleven_other' }).synthesize({ text: 'Ten chars.' });
    expect(unpriced.cost.usd).toBe(0.002);
    expect(unpriced.warnings.some((warning) => /no price for "eleven_other"/.test(warning.message))).toBe(
      true,
    );
  });
});

describe('abort', () => {
  it('sends no further chunk once the signal aborts', async () => {
    const received = serve({ delayMs: 30 });
    const controller = new AbortController();
    const voice = createElevenLabs({
      apiKey,
      models: { eleven_multilingual_v2: { maxCharacters: 25 } },
    }).voice();
    const call = voice.synthesize(
      { text: 'One two three four. Five six seven eight. Nine ten eleven.' },
      { signal: controller.signal, onProgress: () => controller.abort(new Error('stop')) },
    );
    await expect(call).rejects.toThrow('stop');
    expect(received).toHaveLength(1);
  });
});

describe('the route used by tests', () => {
  it('matches the default base URL', () => {
    expect(withTimestampsUrl).toBe('https://api.elevenlabs.io/v1/text-to-speech/:voiceId/with-timestamps');
  });
});
