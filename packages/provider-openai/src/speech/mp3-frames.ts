// MPEG audio frame headers (ISO 11172-3 / 13818-3): enough to count samples exactly.

const bitrates: Record<string, readonly number[]> = {
  // kbit/s by bitrate index 1–14, per version group and layer.
  'v1-l1': [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  'v1-l2': [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  'v1-l3': [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  'v2-l1': [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  'v2-l2': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  'v2-l3': [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

const sampleRates: Record<number, readonly number[]> = {
  3: [44_100, 48_000, 32_000], // MPEG-1
  2: [22_050, 24_000, 16_000], // MPEG-2
  0: [11_025, 12_000, 8000], // MPEG-2.5
};

/** One MPEG audio frame header. */
export interface Mp3Frame {
  /** Frame length in bytes, header included. */
  length: number;
  samples: number;
  sampleRate: number;
  /** Offset of the Xing/Info tag inside the frame, when the frame carries one. */
  sideInfoEnd: number;
}

/** Reads the frame header at `offset`, or `undefined` when there is none. */
export function readMp3Frame(bytes: Uint8Array, offset: number): Mp3Frame | undefined {
  if (offset + 4 > bytes.length) return undefined;
  const b1 = bytes[offset + 1]!;
  const b2 = bytes[offset + 2]!;
  const b3 = bytes[offset + 3]!;
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = (b1 >> 3) & 0x03; // 0: 2.5, 2: 2, 3: 1
  const layerBits = (b1 >> 1) & 0x03; // 1: III, 2: II, 3: I
  const bitrateIndex = (b2 >> 4) & 0x0f;
  const rateIndex = (b2 >> 2) & 0x03;
  if (version === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return undefined;
  const layer = 4 - layerBits;
  const group = version === 3 ? 'v1' : 'v2';
  const bitrate = bitrates[`${group}-l${layer}`]![bitrateIndex - 1]! * 1000;
  const sampleRate = sampleRates[version]![rateIndex]!;
  const padding = (b2 >> 1) & 0x01;
  const samples = layer === 1 ? 384 : layer === 2 || version === 3 ? 1152 : 576;
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((samples / 8) * bitrate) / sampleRate) + padding;
  const mono = b3 >> 6 === 3;
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  return { length, samples, sampleRate, sideInfoEnd: 4 + sideInfo };
}

/** The size of a leading ID3v2 tag (0 when there is none). */
export function id3v2Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size =
    ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  const footer = (bytes[5]! & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

/** What an MP3 stream holds. */
export interface Mp3Summary {
  durationMs: number;
  frames: number;
  sampleRate: number;
  /** Where the first audio frame starts (after any ID3v2 tag). */
  audioStart: number;
}

/**
 * Counts the audio frames of an MP3 stream and returns its exact duration, skipping an ID3v2
 * tag, a Xing/Info/VBRI header frame and trailing junk (an ID3v1 tag). `undefined` when the
 * bytes are not MPEG audio (a JSON or HTML body, say).
 */
export function summarizeMp3(bytes: Uint8Array): Mp3Summary | undefined {
  const audioStart = id3v2Length(bytes);
  let offset = audioStart;
  // Tolerate a little padding before the first frame, but never hunt through a whole file.
  while (offset < Math.min(bytes.length, audioStart + 2048) && !readMp3Frame(bytes, offset)) offset++;
  const first = readMp3Frame(bytes, offset);
  if (!first) return undefined;
  const second = readMp3Frame(bytes, offset + first.length);
  if (!second && offset + first.length < bytes.length - 128) return undefined;
  let samples = 0;
  let frames = 0;
  const firstStart = offset;
  while (offset < bytes.length) {
    const frame = readMp3Frame(bytes, offset);
    if (!frame || frame.sampleRate !== first.sampleRate) break;
    if (!(offset === firstStart && isInfoFrame(bytes, offset, frame))) {
      samples += frame.samples;
      frames += 1;
    }
    offset += frame.length;
  }
  if (frames === 0) return undefined;
  return {
    durationMs: (samples / first.sampleRate) * 1000,
    frames,
    sampleRate: first.sampleRate,
    audioStart: firstStart,
  };
}

function isInfoFrame(bytes: Uint8Array, offset: number, frame: Mp3Frame): boolean {
  const tagAt = (position: number) =>
    String.fromCharCode(...bytes.subarray(offset + position, offset + position + 4));
  const tag = tagAt(frame.sideInfoEnd);
  return tag === 'Xing' || tag === 'Info' || tagAt(36) === 'VBRI';
}
