import sharp from 'sharp';

/** Decoded 8-bit sRGB pixels with alpha, four bytes per pixel. */
export interface RgbaPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Bytes sharp can decode (PNG, JPEG, WebP, AVIF, GIF, TIFF, SVG). */
export type ImageBytes = Uint8Array;

/**
 * Decodes an image into 8-bit RGBA pixels, applying EXIF orientation and, when `maxSide` is
 * given, shrinking it (never enlarging) so its longer side is at most `maxSide`. Resizing
 * premultiplies alpha, so alpha-weighted averages survive it.
 */
export async function readPixels(bytes: ImageBytes, maxSide?: number): Promise<RgbaPixels> {
  let pipeline = sharp(bytes, { failOn: 'error' }).rotate().toColourspace('srgb').ensureAlpha();
  if (maxSide !== undefined) {
    pipeline = pipeline.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true });
  }
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return {
    data: toRgba(data, info.channels, info.width * info.height),
    width: info.width,
    height: info.height,
  };
}

function toRgba(data: Uint8Array, channels: number, pixels: number): Uint8Array {
  if (channels === 4) return data;
  const out = new Uint8Array(pixels * 4);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const source = pixel * channels;
    const grey = channels <= 2;
    out[pixel * 4] = data[source] ?? 0;
    out[pixel * 4 + 1] = grey ? (data[source] ?? 0) : (data[source + 1] ?? 0);
    out[pixel * 4 + 2] = grey ? (data[source] ?? 0) : (data[source + 2] ?? 0);
    out[pixel * 4 + 3] = channels === 2 ? (data[source + 1] ?? 255) : 255;
  }
  return out;
}
