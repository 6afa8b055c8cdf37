import type { ImageSizeTier } from './imagen-models.js';

/**
 * A dated price table: USD per returned image, by model id and size tier. Gemini image models
 * are billed per output token; the figures here are Google's per-image equivalents
 * (image tokens × the output-token price). Input tokens (prompt, reference photo) are not counted.
 */
export interface ImagenPriceTable {
  /** The day (YYYY-MM-DD) the prices were read. Returned as `cost.priceDate`. */
  date: string;
  /** USD per image, by model id, then by size tier. */
  perImage: Record<string, Partial<Record<ImageSizeTier, number>>>;
}

/**
 * The default prices, read on 2026-11-24 from the Gemini API and Vertex AI pricing pages
 * (see the contracts sheet, section 1.6). Prices change: override them with the `prices` setting.
 */
export const defaultImagenPrices: ImagenPriceTable = {
  date: '2026-11-24',
  perImage: {
    // $60 per 1M image output tokens: 1,120 tokens at 1K, 1,680 at 2K, 2,520 at 4K.
    'gemini-3.1-flash-image': { '1K': 0.067, '2K': 0.101, '4K': 0.151 },
    // $120 per 1M image output tokens: 1,120 tokens at 1K and 2K, 2,000 at 4K.
    'gemini-3-pro-image': { '1K': 0.134, '2K': 0.134, '4K': 0.24 },
    // $30 per 1M image output tokens: 1,290 tokens.
    'gemini-2.5-flash-image': { '1K': 0.039 },
    'imagen-4.0-fast-generate-001': { '1K': 0.02 },
    'imagen-4.0-generate-001': { '1K': 0.04, '2K': 0.04 },
    'imagen-4.0-ultra-generate-001': { '1K': 0.06, '2K': 0.06 },
  },
};

/**
 * Merges a user's table over the defaults: the user's `date` applies, and each model the user
 * lists replaces the default entry for that model.
 */
export function mergePrices(override: ImagenPriceTable | undefined): ImagenPriceTable {
  if (override === undefined) return defaultImagenPrices;
  return { date: override.date, perImage: { ...defaultImagenPrices.perImage, ...override.perImage } };
}

/** USD per image for `modelId` at `size`, or `undefined` when the table has no figure. */
export function pricePerImage(
  table: ImagenPriceTable,
  modelId: string,
  size: ImageSizeTier,
): number | undefined {
  return table.perImage[modelId]?.[size];
}

/** `unitUsd × quantity`, rounded to a millionth of a dollar (no float noise in the ledger). */
export function multiplyUsd(unitUsd: number, quantity: number): number {
  return Math.round(unitUsd * quantity * 1e6) / 1e6;
}
