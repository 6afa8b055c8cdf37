import { describe, expect, it } from 'vitest';
import { createMp3, createPcm, createWavFile } from '../testing/audio-fixtures.js';
import { decodeAudioPart, joinAudioParts } from './audio-part.js';
import { readFrameHeader, readMp3Frames } from './mp3-frames.js';
import { audioLayout, mediaTypeOf } from './output-format.js';
import { encodeWav, parseWav } from './wav-file.js';

describe('output formats', () => {
  it('reads the layout and media type from the name', () => {
    expect(audioLayout('pcm_24000')).toEqual({ container: 'raw', encoding: 'pcm_s16le', sampleRate: 24000 });
    expect(audioLayout('mp3_44100_128')).toEqual({ container: 'mp3', sampleRate: 44100, bitrateKbps: 128 });
    expect(audioLayout('ulaw_8000')).toEqual({ container: 'raw', encoding: 'mulaw', sampleRate: 8000 });
    expect(mediaTypeOf(audioLayout('wav_16000'))).toBe('audio/wav');
    expect(mediaTypeOf(audioLayout('mp3_22050_32'))).toBe('audio/mpeg');
  });
});

describe('WAV', () => {
  it('round-trips PCM and μ-law', () => {
    const data = createPcm(100, 16000);
    const pcm = { formatCode: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 } as const;
    expect(parseWav(encodeWav(pcm, data))).toEqual({ format: pcm, data });
    const mulaw = { formatCode: 7, channels: 1, sampleRate: 8000, bitsPerSample: 8 } as const;
    const bytes = new Uint8Array(801).fill(0xff);
    const file = encodeWav(mulaw, bytes);
    expect(file.length % 2).toBe(0);
    expect(parseWav(file)).toEqual({ format: mulaw, data: bytes });
  });

  it('reads a data chunk whose size runs past the end (streamed WAV)', () => {
    const file = createWavFile(50, 8000);
    new DataView(file.buffer).setUint32(40, 0xffffffff, true);
    expect(parseWav(file)?.data.length).toBe(800);
    expect(parseWav(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('MP3 frames', () => {
  it('reads MPEG-1 and MPEG-2 Layer III headers', () => {
    const mpeg1 = createMp3(30, { sampleRate: 44100, bitrateKbps: 128 });
    expect(readFrameHeader(mpeg1, 0)).toMatchObject({ length: 417, sampleRate: 44100, samples: 1152 });
    const mpeg2 = createMp3(30, { sampleRate: 22050, bitrateKbps: 32 });
    expect(readFrameHeader(mpeg2, 0)).toMatchObject({ length: 104, sampleRate: 22050, samples: 576 });
    expect(readFrameHeader(new Uint8Array([0xff, 0xfb, 0xf0, 0xc4]), 0)).toBeUndefined();
  });

  it('drops the ID3 tag and the Info frame, and times the audio frames', () => {
    const bare = createMp3(1000, { sampleRate: 44100, bitrateKbps: 128 });
    const tagged = createMp3(1000, { sampleRate: 44100, bitrateKbps: 128, id3: true, infoFrame: true });
    const frames = readMp3Frames(tagged);
    expect(frames.frameCount).toBe(39);
    expect(frames.data).toEqual(bare);
    expect(frames.durationMs).toBeCloseTo((39 * 1152 * 1000) / 44100, 6);
  });
});

describe('stitching', () => {
  it('joins PCM parts into one WAV, summing exact durations', () => {
    const layout = audioLayout('pcm_24000');
    const parts = [createPcm(500, 24000), createPcm(250, 24000)].map((bytes) =>
      decodeAudioPart(bytes, layout),
    );
    expect(parts.map((part) => part.durationMs)).toEqual([500, 250]);
    const joined = joinAudioParts(parts, layout);
    expect(joined.durationMs).toBe(750);
    expect(parseWav(joined.audio)?.data.length).toBe(0.75 * 24000 * 2);
  });

  it('drops a stray odd byte so the next part stays sample-aligned', () => {
    const part = decodeAudioPart(new Uint8Array(101), audioLayout('pcm_16000'));
    expect(part.data.length).toBe(100);
  });

  it('joins wav_* parts on their own format', () => {
    const layout = audioLayout('wav_16000');
    const parts = [createWavFile(100, 16000), createWavFile(100, 16000)].map((bytes) =>
      decodeAudioPart(bytes, layout),
    );
    const joined = joinAudioParts(parts, layout);
    expect(joined.durationMs).toBe(200);
    expect(parseWav(joined.audio)?.format.sampleRate).toBe(16000);
  });

  it('joins MP3 parts frame by frame', () => {
    const layout = audioLayout('mp3_44100_128');
    const a = createMp3(100, { sampleRate: 44100, bitrateKbps: 128, id3: true });
    const b = createMp3(100, { sampleRate: 44100, bitrateKbps: 128, infoFrame: true });
    const joined = joinAudioParts([decodeAudioPart(a, layout), decodeAudioPart(b, layout)], layout);
    expect(readMp3Frames(joined.audio).frameCount).toBe(8);
    expect(joined.durationMs).toBeCloseTo((8 * 1152 * 1000) / 44100, 6);
  });

  it('estimates an MP3 without frames from its bitrate', () => {
    const part = decodeAudioPart(new Uint8Array(16000), audioLayout('mp3_44100_128'));
    expect(part).toMatchObject({ exact: false, durationMs: 1000 });
  });
});
