import { z } from 'zod';
import { parseConfig } from '../config/parse-config.js';
import { type CompliancePlatformRule, complianceDefaults } from './compliance-defaults.js';

/** Where product photos may appear. See {@link ComplianceOptions.productPhotos}. */
export type ProductPhotoUse = 'reference-only' | 'in-video' | 'verify-only';

const platformRuleSchema = z
  .object({
    limit: z.number().int().positive(),
    unit: z.enum(['graphemes', 'utf8-bytes']),
    links: z.enum(['inline', 'bio']),
    disclosure: z.union([z.string().min(1), z.literal(false)]),
    marker: z.union([z.string().min(1), z.literal(false)]),
  })
  .partial()
  .strict();

/** The compliance guard's settings (`createAffiliatePipeline({ compliance })`). Every field is optional. */
export const complianceOptionsSchema = z
  .object({
    enabled: z.boolean(),
    disclosure: z.string().min(1),
    marker: z.string().min(1),
    linkLabel: z.string().min(1),
    platforms: z.record(z.string(), platformRuleSchema),
    prices: z
      .object({ spoken: z.enum(['forbid', 'allow']), text: z.enum(['omit', 'with-date']) })
      .partial()
      .strict(),
    productPhotos: z.enum(['reference-only', 'in-video', 'verify-only']),
    ratings: z.object({ maxAgeHours: z.number().positive() }).partial().strict(),
    reviews: z
      .object({ copiedWords: z.number().int().min(3), quoteWords: z.number().int().min(0) })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/**
 * Settings of the compliance guard. The defaults follow the Amazon Associates rules and the
 * FTC's endorsement guides as of `complianceDefaults.asOf`; see the core README's "Compliance".
 */
export interface ComplianceOptions {
  /** `false` turns the guard off: you take over disclosures, prices and photo rights. Default `true`. */
  enabled?: boolean;
  /** The program statement; default the Amazon Associates sentence, word for word. */
  disclosure?: string;
  /** The ad marker; default `#ad`. */
  marker?: string;
  /** Written after each affiliate link; default `(paid link)`. */
  linkLabel?: string;
  /** Per-platform caption rules (limit, unit, link placement, disclosure and marker overrides). */
  platforms?: Record<string, Partial<CompliancePlatformRule>>;
  prices?: {
    /** `forbid` (default): a price in the voice-over is a violation — a video cannot be refreshed. */
    spoken?: 'forbid' | 'allow';
    /** `omit` (default): no price in captions; `with-date`: a price line stamped with its read time. */
    text?: 'omit' | 'with-date';
  };
  /**
   * How product photos may be used. Default `reference-only`: photos guide image generation and
   * the vision check but never appear in the video, because Amazon's licence does not cover
   * copying its images into your own media. `in-video` only for photos you have the rights to
   * (your own, a manufacturer's press kit). `verify-only`: not even sent to image generation.
   */
  productPhotos?: ProductPhotoUse;
  ratings?: { maxAgeHours?: number };
  reviews?: { copiedWords?: number; quoteWords?: number };
}

/** The guard's settings with defaults filled in. */
export interface ResolvedCompliance {
  enabled: boolean;
  disclosure: string;
  marker: string;
  linkLabel: string;
  prices: { spoken: 'forbid' | 'allow'; text: 'omit' | 'with-date' };
  productPhotos: ProductPhotoUse;
  ratingMaxAgeHours: number;
  copiedReviewWords: number;
  reviewQuoteWords: number;
  /** The rule for a platform, defaults merged with overrides. */
  platform(name: string): CompliancePlatformRule;
}

/** Checks `options` (a `ConfigError` names any bad field) and fills the defaults. */
export function resolveCompliance(options: ComplianceOptions = {}): ResolvedCompliance {
  parseConfig(
    'createAffiliatePipeline',
    complianceOptionsSchema,
    options,
    {
      'compliance.productPhotos':
        "use 'reference-only' (default), 'verify-only', or 'in-video' for photos you own",
      'compliance.prices.text': "use 'omit' (default) or 'with-date'",
      'compliance.prices.spoken': "use 'forbid' (default) or 'allow'",
    },
    'compliance',
  );
  const disclosure = options.disclosure ?? complianceDefaults.disclosure;
  const marker = options.marker ?? complianceDefaults.marker;
  const known = complianceDefaults.platforms as Record<
    string,
    Omit<CompliancePlatformRule, 'disclosure' | 'marker'>
  >;
  return {
    enabled: options.enabled ?? true,
    disclosure,
    marker,
    linkLabel: options.linkLabel ?? complianceDefaults.linkLabel,
    prices: { spoken: options.prices?.spoken ?? 'forbid', text: options.prices?.text ?? 'omit' },
    productPhotos: options.productPhotos ?? 'reference-only',
    ratingMaxAgeHours: options.ratings?.maxAgeHours ?? complianceDefaults.ratingMaxAgeHours,
    copiedReviewWords: options.reviews?.copiedWords ?? complianceDefaults.copiedReviewWords,
    reviewQuoteWords: options.reviews?.quoteWords ?? complianceDefaults.reviewQuoteWords,
    platform: (name) => ({
      ...(known[name] ?? complianceDefaults.otherPlatform),
      disclosure,
      marker,
      ...options.platforms?.[name],
    }),
  };
}
