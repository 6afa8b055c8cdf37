import { describe, expect, it } from 'vitest';
import { createMp3 } from '../testing/audio-fixtures.js';
import { id3v2Length, readMp3Frame, summarizeMp3 } from './mp3-frames.js';

describe('MP3 frames', () => {
  it('reads an MPEG-2 Layer III frame header', () => {
    expect(readMp3Frame(createMp3({ durationMs: 24 }), 0)).toMatchObject({
      length: 192,
      samples: 576,
      sampleRate: 24_000,
    });
  });

  it('reads an MPEG-1 Layer III frame header (44.1 kHz, 128 kbit/s, padded)', () => {
    const header = Uint8Array.from([0xff, 0xfb, 0x92, 0x44]);
    expect(readMp3Frame(header, 0)).toMatchObject({ length: 418, samples: 1152, sampleRate: 44_100 });
  });

  it('computes the exact duration, skipping an ID3v2 tag and a LAME Info frame', () => {
    const mp3 = createMp3({ durationMs: 2400, id3: true, infoFrame: true });
    expect(id3v2Length(mp3)).toBe(20);
    expect(summarizeMp3(mp3)).toMatchObject({
      durationMs: 2400,
      frames: 100,
      sampleRate: 24_000,
      audioStart: 20,
    });
  });

  it('stops at trailing junk such as an ID3v1 tag', () => {
    const mp3 = createMp3({ durationMs: 480 });
    const withTag = new Uint8Array(mp3.length + 128);
    withTag.set(mp3);
    withTag.set([0x54, 0x41, 0x47], mp3.length);
    expect(summarizeMp3(withTag)?.durationMs).toBe(480);
  });

  it('refuses bytes that are not MPEG audio (JSON, HTML, a lone false sync)', () => {
    expect(summarizeMp3(new TextEncoder().encode('{"error":{"message":"bad"}}'))).toBeUndefined();
    expect(summarizeMp3(new TextEncoder().encode('<html><body>502</body></html>'))).toBeUndefined();
    const falseSync = new Uint8Array(4096);
    falseSync.set([0xff, 0xf3, 0x84, 0xc0], 10);
    expect(summarizeMp3(falseSync)).toBeUndefined();
  });
});
