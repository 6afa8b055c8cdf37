import { parseConfig } from '@reelsmith/core';
import { z } from 'zod';
import type { YouTubeAuthClient } from './auth-headers.js';
import { createMemoryQuotaStore, type YouTubeQuotaStore } from './quota-store.js';
import {
  defaultCategoryId,
  defaultChunkSize,
  defaultYouTubeLimits,
  defaultYouTubeQuota,
  uploadGranularity,
  type YouTubeLimits,
  type YouTubeQuotaCosts,
  type YouTubeQuotaTable,
  youTubeEndpoints,
} from './youtube-defaults.js';

/** Options of `createYouTubePublisher`. `auth`, `privacyStatus` and `selfDeclaredMadeForKids` are required. */
export interface YouTubePublisherOptions {
  /**
   * A Google OAuth client with the `youtube.upload` scope (plus `youtube` or `youtube.force-ssl`
   * for thumbnails and reconciliation), e.g. the `OAuth2Client` from `@reelsmith/auth` or
   * `google-auth-library`. Anything with `getRequestHeaders()` works; `refreshAccessToken()`,
   * when present, is called once after a 401.
   */
  auth: YouTubeAuthClient;
  /** Label of the channel or account, used in the publisher id `youtube:<account>`. Default `default`. */
  account?: string;
  /**
   * `public`, `unlisted` or `private`. Required on purpose: a wrong default either leaks a
   * video early or hides a campaign. Projects that have not passed Google's audit get every upload
   * locked to private; the result then carries a warning.
   */
  privacyStatus: 'public' | 'unlisted' | 'private';
  /**
   * Whether the videos are made for kids (COPPA). Required: YouTube holds uploads without it
   * in Studio until someone answers, so a Short never goes live on its own.
   */
  selfDeclaredMadeForKids: boolean;
  /** `status.containsSyntheticMedia`: realistic AI-generated visuals or voice. Default `true` (Reelsmith renders AI images and voices). */
  containsSyntheticMedia?: boolean;
  /** `snippet.categoryId`. Default `22` (People & Blogs); `26` Howto & Style, `28` Science & Technology. */
  categoryId?: string;
  /** Tags added after the draft's tags. */
  tags?: string[];
  /** `snippet.defaultLanguage` (BCP-47, e.g. `en`). */
  defaultLanguage?: string;
  /** `snippet.defaultAudioLanguage` (BCP-47). */
  defaultAudioLanguage?: string;
  /** `notifySubscribers` query parameter. Default: YouTube's own (true). */
  notifySubscribers?: boolean;
  /** Require Shorts: vertical or square and at most `limits.shortsMaxDurationMs`. Default `true`. */
  requireShorts?: boolean;
  /** Quota accounting: figures of your project and where the daily counter lives. */
  quota?: YouTubeQuotaOptions;
  /** Platform limits merged over the dated defaults (`date` names the new figures' date). */
  limits?: Partial<YouTubeLimits> & { date: string };
  /** Bytes per upload request; a multiple of 256 KiB. Default 8 MiB. */
  chunkSize?: number;
  /** Metadata API origin. Default `https://www.googleapis.com`. */
  baseUrl?: string;
  /** Upload API base. Default `https://www.googleapis.com/upload`. */
  uploadUrl?: string;
  /** Time limit of each request (one chunk, one metadata call), in ms. Default 120 000. */
  timeoutMs?: number;
  /** Consecutive failed upload requests (5xx, dropped, timed out) resumed before giving up. Default 5. */
  maxUploadRetries?: number;
  /** First backoff delay between resumed upload requests, in ms (doubling, capped at 30 s, jittered). Default 1000. */
  retryBaseMs?: number;
  /** How long to wait for YouTube to finish processing before returning, in ms. Default 0: one status check right after the upload. */
  processingWaitMs?: number;
  /** Interval of the processing checks when `processingWaitMs` > 0, in ms. Default 5000. */
  processingPollMs?: number;
  /** How many recent uploads `findExisting` scans for the marker. Default 200. */
  findExistingMaxItems?: number;
  /** The fetch to use. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
  /** Clock, for tests of the quota day. Default `Date.now`. */
  now?: () => number;
}

/** Quota settings of {@link YouTubePublisherOptions}. */
export interface YouTubeQuotaOptions {
  /** Name of the Google Cloud project the OAuth client belongs to; the counter is per project. Default `default`. */
  project?: string;
  /** Units per day. Default 10 000. */
  dailyUnits?: number;
  /** Units per call, merged over the defaults. */
  costs?: Partial<YouTubeQuotaCosts>;
  /** Date (YYYY-MM-DD) of your figures, when you give any. */
  date?: string;
  /** Where the daily counter is kept. Default: in memory (see `createFileQuotaStore`). */
  store?: YouTubeQuotaStore;
}

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-05-01');
const units = z.number().int().min(0).max(10_000_000);
const languageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP-47 tag like en or en-US');

