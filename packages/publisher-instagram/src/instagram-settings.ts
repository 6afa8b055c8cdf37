import { complianceDefaults, type MediaRef, parseConfig } from '@reelsmith/core';
import { z } from 'zod';
import { type InstagramLimits, type InstagramPollSettings, instagramDefaults } from './instagram-defaults.js';

/** The access token, or a function that returns a current one (e.g. `tokens.instagramToken('instagram')`). */
export type InstagramAccessToken = string | (() => string | Promise<string>);

/** How `adaptCaption` writes the caption. */
export interface InstagramCaptionSettings {
  /** The program disclosure kept through any shortening; `false` when your profile carries it. Default: core's Associates statement. */
  disclosure?: string | false;
  /** The ad marker kept next to the disclosure; `false` to leave it out. Default `#ad`. */
  adMarker?: string | false;
  /** Written after "Link in bio" for an affiliate link. Default `(paid link)`. */
  linkLabel?: string;
  /** What replaces raw URLs (captions have no clickable links). Default `Link in bio`. */
  linkInBio?: string;
  /** Adds `draft.metadata.callToAction` as a line when the caption lacks it. Default true. */
  callToAction?: boolean;
  /** Prefix of the last caption line that carries the publish marker. Default `ref:`. */
  markerPrefix?: string;
}

