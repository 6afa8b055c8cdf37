import sharp from 'sharp';
import type { ImageBytes } from '../shared/read-pixels.js';
import { black, mixColor, type Rgb } from './color-mix.js';

/** Raw RGBA pixels ready for a sharp composite. */
export interface RawLayer {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * The product photo cut to its visible part (transparent margins removed), resized to fit
 * `maxWidth`×`maxHeight` (never cropped), as raw RGBA. A photo with no transparency gets rounded
 * corners so it reads as a card, not a pasted rectangle.
 */
export async function productLayer(
  photo: ImageBytes,
  maxWidth: number,
  maxHeight: number,
): Promise<RawLayer> {
  const decoded = await sharp(photo)
    .rotate()
    .toColourspace('srgb')
    .ensureAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const full = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
  const box = visibleBox(full);
  const { data, info } = await sharp(full.data, {
    raw: { width: full.width, height: full.height, channels: 4 },
  })
    .extract(box)
    .resize(Math.max(1, maxWidth), Math.max(1, maxHeight), { fit: 'inside' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const layer = { data, width: info.width, height: info.height };
  if (isOpaque(layer)) roundCorners(layer, Math.round(Math.min(layer.width, layer.height) * 0.05));
  return layer;
}

/**
 * The bounding box of pixels that are not fully transparent, widened by a small margin so soft
 * edges (a photo's own blurred contact shadow) fade out instead of being cut; the whole image if
 * none.
 */
function visibleBox(layer: RawLayer): { left: number; top: number; width: number; height: number } {
  let left = layer.width;
  let top = layer.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < layer.height; y++) {
    for (let x = 0; x < layer.width; x++) {
      if ((layer.data[(y * layer.width + x) * 4 + 3] ?? 0) === 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return { left: 0, top: 0, width: layer.width, height: layer.height };
  const margin = Math.round(Math.max(layer.width, layer.height) * 0.02);
  left = Math.max(0, left - margin);
  top = Math.max(0, top - margin);
  right = Math.min(layer.width - 1, right + margin);
  bottom = Math.min(layer.height - 1, bottom + margin);
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * A soft drop shadow of `product`: its silhouette in a dark shade of `baseColor`, padded by
 * `pad` pixels on every side and blurred. Place it at the product's position minus `pad`.
 */
export async function shadowLayer(product: RawLayer, baseColor: Rgb, pad: number): Promise<RawLayer> {
  const width = product.width + pad * 2;
  const height = product.height + pad * 2;
  const shade = mixColor(baseColor, black, 0.82);
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const target = (y * width + x) * 4;
      data[target] = shade.r;
      data[target + 1] = shade.g;
      data[target + 2] = shade.b;
      const sourceX = x - pad;
      const sourceY = y - pad;
      if (sourceX < 0 || sourceY < 0 || sourceX >= product.width || sourceY >= product.height) continue;
      data[target + 3] = Math.round((product.data[(sourceY * product.width + sourceX) * 4 + 3] ?? 0) * 0.6);
    }
  }
  const blurred = await sharp(data, { raw: { width, height, channels: 4 } })
    .blur(Math.max(0.3, pad / 2.6))
    .raw({ depth: 'uchar' })
    .toBuffer();
  return { data: blurred, width, height };
}

function isOpaque(layer: RawLayer): boolean {
  for (let offset = 3; offset < layer.data.length; offset += 4) if (layer.data[offset] !== 255) return false;
  return true;
}

/** Clears the alpha outside a rounded rectangle, with a one-pixel antialiased edge. */
function roundCorners(layer: RawLayer, radius: number): void {
  if (radius < 2) return;
  for (let y = 0; y < radius; y++) {
    for (let x = 0; x < radius; x++) {
      const distance = Math.hypot(radius - x - 0.5, radius - y - 0.5);
      const coverage = Math.min(1, Math.max(0, radius - distance + 0.5));
      if (coverage >= 1) continue;
      for (const [cornerX, cornerY] of [
        [x, y],
        [layer.width - 1 - x, y],
        [x, layer.height - 1 - y],
        [layer.width - 1 - x, layer.height - 1 - y],
      ] as const) {
        const offset = (cornerY * layer.width + cornerX) * 4 + 3;
        layer.data[offset] = Math.round((layer.data[offset] ?? 0) * coverage);
      }
    }
  }
}
