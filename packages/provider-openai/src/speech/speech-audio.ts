import { summarizeMp3 } from './mp3-frames.js';
import { encodeWav, openAIPcmFormat, pcmDurationMs, summarizeWav } from './wav.js';

/** The audio formats this package requests: each has a duration that can be computed exactly. */
export type SpeechFormat = 'mp3' | 'wav' | 'pcm';

/** Joined audio, ready to return. */
export interface SpeechAudio {
  audio: Uint8Array;
  mediaType: string;
  durationMs: number;
  /** Duration of each part, in order (for offsetting word timings). */
  partDurationsMs: number[];
}

/**
 * Reads the duration of each returned part and joins them into one file: MP3 frames are
 * concatenated (ID3 tags of later parts dropped), WAV and raw PCM (24 kHz 16-bit mono) samples
 * are joined under one WAV header. Returns the index of the first unreadable part instead when
 * a part is not audio of the requested format. The bytes are never parsed as JSON.
 */
export function joinSpeechAudio(format: SpeechFormat, parts: readonly Uint8Array[]): SpeechAudio | number {
  if (format === 'mp3') {
    const chunks: Uint8Array[] = [];
    const durations: number[] = [];
    for (const [index, part] of parts.entries()) {
      const summary = summarizeMp3(part);
      if (!summary) return index;
      chunks.push(index === 0 ? part : part.subarray(summary.audioStart));
      durations.push(summary.durationMs);
    }
    return {
      audio: concat(chunks),
      mediaType: 'audio/mpeg',
      durationMs: sum(durations),
      partDurationsMs: durations,
    };
  }
  if (format === 'wav') {
    const summaries = [];
    for (const [index, part] of parts.entries()) {
      const summary = summarizeWav(part);
      const first = summaries[0];
      if (
        !summary ||
        summary.data.length === 0 ||
        (first &&
          (first.sampleRate !== summary.sampleRate ||
            first.channels !== summary.channels ||
            first.bitsPerSample !== summary.bitsPerSample))
      )
        return index;
      summaries.push(summary);
    }
    const first = summaries[0]!;
    const audio =
      parts.length === 1 ? parts[0]! : encodeWav(concat(summaries.map((summary) => summary.data)), first);
    const durations = summaries.map((summary) => summary.durationMs);
    return { audio, mediaType: 'audio/wav', durationMs: sum(durations), partDurationsMs: durations };
  }
  const blockAlign = openAIPcmFormat.channels * (openAIPcmFormat.bitsPerSample / 8);
  const badPart = parts.findIndex((part) => part.length === 0 || part.length % blockAlign !== 0);
  if (badPart !== -1) return badPart;
  const durations = parts.map((part) => pcmDurationMs(part.length, openAIPcmFormat));
  return {
    audio: encodeWav(concat(parts), openAIPcmFormat),
    mediaType: 'audio/wav',
    durationMs: sum(durations),
    partDurationsMs: durations,
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
