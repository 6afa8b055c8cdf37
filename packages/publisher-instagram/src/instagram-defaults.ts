/** Platform limits a Reel and its caption must meet (vendor facts: they change). */
export interface InstagramLimits {
  /** The day (YYYY-MM-DD) these limits were read. */
  date: string;
  /** Caption length, in graphemes (an emoji counts once). */
  captionGraphemes: number;
  /** Hashtags per caption, `#ad` included. */
  hashtags: number;
  /** `@mentions` per caption. */
  mentions: number;
  minDurationMs: number;
  maxDurationMs: number;
  /** Largest video file, in bytes. */
  maxFileBytes: number;
  /** Width over height the Reels tab shows uncropped (9:16). */
  aspectRatio: number;
  /** How far `width / height` may be from `aspectRatio`, relative (0.02 = 2 %). */
  aspectTolerance: number;
  /** Widest frame accepted, in pixels. */
  maxWidth: number;
  /** Media types of the video file Instagram accepts. */
  videoMediaTypes: readonly string[];
}

/** How the publisher waits for a container to finish processing. */
export interface InstagramPollSettings {
  /** First wait between status checks, in ms. */
  initialMs: number;
  /** Each wait is the previous one times this. */
  factor: number;
  /** Longest wait between two checks, in ms. */
  maxMs: number;
  /** Total time a publish call spends polling before it gives up (the container is kept), in ms. */
  budgetMs: number;
}

/**
 * Instagram Graph API facts, read on `asOf` from the contracts sheet (section 7) and Meta's
 * content-publishing reference. Every value is overridable through `createInstagramPublisher`;
 * re-check them before a release.
 *
 * - `graphVersion`: Graph API versions expire about two years after release.
 * - `limits.hashtags`: the API documents 30; Instagram announced 5 per Reel in Dec 2025.
 * - `limits.maxDurationMs`: 15 min (older docs: 90 s); `maxFileBytes`: 300 MB (some docs say 1 GB).
 * - `poll`: Meta suggests once a minute for 5 minutes; 5 s → 10 s → 20 s → 30 s within 10 min works in practice.
 * - `rateLimit.appUsageMs`: the app-level window is a rolling hour; `X-App-Usage` gives no time, so wait this long.
 */
export const instagramDefaults = {
  asOf: '2026-11-24',
  graphVersion: 'v23.0',
  graphUrl: 'https://graph.facebook.com',
  ruploadUrl: 'https://rupload.facebook.com',
  /** Instagram-Login tokens (`IGAA…`) work only on this host, and it has no resumable upload. */
  instagramLoginGraphUrl: 'https://graph.instagram.com',
  limits: {
    date: '2026-11-24',
    captionGraphemes: 2200,
    hashtags: 5,
    mentions: 20,
    minDurationMs: 3_000,
    maxDurationMs: 15 * 60_000,
    maxFileBytes: 300 * 1024 * 1024,
    aspectRatio: 9 / 16,
    aspectTolerance: 0.02,
    maxWidth: 1920,
    videoMediaTypes: ['video/mp4', 'video/quicktime'],
  } satisfies InstagramLimits,
  poll: { initialMs: 5_000, factor: 2, maxMs: 30_000, budgetMs: 10 * 60_000 } satisfies InstagramPollSettings,
  rateLimit: {
    /** Wait suggested for a rate limit answer without any usage header, in ms. */
    fallbackMs: 60_000,
    /** Wait suggested when `X-App-Usage` shows a limit at 100 %, in ms. */
    appUsageMs: 10 * 60_000,
  },
  /** `findExisting` without stored ids scans this many pages of recent media, this many per page. */
  scan: { maxPages: 4, pageSize: 25 },
  /** Time limit of one Graph request, in ms. */
  timeoutMs: 60_000,
  /** Time limit of one upload request to rupload, in ms. */
  uploadTimeoutMs: 30 * 60_000,
  /** Upload attempts in a row that move no byte before the publish gives up. */
  uploadAttempts: 5,
} as const;
