import { readMp3Frames } from './mp3-frames.js';
import type { AudioLayout } from './output-format.js';
import { blockAlign, encodeWav, type PcmFormat, parseWav, pcmDurationMs } from './wav-file.js';

/** One request's audio, unwrapped so it can be joined with the others. */
export interface AudioPart {
  /** Sample bytes (PCM, μ-law, A-law) or MP3 frames, without headers or tags. */
  data: Uint8Array;
  /** The sample format, for WAV-like layouts. */
  pcm?: PcmFormat;
  /** Playing time, in milliseconds. */
  durationMs: number;
  /** False when the duration could only be estimated from the bitrate (no MP3 frame found). */
  exact: boolean;
}

/** The stitched audio of a whole script. */
export interface JoinedAudio {
  audio: Uint8Array;
  durationMs: number;
}

/** Unwraps the audio bytes of one response (`audio_base64`, decoded) for `layout`. */
export function decodeAudioPart(bytes: Uint8Array, layout: AudioLayout): AudioPart {
  if (layout.container === 'mp3') {
    const frames = readMp3Frames(bytes);
    if (frames.frameCount > 0) return { data: frames.data, durationMs: frames.durationMs, exact: true };
    return { data: bytes, durationMs: (bytes.length * 8) / layout.bitrateKbps, exact: false };
  }
  const wav = layout.container === 'wav' ? parseWav(bytes) : undefined;
  const pcm = wav?.format ?? rawFormat(layout);
  const data = wav?.data ?? bytes;
  // Whole sample frames only: a stray byte would shift every sample of the next part.
  const whole = data.subarray(0, data.length - (data.length % blockAlign(pcm)));
  return { data: whole, pcm, durationMs: pcmDurationMs(pcm, whole.length), exact: true };
}

/**
 * Joins parts in order: MP3 frames back to back (one MP3 stream), anything else into one WAV
 * file with the first part's sample format. The duration is the sum of the parts'.
 */
export function joinAudioParts(parts: readonly AudioPart[], layout: AudioLayout): JoinedAudio {
  const size = parts.reduce((sum, part) => sum + part.data.length, 0);
  const data = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    data.set(part.data, offset);
    offset += part.data.length;
  }
  const durationMs = parts.reduce((sum, part) => sum + part.durationMs, 0);
  if (layout.container === 'mp3') return { audio: data, durationMs };
  const format = parts[0]?.pcm ?? rawFormat(layout);
  return { audio: encodeWav(format, data), durationMs };
}

function rawFormat(layout: AudioLayout): PcmFormat {
  if (layout.container === 'raw' && layout.encoding !== 'pcm_s16le') {
    return {
      formatCode: layout.encoding === 'mulaw' ? 7 : 6,
      channels: 1,
      sampleRate: layout.sampleRate,
      bitsPerSample: 8,
    };
  }
  return { formatCode: 1, channels: 1, sampleRate: layout.sampleRate, bitsPerSample: 16 };
}
