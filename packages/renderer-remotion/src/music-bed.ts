/** Options of {@link createMusicBed}. */
export interface MusicBedOptions {
  /** Length of the audio, at least 100 ms. */
  durationMs: number;
  /** Samples per second; default 44100. */
  sampleRate?: number;
}

// A slow I–vi–IV–V progression (Cmaj7, Am7, Fmaj7, G6), as MIDI notes.
const chords: readonly (readonly number[])[] = [
  [48, 55, 59, 64],
  [45, 52, 55, 60],
  [41, 48, 52, 57],
  [43, 50, 55, 59],
];
const chordSeconds = 3.2;
const crossfade = 0.35; // share of a chord spent fading into the next

/**
 * Synthesizes a soft chord pad as a WAV file (16-bit PCM, mono): slightly detuned sine voices
 * over a slow chord progression, cross-faded, with a gentle swell, fade-in and fade-out. Made
 * entirely in code, so it carries no third-party rights; deterministic for given options.
 * Meant as a music bed for demos and tests (`musicBed` setting).
 *
 * @example
 * ```ts
 * await writeFile('music.wav', createMusicBed({ durationMs: 30_000 }));
 * ```
 */
export function createMusicBed(options: MusicBedOptions): Uint8Array {
  const sampleRate = options.sampleRate ?? 44_100;
  if (
    !(options.durationMs >= 100) ||
    !Number.isInteger(sampleRate) ||
    sampleRate < 8000 ||
    sampleRate > 192_000
  ) {
    throw new RangeError(
      '[reelsmith] [renderer-remotion] createMusicBed: expected `durationMs` ≥ 100 and `sampleRate` an integer from 8000 to 192000.',
    );
  }
  const samples = Math.round((options.durationMs / 1000) * sampleRate);
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  writeHeader(view, samples, sampleRate);
  const seconds = samples / sampleRate;
  const fadeIn = Math.min(1, seconds / 4);
  const fadeOut = Math.min(1.5, seconds / 3);
  for (let index = 0; index < samples; index += 1) {
    const time = index / sampleRate;
    const position = time / chordSeconds;
    const chord = Math.floor(position);
    const within = position - chord;
    const blend =
      within > 1 - crossfade ? 0.5 - 0.5 * Math.cos((Math.PI * (within - (1 - crossfade))) / crossfade) : 0;
    let value = chordSample(chord, time) * (1 - blend);
    if (blend > 0) value += chordSample(chord + 1, time) * blend;
    const swell = 0.85 + 0.15 * Math.sin(2 * Math.PI * 0.18 * time);
    const edge = Math.min(1, time / fadeIn, (seconds - time) / fadeOut);
    const sample = Math.max(-1, Math.min(1, value * swell * Math.max(0, edge) * 0.42));
    view.setInt16(44 + index * 2, Math.round(sample * 32_767), true);
  }
  return out;
}

function chordSample(chord: number, time: number): number {
  const notes = chords[((chord % chords.length) + chords.length) % chords.length]!;
  let sum = 0;
  for (const [voice, note] of notes.entries()) {
    const frequency = 440 * 2 ** ((note - 69) / 12);
    const level = voice === 0 ? 0.32 : 0.24;
    // Two voices 0.3 % apart beat slowly, like an analogue pad; a quiet octave adds air.
    sum +=
      level *
      (Math.sin(2 * Math.PI * frequency * time) +
        Math.sin(2 * Math.PI * frequency * 1.003 * time + voice) +
        0.15 * Math.sin(4 * Math.PI * frequency * time));
  }
  return sum / 2;
}

function writeHeader(view: DataView, samples: number, sampleRate: number): void {
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1)
      view.setUint8(offset + index, text.charCodeAt(index));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
}
