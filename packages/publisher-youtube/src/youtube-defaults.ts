/**
 * Vendor facts of the YouTube Data API v3, dated. Every figure here is volatile: Google changes
 * quotas and limits without a new API version. Each one can be overridden through the options of
 * `createYouTubePublisher` (`quota`, `limits`, `baseUrl`, `uploadUrl`), so a change at Google is a
 * config change, not a release. Re-check them before a release (Cloud Console › Quotas,
 * developers.google.com/youtube/v3/determine_quota_cost, …/docs/videos).
 */

/** Quota units per API call, as listed by Google's quota calculator. */
export interface YouTubeQuotaCosts {
  /** `videos.insert` (one resumable upload, however many chunks). Historically 1,600. */
  videosInsert: number;
  /** `thumbnails.set`. */
  thumbnailsSet: number;
  /** `videos.list` (the processing check and reconciliation by id). */
  videosList: number;
  /** `channels.list` (the uploads playlist of the channel). */
  channelsList: number;
  /** `playlistItems.list` (one page of the uploads playlist). */
  playlistItemsList: number;
  /** `search.list`. Not used by this publisher (it reads the uploads playlist instead), kept for accounting tools. */
  searchList: number;
}

/** The quota facts a project runs under. */
export interface YouTubeQuotaTable {
  /** The date (YYYY-MM-DD) the figures were read. */
  date: string;
  /** Units per project per day; the day resets at midnight Pacific time. */
  dailyUnits: number;
  /** Units per call. */
  costs: YouTubeQuotaCosts;
}

/** Platform limits checked by `validate()` before any byte is sent. */
export interface YouTubeLimits {
  /** The date (YYYY-MM-DD) the figures were read. */
  date: string;
  /** `snippet.title`: characters. */
  titleCharacters: number;
  /** `snippet.description`: UTF-8 bytes, the reconciliation line included. */
  descriptionBytes: number;
  /** `snippet.tags[]`: characters in total (a tag with spaces counts its quotes, commas count). */
  tagCharacters: number;
  /** Longest video YouTube classifies as a Short, in milliseconds (raised from 60 s in October 2024). */
  shortsMaxDurationMs: number;
  /** Largest upload, in bytes (256 GB). */
  maxFileBytes: number;
}

/** Quota figures as of the date in the table (10,000 units a day; `videos.insert` 1,600). */
export const defaultYouTubeQuota: YouTubeQuotaTable = Object.freeze({
  date: '2026-05-01',
  dailyUnits: 10_000,
  costs: Object.freeze({
    videosInsert: 1_600,
    thumbnailsSet: 50,
    videosList: 1,
    channelsList: 1,
    playlistItemsList: 1,
    searchList: 100,
  }),
});

/** Metadata and file limits as of the date in the table. */
export const defaultYouTubeLimits: YouTubeLimits = Object.freeze({
  date: '2026-05-01',
  titleCharacters: 100,
  descriptionBytes: 5_000,
  tagCharacters: 500,
  shortsMaxDurationMs: 180_000,
  maxFileBytes: 256 * 1024 ** 3,
});

/** Where requests go, and protocol constants. */
export const youTubeEndpoints = Object.freeze({
  /** API version used in every path. */
  apiVersion: 'v3',
  /** Metadata calls: `<baseUrl>/youtube/v3/...`. */
  baseUrl: 'https://www.googleapis.com',
  /** Media uploads: `<uploadUrl>/youtube/v3/videos`, `<uploadUrl>/youtube/v3/thumbnails/set`. */
  uploadUrl: 'https://www.googleapis.com/upload',
  /** Where a published Short is shown. */
  watchUrl: 'https://www.youtube.com/shorts/',
});

/** Chunks of a resumable upload must be a multiple of this (except the last one). */
export const uploadGranularity = 256 * 1024;

/** Default chunk size: 8 MiB (32 × 256 KiB). */
export const defaultChunkSize = 8 * 1024 * 1024;

/** Default category: 22 "People & Blogs" (valid in every region). */
export const defaultCategoryId = '22';

/** The time zone YouTube's daily quota resets in. */
export const quotaTimeZone = 'America/Los_Angeles';
