import { describe, expect, it } from 'vitest';
import { createWav } from './wav.js';

describe('createWav', () => {
  it('builds a RIFF/WAVE PCM file of the requested length', () => {
    const wav = createWav({ durationMs: 500 });
    const view = new DataView(wav.buffer);
    const text = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint32(40, true)).toBe(4000);
    expect(wav.length).toBe(44 + 4000);
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
  });

  it('rejects a zero duration', () => {
    expect(() => createWav({ durationMs: 0 })).toThrow(/durationMs/);
  });
});
