import { describe, expect, it } from 'vitest';
import { createMusicBed } from './music-bed.js';

describe('createMusicBed', () => {
  it('writes a 16-bit mono PCM WAV of the requested length', () => {
    const wav = createMusicBed({ durationMs: 1500, sampleRate: 8000 });
    const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
    const text = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // mono
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(12_000 * 2);
    expect(wav.byteLength).toBe(44 + 24_000);
  });

  it('is audible, soft and never clips, with fades at both ends', () => {
    const wav = createMusicBed({ durationMs: 4000, sampleRate: 8000 });
    const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
    const samples = Array.from({ length: (wav.byteLength - 44) / 2 }, (_, index) =>
      view.getInt16(44 + index * 2, true),
    );
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak).toBeGreaterThan(4000);
    expect(peak).toBeLessThan(32_767);
    expect(Math.abs(samples[0]!)).toBeLessThan(50);
    expect(Math.abs(samples.at(-1)!)).toBeLessThan(50);
  });

  it('is deterministic and validates its options', () => {
    expect(createMusicBed({ durationMs: 200 })).toEqual(createMusicBed({ durationMs: 200 }));
    expect(() => createMusicBed({ durationMs: 0 })).toThrow(RangeError);
    expect(() => createMusicBed({ durationMs: 1000, sampleRate: 100 })).toThrow(RangeError);
  });
});
