/** The PCM layout of a WAV file. */
export interface PcmFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

/** A parsed WAV file: its format and a view of its sample bytes. */
export interface WavSummary extends PcmFormat {
  data: Uint8Array;
  durationMs: number;
}

/** The layout of OpenAI's `pcm` output: 24 kHz, 16-bit little-endian, mono, no header. */
export const openAIPcmFormat: Readonly<PcmFormat> = { sampleRate: 24_000, channels: 1, bitsPerSample: 16 };

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/**
 * Reads a RIFF/WAVE file. Streamed WAVs (OpenAI's among them) may carry a placeholder data
 * size (0xFFFFFFFF or 0); the bytes actually present are used then. `undefined` when the bytes
 * are not a WAV file.
 */
export function summarizeWav(bytes: Uint8Array): WavSummary | undefined {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: PcmFormat | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format || format.sampleRate === 0 || format.channels === 0 || format.bitsPerSample === 0)
        return undefined;
      const available = bytes.length - body;
      const length = size === 0 || size > available ? available : size;
      const data = bytes.subarray(body, body + length);
      return { ...format, data, durationMs: pcmDurationMs(data.length, format) };
    }
    offset = body + size + (size % 2);
  }
  return undefined;
}

/** Duration of raw PCM bytes. */
export function pcmDurationMs(byteLength: number, format: PcmFormat): number {
  const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8);
  return (byteLength / bytesPerSecond) * 1000;
}

/** Wraps raw PCM bytes into a 44-byte-header WAV file. */
export function encodeWav(pcm: Uint8Array, format: PcmFormat): Uint8Array {
  const out = new Uint8Array(44 + pcm.length);
  const view = new DataView(out.buffer);
  const write = (at: number, text: string) => {
    for (let index = 0; index < text.length; index++) out[at + index] = text.charCodeAt(index);
  };
  const blockAlign = format.channels * (format.bitsPerSample / 8);
  write(0, 'RIFF');
  view.setUint32(4, 36 + pcm.length, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, format.bitsPerSample, true);
  write(36, 'data');
  view.setUint32(40, pcm.length, true);
  out.set(pcm, 44);
  return out;
}
