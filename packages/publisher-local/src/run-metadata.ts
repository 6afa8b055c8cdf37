import type { Product, PublishDraft } from '@reelsmith/core';

/**
 * A draft with optional extra metadata (costs, timings, provider per phase, per-platform
 * captions…) that the pipeline passes through to `metadata.json` and the preview page.
 */
export type LocalPublishDraft = PublishDraft & { metadata?: Record<string, unknown> };

/** A media file in the folder. */
export interface RunFile {
  file: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** The fields of `metadata.json` the publisher itself writes. Extra metadata sits beside them. */
export interface RunMetadata {
  /** Format of this file. */
  format: typeof metadataFormat;
  marker: string;
  platform: string;
  publisher: string;
  /** ISO timestamp. */
  publishedAt: string;
  title: string;
  description: string;
  tags: string[];
  /** The tags as hashtags (`#kettle`). */
  hashtags: string[];
  links: string[];
  video: RunFile & { durationMs: number; width: number; height: number };
  thumbnail?: RunFile;
  product?: ProductSummary;
  [extra: string]: unknown;
}

/** What `metadata.json` keeps of the product. */
export type ProductSummary = Pick<
  Product,
  'title' | 'brand' | 'asin' | 'price' | 'rating' | 'reviewCount' | 'category' | 'url' | 'affiliateUrl'
>;

/** The `format` of every `metadata.json` this package writes. */
export const metadataFormat = 'reelsmith.publisher-local/1';

/** What {@link buildRunMetadata} needs besides the draft. */
export interface RunMetadataContext {
  platform: string;
  publisher: string;
  publishedAt: string;
  video: RunFile;
  thumbnail?: RunFile;
  /** Metadata from the settings; the draft's own `metadata` wins per key. */
  settingsMetadata: Record<string, unknown>;
}

/**
 * Builds `metadata.json`: extra metadata (settings, then the draft's) first, then the
 * publisher's own fields, which always win, so `marker` stays what `findExisting` looks for.
 */
export function buildRunMetadata(draft: LocalPublishDraft, context: RunMetadataContext): RunMetadata {
  const product = draft.product ? summarizeProduct(draft.product) : undefined;
  return {
    ...context.settingsMetadata,
    ...(draft.metadata ?? {}),
    format: metadataFormat,
    marker: draft.marker,
    platform: context.platform,
    publisher: context.publisher,
    publishedAt: context.publishedAt,
    title: draft.title,
    description: draft.description,
    tags: [...draft.tags],
    hashtags: draft.tags.map(toHashtag).filter((tag) => tag !== '#'),
    links: [...(draft.links ?? [])],
    video: { ...context.video, durationMs: draft.durationMs, width: draft.width, height: draft.height },
    ...(context.thumbnail ? { thumbnail: context.thumbnail } : {}),
    ...(product ? { product } : {}),
  };
}

/** Reads the marker and time of a `metadata.json` text; undefined when it is not one of ours. */
export function readRunMarker(text: string): { marker: string; publishedAt: string } | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<RunMetadata> | null;
    if (typeof parsed?.marker !== 'string' || typeof parsed.publishedAt !== 'string') return undefined;
    return { marker: parsed.marker, publishedAt: parsed.publishedAt };
  } catch {
    return undefined;
  }
}

/** `Kitchen Gadgets` → `#KitchenGadgets`; an existing `#` is kept once. */
export function toHashtag(tag: string): string {
  return `#${tag.replace(/^#+/, '').replace(/\s+/g, '')}`;
}

// ---------------------------------------------------------------------------------------------

function summarizeProduct(product: Product): ProductSummary {
  const summary: Record<string, unknown> = {};
  for (const key of [
    'title',
    'brand',
    'asin',
    'price',
    'rating',
    'reviewCount',
    'category',
    'url',
    'affiliateUrl',
  ] as const) {
    if (product[key] !== undefined) summary[key] = product[key];
  }
  return summary as ProductSummary;
}
