import { ConfigError, ProviderError, type VoiceResult } from '@reelsmith/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEspeakVoice, espeakVoice } from './index.js';
import { splitWords } from './split-words.js';

const sentence = "Meet the Steel Kettle: it boils a full litre in 90 seconds — and it's only $24.99!";

/** Reads the fields of a 44-byte PCM WAV header. */
function readWav(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  return {
    riff: text(0),
    riffSize: view.getUint32(4, true),
    wave: text(8),
    fmt: text(12),
    format: view.getUint16(20, true),
    channels: view.getUint16(22, true),
    sampleRate: view.getUint32(24, true),
    bitsPerSample: view.getUint16(34, true),
    data: text(36),
    dataSize: view.getUint32(40, true),
    samples: new Int16Array(bytes.slice(44).buffer),
  };
}

describe('espeakVoice', () => {
  let result: VoiceResult;
  beforeAll(async () => {
    result = await espeakVoice.synthesize({ text: sentence });
  });

  it('declares itself', () => {
    expect(espeakVoice).toMatchObject({ specificationVersion: 'v1', id: 'espeak', capability: 'voice' });
    expect(espeakVoice.estimateCost({ text: sentence })).toEqual({ usd: 0 });
  });

  it('returns a 16-bit mono PCM WAV whose duration matches its samples', () => {
    expect(result.mediaType).toBe('audio/wav');
    expect(result.cost).toEqual({ usd: 0 });
    const wav = readWav(result.audio);
    expect(wav).toMatchObject({
      riff: 'RIFF',
      riffSize: result.audio.length - 8,
      wave: 'WAVE',
      fmt: 'fmt ',
      format: 1,
      channels: 1,
      sampleRate: 22_050,
      bitsPerSample: 16,
      data: 'data',
      dataSize: result.audio.length - 44,
    });
    expect(Math.abs(result.durationMs - (wav.samples.length * 1000) / wav.sampleRate)).toBeLessThanOrEqual(1);
    expect(result.durationMs).toBeGreaterThan(2_000);
    const peak = wav.samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    expect(peak).toBeGreaterThan(1_000);
  });

  it('times every input word, in order, without overlaps, from eSpeak word events', () => {
    const expected = splitWords(sentence).map((word) => word.text);
    expect(expected).toEqual([
      'Meet',
      'the',
      'Steel',
      'Kettle:',
      'it',
      'boils',
      'a',
      'full',
      'litre',
      'in',
      '90',
      'seconds —',
      'and',
      "it's",
      'only',
      '$24.99!',
    ]);
    expect(result.words.map((word) => word.word)).toEqual(expected);
    expect(result.warnings).toEqual([]);
    expect(result.words[0]?.startMs).toBeLessThan(100);
    result.words.forEach((word, index) => {
      expect(word.endMs).toBeGreaterThan(word.startMs);
      const next = result.words[index + 1];
      if (next) expect(word.endMs).toBeLessThanOrEqual(next.startMs);
    });
    expect(result.words.at(-1)?.endMs).toBeLessThanOrEqual(result.durationMs);
    // `$24.99` is read as several words ("twenty four dollars ninety nine"): the longest span.
    const spans = result.words.map((word) => word.endMs - word.startMs);
    expect(Math.max(...spans)).toBe(spans.at(-1));
  });

  it('speaks text with markup characters instead of reading them as SSML', async () => {
    const { words, warnings } = await espeakVoice.synthesize({ text: 'Use x<y & keep <b>bold</b> claims.' });
    expect(words.map((word) => word.word)).toEqual(['Use', 'x<y &', 'keep', '<b>bold</b>', 'claims.']);
    expect(warnings).toEqual([]);
  });

  it('rejects empty text as invalid_input naming `text`', async () => {
    for (const text of ['', '   ', '... —']) {
      const error = await espeakVoice.synthesize({ text }).catch((caught: unknown) => caught);
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'invalid_input', provider: 'espeak', retryable: false });
      expect((error as Error).message).toContain('`text`');
    }
  });

  it('rejects with the signal reason when aborted before or during synthesis', async () => {
    const before = AbortSignal.abort();
    await expect(espeakVoice.synthesize({ text: sentence }, { signal: before })).rejects.toBe(before.reason);

    const controller = new AbortController();
    const long = Array.from({ length: 40 }, (_, index) => `This is sentence number ${index + 1}.`).join(' ');
    const progress: number[] = [];
    const call = espeakVoice.synthesize(
      { text: long },
      {
        signal: controller.signal,
        onProgress: ({ fraction }) => {
          progress.push(fraction ?? 0);
          if (progress.length === 3) controller.abort();
        },
      },
    );
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toHaveLength(3);
  });

  it('applies speed, voice and language', async () => {
    const normal = await espeakVoice.synthesize({ text: sentence });
    const fast = await espeakVoice.synthesize({ text: sentence, speed: 1.5 });
    expect(fast.durationMs).toBeLessThan(normal.durationMs * 0.85);

    const clamped = await espeakVoice.synthesize({ text: 'Hello there.', speed: 10 });
    expect(clamped.warnings).toMatchObject([{ type: 'unsupported-setting', setting: 'speed' }]);

    const german = await espeakVoice.synthesize({ text: 'Guten Tag, liebe Leute.', language: 'de-DE' });
    expect(german.warnings).toEqual([]);
    const unknown = await espeakVoice.synthesize({ text: 'Hello there.', language: 'tlh' });
    expect(unknown.warnings).toMatchObject([{ type: 'unsupported-setting', setting: 'language' }]);

    await expect(espeakVoice.synthesize({ text: 'Hi.', voice: 'no-such-voice' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    await expect(espeakVoice.synthesize({ text: 'Hi.', speed: 0 })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
  });
});

describe('createEspeakVoice settings', () => {
  it('rejects bad settings with a ConfigError naming the field and the fix', () => {
    const error = (() => {
      try {
        createEspeakVoice({ rate: 20, pitch: 300 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).issues.map((issue) => issue.field)).toEqual(['rate', 'pitch']);
    expect((error as Error).message).toMatch(/words per minute from 80 to 450/);
    expect(() => createEspeakVoice({ volume: 2 } as never)).toThrow(/`volume`/);
  });

  it('reports an unknown voice setting as a ConfigError on the first call', async () => {
    const voice = createEspeakVoice({ voice: 'xx-nowhere' });
    const error = await voice.synthesize({ text: 'Hello.' }).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('voice');
  });

  it('uses its rate, pitch and id', async () => {
    const slow = createEspeakVoice({ rate: 100, pitch: 20, id: 'espeak:slow' });
    expect(slow.id).toBe('espeak:slow');
    const fast = createEspeakVoice({ rate: 300 });
    const [a, b] = await Promise.all([
      slow.synthesize({ text: sentence }),
      fast.synthesize({ text: sentence }),
    ]);
    expect(a.durationMs).toBeGreaterThan(b.durationMs * 1.8);
  });
});
