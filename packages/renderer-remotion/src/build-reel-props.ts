import type { Price } from '@reelsmith/core';
import type { ReelProps } from './remotion/reel-props.js';
import type { StagedAssets } from './stage-assets.js';
import { timelineEndMs, type ValidRenderInput } from './validate-render-input.js';

/** Ducked music plays at this share of `musicVolume` while words are spoken. */
export const duckingRatio = 0.3;

/** Builds the compositions' input props from a validated render input and its staged media. */
export function buildReelProps(
  input: ValidRenderInput,
  assets: StagedAssets,
  musicVolume: number,
  mode: ReelProps['mode'] = 'video',
): ReelProps {
  const durationMs = timelineEndMs(input.scenes);
  const { product } = input;
  return {
    width: input.width,
    height: input.height,
    fps: input.fps,
    durationInFrames: Math.max(1, Math.round((durationMs / 1000) * input.fps)),
    mode,
    scenes: input.scenes.map((scene, index) => ({
      image: assets.images[index]!,
      text: scene.text,
      startMs: scene.startMs,
      endMs: scene.endMs,
    })),
    voice: assets.voice,
    captions: input.captions.map(({ word, startMs, endMs }) => ({ word, startMs, endMs })),
    title: input.script.title,
    hook: input.script.hook,
    callToAction: input.script.callToAction,
    product: {
      title: product.title,
      ...(product.brand ? { brand: product.brand } : {}),
      ...(product.price ? { price: formatPrice(product.price) } : {}),
      ...(product.rating !== undefined ? { rating: product.rating } : {}),
      ...(product.reviewCount !== undefined ? { reviewCount: product.reviewCount } : {}),
      reviews: product.reviews.slice(0, 10).map((review) => ({
        text: review.text,
        ...(review.rating !== undefined ? { rating: review.rating } : {}),
        ...(review.author ? { author: review.author } : {}),
      })),
    },
    ...(assets.music
      ? { music: { src: assets.music, volume: musicVolume, duckedVolume: musicVolume * duckingRatio } }
      : {}),
  };
}

/** `$49.99`, `€12.50`: the currency's symbol in US English, or the code when it has none. */
export function formatPrice(price: Pick<Price, 'amount' | 'currency'>): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: price.currency }).format(
      price.amount,
    );
  } catch {
    return `${price.amount.toFixed(2)} ${price.currency}`;
  }
}
