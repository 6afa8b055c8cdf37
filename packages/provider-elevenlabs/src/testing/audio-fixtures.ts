import { encodeWav } from '../audio/wav-file.js';

/** Raw 16-bit little-endian mono PCM of `durationMs`, a quiet square wave (not all zeros). */
export function createPcm(durationMs: number, sampleRate: number): Uint8Array {
  const samples = Math.max(1, Math.round((durationMs / 1000) * sampleRate));
  const bytes = new Uint8Array(samples * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < samples; index += 1)
    view.setInt16(index * 2, index % 40 < 20 ? 300 : -300, true);
  return bytes;
}

/** A WAV file of 16-bit mono PCM, as ElevenLabs' `wav_*` formats return. */
export function createWavFile(durationMs: number, sampleRate: number): Uint8Array {
  return encodeWav(
    { formatCode: 1, channels: 1, sampleRate, bitsPerSample: 16 },
    createPcm(durationMs, sampleRate),
  );
}

/** Options of {@link createMp3}. */
export interface Mp3FixtureOptions {
  sampleRate: number;
  bitrateKbps: number;
  /** Prepend an ID3v2 tag. */
  id3?: boolean;
  /** Start with a Xing/Info header frame, as LAME writes one. */
  infoFrame?: boolean;
}

const mpeg1Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const mpeg2Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

/**
 * A structurally valid MP3 (MPEG-1 or MPEG-2 Layer III, mono, silent payload) of at least
 * `durationMs`: enough frame headers for duration and stitching logic, not a playable song.
 */
export function createMp3(durationMs: number, options: Mp3FixtureOptions): Uint8Array {
  const mpeg1 = options.sampleRate >= 32000;
  const rates = mpeg1 ? [44100, 48000, 32000] : [22050, 24000, 16000];
  const rateIndex = rates.indexOf(options.sampleRate);
  const bitrateIndex = (mpeg1 ? mpeg1Bitrates : mpeg2Bitrates).indexOf(options.bitrateKbps);
  if (rateIndex < 0 || bitrateIndex < 1) throw new RangeError('unsupported MP3 fixture format');
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  const frameLength = Math.floor(((mpeg1 ? 144_000 : 72_000) * options.bitrateKbps) / options.sampleRate);
  const frameCount = Math.max(1, Math.ceil((durationMs / 1000) * (options.sampleRate / samplesPerFrame)));
  const header = [0xff, mpeg1 ? 0xfb : 0xf3, (bitrateIndex << 4) | (rateIndex << 2), 0xc4];
  const frames = frameCount + (options.infoFrame ? 1 : 0);
  const id3 = options.id3 ? [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 10, ...new Array(10).fill(0)] : [];
  const out = new Uint8Array(id3.length + frames * frameLength);
  out.set(id3, 0);
  for (let frame = 0; frame < frames; frame += 1) {
    const offset = id3.length + frame * frameLength;
    out.set(header, offset);
    if (frame === 0 && options.infoFrame) {
      const xing = offset + 4 + (mpeg1 ? 17 : 9);
      out.set([0x49, 0x6e, 0x66, 0x6f], xing); // "Info"
    }
  }
  return out;
}
