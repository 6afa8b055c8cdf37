// Audio bytes like OpenAI TTS returns: MP3 (MPEG-2 Layer III, 24 kHz mono), WAV and raw PCM.
import { encodeWav, openAIPcmFormat } from '../speech/wav.js';

/** Duration of one MPEG-2 Layer III frame at 24 kHz: 576 samples. */
export const mp3FrameMs = 24;
const frameBytes = 192; // 64 kbit/s at 24 kHz: 72 × 64000 / 24000

/** Options of {@link createMp3}. */
export interface Mp3Options {
  durationMs: number;
  /** Prefix an ID3v2 tag (what encoders often write). */
  id3?: boolean;
  /** Start with a LAME `Info` frame that holds no audio. */
  infoFrame?: boolean;
}

/** A valid MP3 stream of silent frames lasting `durationMs` (rounded to whole 24 ms frames). */
export function createMp3(options: Mp3Options): Uint8Array {
  const frames = Math.max(1, Math.round(options.durationMs / mp3FrameMs));
  const id3 = options.id3
    ? Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 10, ...new Array(10).fill(0)])
    : new Uint8Array();
  const total = frames + (options.infoFrame ? 1 : 0);
  const out = new Uint8Array(id3.length + total * frameBytes);
  out.set(id3, 0);
  for (let index = 0; index < total; index++) {
    const at = id3.length + index * frameBytes;
    // Sync, MPEG-2, Layer III, no CRC | 64 kbit/s, 24 kHz, no padding | mono.
    out.set([0xff, 0xf3, 0x84, 0xc0], at);
    if (options.infoFrame && index === 0) out.set([0x49, 0x6e, 0x66, 0x6f], at + 13); // "Info" after the side info
  }
  return out;
}

/** A WAV (24 kHz, 16-bit, mono) of silence; `streamed` writes the placeholder data size OpenAI streams with. */
export function createSpeechWav(durationMs: number, streamed = false): Uint8Array {
  const wav = encodeWav(createPcm(durationMs), openAIPcmFormat);
  if (streamed) new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
  return wav;
}

/** Raw PCM (24 kHz, 16-bit little-endian, mono) of silence. */
export function createPcm(durationMs: number): Uint8Array {
  return new Uint8Array(Math.round((durationMs / 1000) * openAIPcmFormat.sampleRate) * 2);
}
