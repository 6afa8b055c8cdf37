/** The sample format of a WAV file. */
export interface PcmFormat {
  /** WAVE format tag: 1 PCM, 6 A-law, 7 μ-law. */
  formatCode: 1 | 6 | 7;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** A parsed WAV file: its format and its sample bytes. */
export interface WavContent {
  format: PcmFormat;
  data: Uint8Array;
}

/** Bytes per sample frame (all channels). */
export function blockAlign(format: PcmFormat): number {
  return Math.max(1, (format.channels * format.bitsPerSample) / 8);
}

/** Exact length of `bytes` sample bytes in `format`, in milliseconds. */
export function pcmDurationMs(format: PcmFormat, bytes: number): number {
  return (Math.floor(bytes / blockAlign(format)) * 1000) / format.sampleRate;
}

/**
 * Wraps sample bytes into a WAV file. PCM gets the classic 44-byte header; A-law and μ-law get
 * the 18-byte `fmt ` chunk and the `fact` chunk their format tags require.
 */
export function encodeWav(format: PcmFormat, data: Uint8Array): Uint8Array {
  const compressed = format.formatCode !== 1;
  const fmtSize = compressed ? 18 : 16;
  const factSize = compressed ? 12 : 0;
  const headerSize = 12 + 8 + fmtSize + factSize + 8;
  const out = new Uint8Array(headerSize + data.length + (data.length % 2));
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1) out[offset + index] = text.charCodeAt(index);
  };
  const align = blockAlign(format);
  ascii(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, format.formatCode, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * align, true);
  view.setUint16(32, align, true);
  view.setUint16(34, format.bitsPerSample, true);
  let offset = 36;
  if (compressed) {
    view.setUint16(36, 0, true); // cbSize
    ascii(38, 'fact');
    view.setUint32(42, 4, true);
    view.setUint32(46, Math.floor(data.length / align), true);
    offset = 50;
  }
  ascii(offset, 'data');
  view.setUint32(offset + 4, data.length, true);
  out.set(data, offset + 8);
  return out;
}

/**
 * Reads a WAV file's format and sample bytes. A data size larger than the file (as streamed
 * WAVs write it) means "to the end". Returns `undefined` when `bytes` is not a WAV file.
 */
export function parseWav(bytes: Uint8Array): WavContent | undefined {
  if (bytes.length < 12 || text(bytes, 0) !== 'RIFF' || text(bytes, 8) !== 'WAVE') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: PcmFormat | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = text(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      const formatCode = view.getUint16(body, true);
      if (formatCode !== 1 && formatCode !== 6 && formatCode !== 7) return undefined;
      format = {
        formatCode,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) return undefined;
      const end = Math.min(bytes.length, body + size);
      return { format, data: bytes.subarray(body, end) };
    }
    offset = body + size + (size % 2);
  }
  return undefined;
}

function text(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}
