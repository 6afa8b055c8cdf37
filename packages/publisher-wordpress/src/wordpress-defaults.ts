/**
 * Vendor facts about the WordPress REST API and typical hosts, as read on `asOf`. They change
 * (hosts raise or lower limits, WordPress adds statuses): every value can be overridden through
 * `createWordPressPublisher` options, and none is repeated as a constant elsewhere.
 */
export interface WordPressDefaults {
  /** The day (YYYY-MM-DD) these facts were checked. */
  asOf: string;
  /** The REST API prefix of a site with pretty permalinks. */
  restPrefix: string;
  /** The route namespace of core endpoints. */
  namespace: string;
  /**
   * Largest upload sent, in bytes. Many shared hosts cap uploads between 2 MiB and 128 MiB
   * (`upload_max_filesize`, `post_max_size`, nginx `client_max_body_size`); 64 MiB is a
   * common managed-host setting. Set it to your site's limit.
   */
  maxUploadBytes: number;
  /** Longest post title accepted by `validate` (WordPress stores any length; themes and feeds cut long ones). */
  maxTitleLength: number;
  /** Per-request time limit, in ms (large uploads on slow hosts take minutes). */
  timeoutMs: number;
  /** Internal retries of an idempotent or verified step after a transient failure. */
  retries: number;
  /** First backoff ceiling of those retries, in ms (full jitter, doubling). */
  retryBaseDelayMs: number;
  /** Statuses a post can be created with (`private` is left out: a private post has no public link). */
  statuses: readonly ['publish', 'draft', 'pending', 'future'];
  /** Media types WordPress allows by default for the video (its `upload_mimes` list). */
  videoMediaTypes: readonly string[];
  /** Media types WordPress allows by default for the thumbnail. */
  imageMediaTypes: readonly string[];
  /** The `per_page` maximum of collection endpoints. */
  maxPerPage: number;
}

/** The defaults in force. Dated: re-check before a release. */
export const wordpressDefaults: WordPressDefaults = Object.freeze({
  asOf: '2026-11-24',
  restPrefix: '/wp-json',
  namespace: '/wp/v2',
  maxUploadBytes: 64 * 1024 * 1024,
  maxTitleLength: 200,
  timeoutMs: 300_000,
  retries: 1,
  retryBaseDelayMs: 1_000,
  statuses: ['publish', 'draft', 'pending', 'future'] as const,
  videoMediaTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-m4v', 'video/ogg'],
  imageMediaTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  maxPerPage: 100,
});
