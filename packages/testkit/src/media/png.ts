import { deflateSync } from 'node:zlib';

/** An RGBA colour, each channel 0–255. */
export type Rgba = readonly [red: number, green: number, blue: number, alpha?: number];

/** Options of {@link createPng}. */
export interface PngOptions {
  /** Pixels; default 4. */
  width?: number;
  /** Pixels; default 4. */
  height?: number;
  /** One colour for every pixel, or a colour per pixel. Default opaque mid grey. */
  color?: Rgba | ((x: number, y: number) => Rgba);
}

/**
 * Builds a valid, deterministic RGBA PNG (8 bits per channel, no interlace). Small by default,
 * for fake providers and msw handlers that must return real image bytes.
 *
 * @example
 * ```ts
 * const bytes = createPng({ width: 2, height: 2, color: [255, 0, 0] }); // a red 2×2 PNG
 * ```
 */
export function createPng(options: PngOptions = {}): Uint8Array {
  const width = options.width ?? 4;
  const height = options.height ?? 4;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(
      '[reelsmith/testkit] createPng: expected `width` and `height` to be positive integers.',
    );
  }
  const color = options.color ?? [128, 128, 128, 255];
  const pixelAt = typeof color === 'function' ? color : () => color;
  const rowLength = 1 + width * 4;
  const raw = new Uint8Array(rowLength * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * rowLength] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const [red, green, blue, alpha = 255] = pixelAt(x, y);
      raw.set([red, green, blue, alpha], y * rowLength + 1 + x * 4);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index += 1) out[4 + index] = type.charCodeAt(index);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE), as PNG chunks use. */
function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let value = n;
    for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    return value >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** @internal Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
