/** Options of {@link createWav}. */
export interface WavOptions {
  /** Length of the audio; at least 1 ms. */
  durationMs: number;
  /** Samples per second; default 8000 (8-bit mono keeps the file small: 8 KB per second). */
  sampleRate?: number;
}

/**
 * Builds a valid, deterministic WAV file (PCM, 8-bit, mono) of silence, for fake voice
 * providers and msw handlers that must return real audio bytes.
 *
 * @example
 * ```ts
 * const audio = createWav({ durationMs: 1500 });
 * ```
 */
export function createWav(options: WavOptions): Uint8Array {
  const sampleRate = options.sampleRate ?? 8000;
  if (!(options.durationMs >= 1) || !Number.isInteger(sampleRate) || sampleRate < 1) {
    throw new RangeError(
      '[reelsmith/testkit] createWav: expected `durationMs` ≥ 1 and `sampleRate` to be a positive integer.',
    );
  }
  const samples = Math.max(1, Math.round((options.durationMs / 1000) * sampleRate));
  const out = new Uint8Array(44 + samples);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1) out[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  out.fill(128, 44); // 8-bit PCM silence
  return out;
}
