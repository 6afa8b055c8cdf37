import type { CallWarning, Cost } from '@reelsmith/core';
import { type ImageModelPrice, type OpenAIPriceTable, roundUsd } from './openai-prices.js';

/** A cost and the warnings about it (a model missing from the price table). */
export interface PricedCost {
  cost: Cost;
  warnings: CallWarning[];
}

/** Token usage of an image answer (GPT image models). */
export interface ImageUsage {
  input_tokens?: number;
  input_tokens_details?: { text_tokens?: number; image_tokens?: number };
  output_tokens?: number;
}

function missingPrice(table: OpenAIPriceTable, section: string, model: string): CallWarning {
  return {
    type: 'other',
    message:
      `no ${section} price for \`${model}\` in the price table of ${table.date}; the cost is reported as 0. ` +
      'Add it with `createOpenAI({ prices })`',
  };
}

/** The cost of a chat call from its token usage. */
export function chatCost(
  table: OpenAIPriceTable,
  model: string,
  inputTokens: number,
  outputTokens: number,
): PricedCost {
  const price = table.chat[model];
  const base = { unit: 'token', quantity: inputTokens + outputTokens, priceDate: table.date };
  if (!price) return { cost: { usd: 0, ...base }, warnings: [missingPrice(table, 'chat', model)] };
  const usd = roundUsd(
    (inputTokens * price.inputPerMillionTokens + outputTokens * price.outputPerMillionTokens) / 1e6,
  );
  return { cost: { usd, ...base }, warnings: [] };
}

/** What an image call produced, for pricing. */
export interface ImageBill {
  /** The quality key of the price table: `low`/`medium`/`high` (GPT) or `standard`/`hd` (dall-e-3). */
  quality: string;
  size: string;
  count: number;
  usage?: ImageUsage | undefined;
}

/**
 * The cost of an image call: from the token usage when the answer has it and the table has
 * token rates (how OpenAI bills the GPT image models), otherwise per image.
 */
export function imageCost(table: OpenAIPriceTable, model: string, bill: ImageBill): PricedCost {
  const price = table.image[model];
  const base = { unit: 'image', quantity: bill.count, priceDate: table.date };
  if (price?.tokens && bill.usage && typeof bill.usage.output_tokens === 'number') {
    const textTokens = bill.usage.input_tokens_details?.text_tokens ?? bill.usage.input_tokens ?? 0;
    const imageTokens = bill.usage.input_tokens_details?.image_tokens ?? 0;
    const usd = roundUsd(
      (textTokens * price.tokens.textInputPerMillion +
        imageTokens * price.tokens.imageInputPerMillion +
        bill.usage.output_tokens * price.tokens.imageOutputPerMillion) /
        1e6,
    );
    return { cost: { usd, ...base }, warnings: [] };
  }
  const each = price ? perImagePrice(price, bill.quality, bill.size) : undefined;
  if (each === undefined)
    return { cost: { usd: 0, ...base }, warnings: [missingPrice(table, 'image', model)] };
  return { cost: { usd: roundUsd(each * bill.count), ...base }, warnings: [] };
}

/**
 * The per-image price for a quality and size. A size missing from the table is priced from the
 * entry of the closest aspect ratio, scaled by pixel count (flexible `gpt-image-2` sizes).
 */
export function perImagePrice(price: ImageModelPrice, quality: string, size: string): number | undefined {
  const sizes = price.perImage?.[quality];
  if (!sizes) return undefined;
  const exact = sizes[size];
  if (exact !== undefined) return exact;
  const wanted = parseSize(size);
  if (!wanted) return undefined;
  let best: { price: number; distance: number; pixels: number } | undefined;
  for (const [key, value] of Object.entries(sizes)) {
    const entry = parseSize(key);
    if (!entry) continue;
    const distance = Math.abs(Math.log(entry.width / entry.height) - Math.log(wanted.width / wanted.height));
    if (!best || distance < best.distance)
      best = { price: value, distance, pixels: entry.width * entry.height };
  }
  return best ? best.price * ((wanted.width * wanted.height) / best.pixels) : undefined;
}

/** The cost of a speech call: per minute of audio or per input character, as the table says. */
export function speechCost(
  table: OpenAIPriceTable,
  model: string,
  characters: number,
  durationMs: number,
): PricedCost {
  const price = table.speech[model];
  if (price?.perMinute !== undefined) {
    const minutes = durationMs / 60_000;
    return {
      cost: {
        usd: roundUsd(minutes * price.perMinute),
        unit: 'minute',
        quantity: minutes,
        priceDate: table.date,
      },
      warnings: [],
    };
  }
  const base = { unit: 'character', quantity: characters, priceDate: table.date };
  if (price?.perMillionCharacters === undefined) {
    return { cost: { usd: 0, ...base }, warnings: [missingPrice(table, 'speech', model)] };
  }
  return { cost: { usd: roundUsd((characters * price.perMillionCharacters) / 1e6), ...base }, warnings: [] };
}

/** `1024x1536` → `{ width: 1024, height: 1536 }`. */
export function parseSize(size: string): { width: number; height: number } | undefined {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return undefined;
  return { width: Number(match[1]), height: Number(match[2]) };
}
