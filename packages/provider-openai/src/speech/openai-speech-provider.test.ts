import { ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from '../openai-provider.js';
import { createMp3 } from '../testing/audio-fixtures.js';
import { openAIHeaders } from '../testing/openai-fixtures.js';
import { speechRoute, speechSuccess, speechUrl } from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

const server = installTestServer();
// 40 characters: the fake service speaks 60 ms per character → 2400 ms = 100 MP3 frames.
const text = 'This kettle pours a slow, steady stream.';

function captureBodies(): any[] {
  const bodies: any[] = [];
  server.use(
    http.post(speechUrl, async ({ request }) => {
      bodies.push(await request.clone().json());
      return undefined;
    }),
    ...speechSuccess,
  );
  return bodies;
}

describe('openai.speech()', () => {
  it('asks for mp3 with the voice, speed and instructions', async () => {
    const bodies = captureBodies();
    await createOpenAI({ apiKey: testApiKey })
      .speech()
      .synthesize({ text, voice: 'marin', speed: 1.1, language: 'en-US' });
    expect(bodies[0]).toEqual({
      model: 'gpt-4o-mini-tts',
      input: text,
      voice: 'marin',
      response_format: 'mp3',
      speed: 1.1,
      instructions: 'Upbeat, friendly product reviewer. Clear and natural. Speak in the language en-US.',
    });
  });

  it('sends a custom voice as { id } and no instructions to tts-1 (with a warning for language)', async () => {
    const bodies = captureBodies();
    const result = await createOpenAI({ apiKey: testApiKey })
      .speech('tts-1')
      .synthesize({ text, voice: 'voice_1234', language: 'de' });
    expect(bodies[0].voice).toEqual({ id: 'voice_1234' });
    expect(bodies[0].instructions).toBeUndefined();
    expect(result.warnings.map((warning) => warning.setting)).toContain('language');
  });

  it('returns the served bytes untouched, the exact MP3 duration and estimated word timings (O12)', async () => {
    const served = createMp3({ durationMs: 2400, id3: true });
    server.use(
      ...speechRoute(
        () => new HttpResponse(served, { headers: openAIHeaders({ 'content-type': 'audio/mpeg' }) }),
      ),
    );
    const result = await createOpenAI({ apiKey: testApiKey }).speech().synthesize({ text });
    expect(Buffer.from(result.audio).equals(Buffer.from(served))).toBe(true);
    expect(result.mediaType).toBe('audio/mpeg');
    expect(result.durationMs).toBe(2400);
    expect(result.words.map((word) => word.word)).toEqual(text.split(' '));
    expect(result.words.at(-1)?.endMs).toBeLessThanOrEqual(2400);
    expect(result.warnings[0]).toMatchObject({ type: 'estimated' });
  });

  it('bills gpt-4o-mini-tts per minute and tts-1 per character, from the table', async () => {
    server.use(...speechSuccess);
    const mini = await createOpenAI({ apiKey: testApiKey }).speech().synthesize({ text });
    // 2400 ms = 0.04 min × $0.015
    expect(mini.cost).toEqual({ usd: 0.0006, unit: 'minute', quantity: 0.04, priceDate: '2026-11-24' });
    const tts1 = await createOpenAI({ apiKey: testApiKey }).speech('tts-1').synthesize({ text });
    // 40 characters × $15/1M
    expect(tts1.cost).toEqual({ usd: 0.0006, unit: 'character', quantity: 40, priceDate: '2026-11-24' });
    expect(createOpenAI().speech('tts-1-hd').estimateCost({ text }).usd).toBe(0.0012);
  });

  it.each([
    ['wav', 'audio/wav'],
    ['pcm', 'audio/wav'],
  ] as const)('reads the duration of %s answers exactly', async (format, mediaType) => {
    server.use(...speechSuccess);
    const result = await createOpenAI({ apiKey: testApiKey, speech: { format } })
      .speech()
      .synthesize({ text });
    expect(result).toMatchObject({ mediaType, durationMs: 2400 });
  });

  it('splits a long text at sentence ends, joins the audio and offsets the word timings', async () => {
    const bodies = captureBodies();
    const long = `${text} It keeps water hot for a full hour. Pick one of five temperatures for every roast.`;
    const result = await createOpenAI({ apiKey: testApiKey, speech: { maxCharacters: 100 } })
      .speech()
      .synthesize({ text: long });
    expect(bodies.map((body) => body.input)).toEqual([
      'This kettle pours a slow, steady stream. It keeps water hot for a full hour.',
      'Pick one of five temperatures for every roast.',
    ]);
    const firstPartMs = Math.round((bodies[0].input.length * 60) / 24) * 24;
    const secondWord = result.words.find((word) => word.word === 'Pick');
    expect(secondWord?.startMs).toBe(firstPartMs);
    expect(result.durationMs).toBe(firstPartMs + Math.round((bodies[1].input.length * 60) / 24) * 24);
  });

  it('rejects empty text and a bad speed before any request', async () => {
    const provider = createOpenAI({ apiKey: testApiKey }).speech();
    await expect(provider.synthesize({ text: ' … ' })).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(provider.synthesize({ text, speed: 5 })).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(server.calls).toHaveLength(0);
  });

  it('reports an answer that is not audio of the requested format, with status and request id', async () => {
    server.use(
      ...speechRoute(
        () =>
          new HttpResponse('<html>oops</html>', { headers: openAIHeaders({ 'content-type': 'audio/mpeg' }) }),
      ),
    );
    const error = await createOpenAI({ apiKey: testApiKey })
      .speech()
      .synthesize({ text })
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'unknown', code: 'invalid_audio', status: 200 });
  });
});