/** Options of {@link createInstagramPublisher}. */
export interface InstagramPublisherOptions {
  /** The Instagram professional account's IG user id (numeric). */
  igUserId: string;
  /** A long-lived token, or a function returning the current one (called before each publish and after a 190). */
  accessToken: InstagramAccessToken;
  /** Graph API version. Default `v23.0` (see `instagramDefaults`). */
  graphVersion?: string;
  /** Graph host. Default `https://graph.facebook.com`; Instagram-Login tokens need `https://graph.instagram.com`. */
  graphUrl?: string;
  /** Resumable upload host. Default `https://rupload.facebook.com`. */
  ruploadUrl?: string;
  /** A public HTTPS URL Meta can download the video from; when absent, `media.publicUrl`, then a resumable upload. */
  videoUrl?: (ref: MediaRef) => Promise<string | undefined>;
  /** Status polling: first wait, growth, longest wait, time budget (ms). */
  poll?: Partial<InstagramPollSettings>;
  /** Platform limits merged over `instagramDefaults.limits` (date them when you change them). */
  limits?: Partial<InstagramLimits>;
  /** Also show the Reel in the profile grid. Default true. */
  shareToFeed?: boolean;
  /** Public JPEG cover (≤ 8 MB, 9:16). */
  coverUrl?: string;
  /** Cover frame, in ms from the start of the video (used when `coverUrl` is absent). */
  thumbOffset?: number;
  /** Caption writing. */
  caption?: InstagramCaptionSettings;
  /** Upload: bytes per rupload request (default: the rest of the file in one request) and attempts without progress. */
  upload?: { chunkBytes?: number; attempts?: number; timeoutMs?: number };
  /** `findExisting` without stored ids: pages of recent media scanned and their size. */
  scan?: { maxPages?: number; pageSize?: number };
  /** Time limit of one Graph request, in ms. Default 60 000. */
  timeoutMs?: number;
  /** The fetch to use. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
}

const functionSchema = <T>(what: string) =>
  z.custom<T>((value) => typeof value === 'function', `expected ${what}`);
const positiveMs = z.number().int().min(1).max(86_400_000);
const httpUrl = z.url({ protocol: /^https?$/ });

const optionsSchema = z.strictObject({
  igUserId: z.string().regex(/^\d+$/, 'expected the numeric IG user id'),
  accessToken: z.union([z.string().min(8), functionSchema<() => string | Promise<string>>('a function')]),
  graphVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'expected a version like v23.0')
    .default(instagramDefaults.graphVersion),
  graphUrl: httpUrl.default(instagramDefaults.graphUrl),
  ruploadUrl: httpUrl.default(instagramDefaults.ruploadUrl),
  videoUrl: functionSchema<(ref: MediaRef) => Promise<string | undefined>>('a function').optional(),
  poll: z
    .strictObject({
      initialMs: positiveMs.optional(),
      factor: z.number().min(1).max(10).optional(),
      maxMs: positiveMs.optional(),
      budgetMs: positiveMs.optional(),
    })
    .optional(),
  limits: z
    .strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-24'),
      captionGraphemes: z.number().int().min(1).optional(),
      hashtags: z.number().int().min(0).optional(),
      mentions: z.number().int().min(0).optional(),
      minDurationMs: z.number().int().min(0).optional(),
      maxDurationMs: z.number().int().min(1).optional(),
      maxFileBytes: z.number().int().min(1).optional(),
      aspectRatio: z.number().positive().optional(),
      aspectTolerance: z.number().min(0).max(10).optional(),
      maxWidth: z.number().int().min(1).optional(),
      videoMediaTypes: z.array(z.string().min(1)).min(1).optional(),
    })
    .optional(),
  shareToFeed: z.boolean().default(true),
  coverUrl: z.url({ protocol: /^https$/ }).optional(),
  thumbOffset: z.number().int().min(0).optional(),
  caption: z
    .strictObject({
      disclosure: z.union([z.string().min(1), z.literal(false)]).optional(),
      adMarker: z.union([z.string().min(1), z.literal(false)]).optional(),
      linkLabel: z.string().optional(),
      linkInBio: z.string().min(1).optional(),
      callToAction: z.boolean().optional(),
      markerPrefix: z.string().min(1).max(20).optional(),
    })
    .optional(),
  upload: z
    .strictObject({
      chunkBytes: z.number().int().min(1).optional(),
      attempts: z.number().int().min(1).max(50).optional(),
      timeoutMs: positiveMs.optional(),
    })
    .optional(),
  scan: z
    .strictObject({
      maxPages: z.number().int().min(1).max(50).optional(),
      pageSize: z.number().int().min(1).max(100).optional(),
    })
    .optional(),
  timeoutMs: z.number().int().min(1).max(900_000).default(instagramDefaults.timeoutMs),
  fetch: functionSchema<typeof fetch>('a fetch function').optional(),
});

/** Fixes shown in `ConfigError` messages, by field. */
const hints: Record<string, string> = {
  igUserId:
    'pass the IG user id: GET /{page-id}?fields=instagram_business_account (Facebook Login) or GET /me?fields=user_id (Instagram Login)',
  accessToken:
    'pass a long-lived token or a function returning one, e.g. tokens.instagramToken("instagram") from @reelsmith/auth (run `reelsmith auth login instagram` first)',
  graphVersion: 'pass a Graph API version like `v23.0`',
  graphUrl:
    'pass https://graph.facebook.com (Facebook Login) or https://graph.instagram.com (Instagram Login)',
  ruploadUrl: 'pass https://rupload.facebook.com or leave it out',
  videoUrl: 'pass an async function (ref) => public HTTPS URL | undefined',
  coverUrl: 'pass a public HTTPS URL of a JPEG of at most 8 MB',
  thumbOffset: 'pass milliseconds from the start of the video, e.g. 1500',
  'limits.date': 'date your limit overrides with the day you read them, e.g. `2026-11-24`',
  timeoutMs: 'pass milliseconds from 1 to 900000 (default 60000)',
  fetch: 'pass a function with the signature of the global `fetch`',
};

/** Settings after validation, with defaults merged. */
export interface ResolvedInstagramSettings {
  igUserId: string;
  accessToken: InstagramAccessToken;
  graphVersion: string;
  graphUrl: string;
  ruploadUrl: string;
  videoUrl: ((ref: MediaRef) => Promise<string | undefined>) | undefined;
  poll: InstagramPollSettings;
  limits: InstagramLimits;
  shareToFeed: boolean;
  coverUrl: string | undefined;
  thumbOffset: number | undefined;
  caption: Required<InstagramCaptionSettings>;
  upload: { chunkBytes: number | undefined; attempts: number; timeoutMs: number };
  scan: { maxPages: number; pageSize: number };
  rateLimit: { fallbackMs: number; appUsageMs: number };
  timeoutMs: number;
  fetch: typeof fetch | undefined;
}

/** The caption settings with every default filled in. */
export function resolveCaptionSettings(
  caption: InstagramCaptionSettings = {},
): Required<InstagramCaptionSettings> {
  return {
    disclosure: caption.disclosure ?? complianceDefaults.disclosure,
    adMarker: caption.adMarker ?? complianceDefaults.marker,
    linkLabel: caption.linkLabel ?? complianceDefaults.linkLabel,
    linkInBio: caption.linkInBio ?? 'Link in bio',
    callToAction: caption.callToAction ?? true,
    markerPrefix: caption.markerPrefix ?? 'ref:',
  };
}

/** Validates options; throws a `ConfigError` naming each bad field and its fix. */
export function resolveInstagramSettings(options: InstagramPublisherOptions): ResolvedInstagramSettings {
  const parsed = parseConfig('createInstagramPublisher', optionsSchema, options, hints);
  return {
    igUserId: parsed.igUserId,
    accessToken: parsed.accessToken,
    graphVersion: parsed.graphVersion,
    graphUrl: parsed.graphUrl.replace(/\/+$/, ''),
    ruploadUrl: parsed.ruploadUrl.replace(/\/+$/, ''),
    videoUrl: parsed.videoUrl,
    poll: { ...instagramDefaults.poll, ...definedOnly(parsed.poll ?? {}) },
    limits: { ...instagramDefaults.limits, ...definedOnly(parsed.limits ?? {}) },
    shareToFeed: parsed.shareToFeed,
    coverUrl: parsed.coverUrl,
    thumbOffset: parsed.thumbOffset,
    caption: resolveCaptionSettings(parsed.caption),
    upload: {
      chunkBytes: parsed.upload?.chunkBytes,
      attempts: parsed.upload?.attempts ?? instagramDefaults.uploadAttempts,
      timeoutMs: parsed.upload?.timeoutMs ?? instagramDefaults.uploadTimeoutMs,
    },
    scan: { ...instagramDefaults.scan, ...definedOnly(parsed.scan ?? {}) },
    rateLimit: { ...instagramDefaults.rateLimit },
    timeoutMs: parsed.timeoutMs,
    fetch: parsed.fetch,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
