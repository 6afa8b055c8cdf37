/** The MPEG Layer III frames of an MP3 file, without ID3 tags or a Xing/Info/VBRI header frame. */
export interface Mp3Frames {
  /** The audio frames, back to back. */
  data: Uint8Array;
  frameCount: number;
  /** Sample rate of the first frame; 0 when there is no frame. */
  sampleRate: number;
  /** Exact playing time of the frames, in milliseconds. */
  durationMs: number;
}

const bitratesMpeg1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const bitratesMpeg2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const sampleRates: Record<number, readonly number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/** One parsed Layer III frame header. */
interface FrameHeader {
  length: number;
  sampleRate: number;
  samples: number;
  /** Offset of the Xing/Info tag from the frame start (after the side information). */
  xingOffset: number;
}

/**
 * Reads the Layer III frame header at `offset`, or `undefined` when there is none. Only
 * Layer III is read: ElevenLabs' `mp3_*` formats are MPEG-1/2 Layer III.
 */
export function readFrameHeader(bytes: Uint8Array, offset: number): FrameHeader | undefined {
  if (offset + 4 > bytes.length) return undefined;
  const b1 = bytes[offset + 1] as number;
  const b2 = bytes[offset + 2] as number;
  const b3 = bytes[offset + 3] as number;
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = (b1 >> 3) & 3;
  if (version === 1 || ((b1 >> 1) & 3) !== 1) return undefined;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const mpeg1 = version === 3;
  const bitrate = (mpeg1 ? bitratesMpeg1 : bitratesMpeg2)[bitrateIndex] as number;
  const sampleRate = sampleRates[version]?.[rateIndex] as number;
  const padding = (b2 >> 1) & 1;
  const mono = b3 >> 6 === 3;
  const length = Math.floor(((mpeg1 ? 144_000 : 72_000) * bitrate) / sampleRate) + padding;
  const sideInformation = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  return { length, sampleRate, samples: mpeg1 ? 1152 : 576, xingOffset: 4 + sideInformation };
}

/**
 * Extracts the audio frames of an MP3 file so several files can be joined into one stream:
 * skips a leading ID3v2 tag, drops a Xing/Info/VBRI header frame (its frame count would be
 * wrong for the joined file), stops at an ID3v1 tag, and resynchronizes over stray bytes.
 */
export function readMp3Frames(bytes: Uint8Array): Mp3Frames {
  const kept: Uint8Array[] = [];
  let offset = skipId3v2(bytes);
  let frameCount = 0;
  let sampleRate = 0;
  let samples = 0;
  let total = 0;
  let first = true;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] === 0x54 && bytes[offset + 1] === 0x41 && bytes[offset + 2] === 0x47) break; // "TAG"
    const header = readFrameHeader(bytes, offset);
    if (!header || offset + header.length > bytes.length) {
      offset += 1;
      continue;
    }
    const frame = bytes.subarray(offset, offset + header.length);
    offset += header.length;
    if (first && isInfoFrame(frame, header)) {
      first = false;
      continue;
    }
    first = false;
    if (sampleRate === 0) sampleRate = header.sampleRate;
    kept.push(frame);
    total += frame.length;
    frameCount += 1;
    samples += header.samples;
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const frame of kept) {
    data.set(frame, at);
    at += frame.length;
  }
  return { data, frameCount, sampleRate, durationMs: sampleRate > 0 ? (samples * 1000) / sampleRate : 0 };
}

function skipId3v2(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0; // "ID3"
  const size =
    (((bytes[6] as number) & 0x7f) << 21) |
    (((bytes[7] as number) & 0x7f) << 14) |
    (((bytes[8] as number) & 0x7f) << 7) |
    ((bytes[9] as number) & 0x7f);
  const footer = ((bytes[5] as number) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

function isInfoFrame(frame: Uint8Array, header: FrameHeader): boolean {
  const tag = (at: number) => String.fromCharCode(...frame.subarray(at, at + 4));
  const xing = tag(header.xingOffset);
  return xing === 'Xing' || xing === 'Info' || tag(36) === 'VBRI';
}
