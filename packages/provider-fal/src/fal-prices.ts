import type { Cost } from '@reelsmith/core';

/** The price of one model: USD per image, or per (started) megapixel of each image. */
export interface FalModelPrice {
  usd: number;
  per: 'image' | 'megapixel';
}

/** A dated fal price table. */
export interface FalPriceTable {
  /** The day (YYYY-MM-DD) these prices were read from fal.ai/pricing. */
  date: string;
  /** Pixels billed as one megapixel (fal counts 1024×1024 as 1 MP). */
  megapixel: number;
  /** Prices by model id. */
  models: Record<string, FalModelPrice>;
}

/**
 * fal's list prices on 2026-11-24 (volatile: fal changes them). Per-megapixel models are
 * billed per image, rounded up to whole megapixels. Override with `createFal({ prices })`.
 */
export const defaultFalPrices: FalPriceTable = {
  date: '2026-11-24',
  megapixel: 1024 * 1024,
  models: {
    'fal-ai/flux-pro/kontext': { usd: 0.04, per: 'image' },
    'fal-ai/flux-pro/kontext/max': { usd: 0.08, per: 'image' },
    'fal-ai/flux-kontext/dev': { usd: 0.025, per: 'megapixel' },
    'fal-ai/flux/dev/image-to-image': { usd: 0.025, per: 'megapixel' },
    'fal-ai/flux-lora/image-to-image': { usd: 0.035, per: 'megapixel' },
  },
};

/** Pixel size of one image, for per-megapixel prices. */
export interface ImageArea {
  width: number;
  height: number;
}

/**
 * The cost of `images` under `price`, dated with the table's date. Per-megapixel prices are
 * charged per image on its megapixels rounded up. Returns `undefined` when the model has no price.
 */
export function priceImages(
  table: FalPriceTable,
  price: FalModelPrice | undefined,
  images: readonly ImageArea[],
): Cost | undefined {
  if (price === undefined) return undefined;
  if (price.per === 'image') {
    return {
      usd: roundUsd(price.usd * images.length),
      unit: 'image',
      quantity: images.length,
      priceDate: table.date,
    };
  }
  const megapixels = images.reduce(
    (sum, image) => sum + Math.max(1, Math.ceil((image.width * image.height) / table.megapixel)),
    0,
  );
  return {
    usd: roundUsd(price.usd * megapixels),
    unit: 'megapixel',
    quantity: megapixels,
    priceDate: table.date,
  };
}

/** Rounds to a millionth of a dollar, so `0.025 × 3` is `0.075`, not `0.07500000000000001`. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