const optionsSchema = z.strictObject({
  auth: z.custom<YouTubeAuthClient>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { getRequestHeaders?: unknown }).getRequestHeaders === 'function',
    'expected a Google auth client with getRequestHeaders()',
  ),
  account: z
    .string()
    .regex(/^[A-Za-z0-9@._-]{1,64}$/, 'expected 1–64 letters, digits, @ . _ or -')
    .default('default'),
  privacyStatus: z.enum(['public', 'unlisted', 'private']),
  selfDeclaredMadeForKids: z.boolean(),
  containsSyntheticMedia: z.boolean().default(true),
  categoryId: z
    .string()
    .regex(/^\d{1,3}$/, 'expected a numeric category id like "22"')
    .default(defaultCategoryId),
  tags: z.array(z.string().min(1).max(100)).max(100).default([]),
  defaultLanguage: languageSchema.optional(),
  defaultAudioLanguage: languageSchema.optional(),
  notifySubscribers: z.boolean().optional(),
  requireShorts: z.boolean().default(true),
  quota: z
    .strictObject({
      project: z.string().min(1).max(200).default('default'),
      dailyUnits: units.optional(),
      costs: z
        .strictObject({
          videosInsert: units.optional(),
          thumbnailsSet: units.optional(),
          videosList: units.optional(),
          channelsList: units.optional(),
          playlistItemsList: units.optional(),
          searchList: units.optional(),
        })
        .optional(),
      date: dateSchema.optional(),
      store: z
        .custom<YouTubeQuotaStore>(
          (value) =>
            typeof value === 'object' &&
            value !== null &&
            typeof (value as YouTubeQuotaStore).used === 'function' &&
            typeof (value as YouTubeQuotaStore).add === 'function',
          'expected a quota store with used() and add()',
        )
        .optional(),
    })
    .default({ project: 'default' }),
  limits: z
    .strictObject({
      date: dateSchema,
      titleCharacters: z.number().int().min(1).optional(),
      descriptionBytes: z.number().int().min(100).optional(),
      tagCharacters: z.number().int().min(0).optional(),
      shortsMaxDurationMs: z.number().int().min(1000).optional(),
      maxFileBytes: z.number().int().min(1).optional(),
    })
    .optional(),
  chunkSize: z
    .number()
    .int()
    .min(uploadGranularity)
    .max(1024 * 1024 * 1024)
    .refine((value) => value % uploadGranularity === 0, 'must be a multiple of 262144 (256 KiB)')
    .default(defaultChunkSize),
  baseUrl: z.url({ protocol: /^https?$/ }).default(youTubeEndpoints.baseUrl),
  uploadUrl: z.url({ protocol: /^https?$/ }).default(youTubeEndpoints.uploadUrl),
  timeoutMs: z.number().int().min(1).max(3_600_000).default(120_000),
  maxUploadRetries: z.number().int().min(0).max(20).default(5),
  retryBaseMs: z.number().int().min(0).max(60_000).default(1_000),
  processingWaitMs: z.number().int().min(0).max(3_600_000).default(0),
  processingPollMs: z.number().int().min(1).max(600_000).default(5_000),
  findExistingMaxItems: z.number().int().min(1).max(20_000).default(200),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
  now: z.custom<() => number>((value) => typeof value === 'function', 'expected a function').optional(),
});

/** Options after validation, with defaults and dated tables merged. */
export interface ResolvedYouTubeOptions
  extends Omit<z.output<typeof optionsSchema>, 'quota' | 'limits' | 'now' | 'baseUrl' | 'uploadUrl'> {
  quotaProject: string;
  quotaTable: YouTubeQuotaTable;
  quotaStore: YouTubeQuotaStore;
  limits: YouTubeLimits;
  baseUrl: string;
  uploadUrl: string;
  now: () => number;
}

/** Fixes shown in `ConfigError` messages, by field. */
export const youTubeOptionHints: Record<string, string> = {
  auth:
    'pass an OAuth2Client (from @reelsmith/auth `tokens.googleClient(account)` or google-auth-library) with the youtube.upload scope, ' +
    'or any object with getRequestHeaders()',
  privacyStatus:
    "pass 'public', 'unlisted' or 'private' (there is no default, so a video is never published or hidden by accident)",
  selfDeclaredMadeForKids:
    'pass true or false: YouTube holds uploads without a "made for kids" answer in Studio, so the Short would never go live on its own',
  categoryId:
    'pass a numeric id, e.g. "22" (People & Blogs) or "26" (Howto & Style); list them with videoCategories.list',
  chunkSize: 'pass a multiple of 262144 (256 KiB), e.g. 8388608 (8 MiB)',
  baseUrl: 'pass the absolute API origin, e.g. https://www.googleapis.com',
  uploadUrl: 'pass the absolute upload base, e.g. https://www.googleapis.com/upload',
  timeoutMs: 'pass milliseconds from 1 to 3600000 (default 120000)',
  'quota.store':
    'pass createMemoryQuotaStore(), createFileQuotaStore(file) or an object with used() and add()',
  'limits.date': 'date your figures with the day you read them, e.g. 2026-05-01',
};

/** Validates options; throws a `ConfigError` naming each bad field and its fix. */
export function resolveYouTubeOptions(options: YouTubePublisherOptions): ResolvedYouTubeOptions {
  const parsed = parseConfig('createYouTubePublisher', optionsSchema, options, youTubeOptionHints);
  const { quota, limits, now, baseUrl, uploadUrl, ...rest } = parsed;
  const costs = { ...defaultYouTubeQuota.costs, ...definedOnly(quota.costs ?? {}) };
  return {
    ...rest,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    uploadUrl: uploadUrl.replace(/\/+$/, ''),
    quotaProject: quota.project,
    quotaTable: {
      date: quota.date ?? defaultYouTubeQuota.date,
      dailyUnits: quota.dailyUnits ?? defaultYouTubeQuota.dailyUnits,
      costs,
    },
    quotaStore: quota.store ?? createMemoryQuotaStore(),
    limits: { ...defaultYouTubeLimits, ...definedOnly(limits ?? {}) },
    now: now ?? Date.now,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
