import sharp, { type OverlayOptions } from 'sharp';
import { averageOfPixels } from '../shared/average-color.js';
import { type ImageBytes, readPixels } from '../shared/read-pixels.js';
import { captionBandSvg } from './caption-band.js';
import { black, cssColor, mixColor, type Rgb, white } from './color-mix.js';
import type { FrameLayout } from './frame-layout.js';
import { productLayer, shadowLayer } from './product-layers.js';

/** Options of {@link composeFrame}. */
export interface ComposeFrameOptions {
  width: number;
  height: number;
  /** Text of the caption band; none when blank or undefined. */
  caption: string | undefined;
  layout: FrameLayout;
  fontFamily: string;
  /** Opacity of the average-colour tint over the blurred background, 0–1. */
  tint: number;
  signal?: AbortSignal | undefined;
}

/** Background is blurred at this fraction of the frame size, then enlarged: fast and smooth. */
const backgroundScale = 1 / 10;
/** Colour used when the photo is fully transparent. */
const neutral: Rgb = { r: 128, g: 128, b: 128 };

/**
 * Composes one frame from a product photo: a blurred, colour-matched background cut from the
 * photo, the product centred with a soft drop shadow, and a caption band. Returns PNG bytes.
 * Checks `signal` between steps.
 */
export async function composeFrame(photo: ImageBytes, options: ComposeFrameOptions): Promise<Buffer> {
  const { width, height, layout, signal } = options;
  const sample = await readPixels(photo, 256);
  const average = averageOfPixels(sample.data, sample.width * sample.height);
  const base: Rgb = average.coverage > 0 ? { r: average.r, g: average.g, b: average.b } : neutral;
  signal?.throwIfAborted();

  const unit = Math.min(width, height * (9 / 16)) / 1080;
  const margin = Math.round(height * 0.025);
  const band = captionBandSvg(options.caption ?? '', {
    width,
    baseColor: base,
    fontFamily: options.fontFamily,
  });
  const bandTop = band
    ? Math.min(Math.round(height * layout.bandTop), height - band.height - margin)
    : height;
  const areaTop = Math.round(height * 0.07);
  const areaBottom = band ? bandTop - margin : Math.round(height * 0.93);
  const product = await productLayer(
    photo,
    Math.round(width * 0.8 * layout.productScale),
    Math.round((areaBottom - areaTop) * 0.92 * layout.productScale),
  );
  signal?.throwIfAborted();
  const pad = Math.max(4, Math.round(56 * unit));
  const shadow = await shadowLayer(product, base, pad);
  signal?.throwIfAborted();

  const smallWidth = Math.max(8, Math.round(width * backgroundScale));
  const smallHeight = Math.max(8, Math.round(height * backgroundScale));
  const background = await sharp(photo)
    .rotate()
    .flatten({ background: base })
    .resize(smallWidth, smallHeight, { fit: 'cover', position: layout.backgroundPosition })
    .blur(4.5)
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  signal?.throwIfAborted();

  const left = clamp(
    Math.round((width - product.width) / 2 + layout.offsetX * width),
    0,
    width - product.width,
  );
  const top = clamp(
    Math.round(areaTop + (areaBottom - areaTop - product.height) / 2 + layout.offsetY * height),
    0,
    height - product.height,
  );
  const drop = Math.round(pad * 0.45);
  const layers: OverlayOptions[] = [
    { input: Buffer.from(lightingSvg(width, height, base, layout, options.tint)) },
    {
      input: shadow.data,
      raw: { width: shadow.width, height: shadow.height, channels: 4 },
      left: clamp(left - pad, 0, Math.max(0, width - shadow.width)),
      top: clamp(top - pad + drop, 0, Math.max(0, height - shadow.height)),
    },
    { input: product.data, raw: { width: product.width, height: product.height, channels: 4 }, left, top },
  ];
  if (band) layers.push({ input: Buffer.from(band.svg), left: 0, top: bandTop });
  const frame = await sharp(background.data, {
    raw: { width: background.info.width, height: background.info.height, channels: background.info.channels },
  })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .composite(layers)
    .png({ compressionLevel: 6 })
    .toBuffer();
  signal?.throwIfAborted();
  return frame;
}

/** Tint, a top-to-bottom shade and a soft light behind the product, as one SVG overlay. */
function lightingSvg(width: number, height: number, base: Rgb, layout: FrameLayout, tint: number): string {
  const top = cssColor(mixColor(base, white, 0.2));
  const bottom = cssColor(mixColor(base, black, 0.55));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`,
    '<defs>',
    '<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1">',
    `<stop offset="0" stop-color="${top}" stop-opacity="0.25"/>`,
    `<stop offset="1" stop-color="${bottom}" stop-opacity="0.7"/>`,
    '</linearGradient>',
    `<radialGradient id="light" cx="${layout.lightX}" cy="${layout.lightY}" r="0.55">`,
    '<stop offset="0" stop-color="#ffffff" stop-opacity="0.32"/>',
    '<stop offset="1" stop-color="#ffffff" stop-opacity="0"/>',
    '</radialGradient>',
    '</defs>',
    `<rect width="${width}" height="${height}" fill="${cssColor(base)}" fill-opacity="${tint}"/>`,
    `<rect width="${width}" height="${height}" fill="url(#shade)"/>`,
    `<rect width="${width}" height="${height}" fill="url(#light)"/>`,
    '</svg>',
  ].join('');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
