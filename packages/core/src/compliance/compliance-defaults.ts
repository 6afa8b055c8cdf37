import type { LengthUnit } from './graphemes.js';

/** How the guard writes captions for one platform. */
export interface CompliancePlatformRule {
  /** Caption length limit, in `unit`. */
  limit: number;
  unit: LengthUnit;
  /** `inline`: the link goes in the text; `bio`: the platform has no clickable caption links ("link in bio"). */
  links: 'inline' | 'bio';
  /** The program disclosure; `false` leaves it out on this platform (only if it is in your profile). */
  disclosure: string | false;
  /** The ad marker next to the link; `false` leaves it out. */
  marker: string | false;
}

/**
 * The guard's defaults. Platform limits are vendor facts and change: these were read on
 * `asOf`; override any of them with `compliance.platforms`.
 */
export const complianceDefaults = {
  asOf: '2026-11-24',
  /** The statement the Amazon Associates Program requires, word for word. */
  disclosure: 'As an Amazon Associate I earn from qualifying purchases.',
  /** The FTC-style marker. */
  marker: '#ad',
  /** Written after every affiliate link. */
  linkLabel: '(paid link)',
  platforms: {
    youtube: { limit: 5000, unit: 'utf8-bytes', links: 'inline' },
    instagram: { limit: 2200, unit: 'graphemes', links: 'bio' },
    tiktok: { limit: 2200, unit: 'graphemes', links: 'bio' },
    wordpress: { limit: 100_000, unit: 'graphemes', links: 'inline' },
  } satisfies Record<string, Pick<CompliancePlatformRule, 'limit' | 'unit' | 'links'>>,
  /** Any other platform (a custom publisher, the local folder). */
  otherPlatform: { limit: 5000, unit: 'graphemes', links: 'inline' } as const,
  /** Ratings older than this are not shown in the video. */
  ratingMaxAgeHours: 24,
  /** This many consecutive words from a customer review count as copying it. */
  copiedReviewWords: 8,
  /** Review quotes shown in the video are cut to this many words and attributed. */
  reviewQuoteWords: 20,
} as const;
