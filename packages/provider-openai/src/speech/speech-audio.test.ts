import { describe, expect, it } from 'vitest';
import { createMp3, createPcm, createSpeechWav } from '../testing/audio-fixtures.js';
import { joinSpeechAudio } from './speech-audio.js';
import { summarizeWav } from './wav.js';

describe('joinSpeechAudio', () => {
  it('joins MP3 parts, dropping the later ID3 tags', () => {
    const first = createMp3({ durationMs: 240, id3: true });
    const second = createMp3({ durationMs: 480, id3: true });
    const joined = joinSpeechAudio('mp3', [first, second]);
    expect(joined).toMatchObject({ mediaType: 'audio/mpeg', durationMs: 720, partDurationsMs: [240, 480] });
    expect(typeof joined !== 'number' && joined.audio.length).toBe(first.length + second.length - 20);
  });

  it('reads a streamed WAV whose data size is a placeholder', () => {
    const wav = createSpeechWav(1500, true);
    expect(summarizeWav(wav)?.durationMs).toBe(1500);
    expect(joinSpeechAudio('wav', [wav])).toMatchObject({ mediaType: 'audio/wav', durationMs: 1500 });
  });

  it('joins WAV parts under one header', () => {
    const joined = joinSpeechAudio('wav', [createSpeechWav(500), createSpeechWav(700, true)]);
    expect(joined).toMatchObject({ durationMs: 1200 });
    expect(typeof joined !== 'number' && summarizeWav(joined.audio)?.durationMs).toBe(1200);
  });

  it('wraps raw 24 kHz PCM into a WAV file', () => {
    const joined = joinSpeechAudio('pcm', [createPcm(1000), createPcm(250)]);
    expect(joined).toMatchObject({ mediaType: 'audio/wav', durationMs: 1250 });
    expect(typeof joined !== 'number' && summarizeWav(joined.audio)).toMatchObject({
      sampleRate: 24_000,
      channels: 1,
      bitsPerSample: 16,
    });
  });

  it('returns the index of the first part that is not audio of the format', () => {
    const json = new TextEncoder().encode('{"ok":true}');
    expect(joinSpeechAudio('mp3', [createMp3({ durationMs: 240 }), json])).toBe(1);
    expect(joinSpeechAudio('wav', [json])).toBe(0);
    expect(joinSpeechAudio('pcm', [new Uint8Array(3)])).toBe(0);
  });
});
