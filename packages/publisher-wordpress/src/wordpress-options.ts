import { ConfigError, type PublishDraft, parseConfig, registerSecret } from '@reelsmith/core';
import { z } from 'zod';
import type { PostTemplate } from './render-post.js';
import { wordpressDefaults } from './wordpress-defaults.js';

/** Post statuses the publisher creates posts with. */
export type WordPressPostStatus = 'publish' | 'draft' | 'pending' | 'future';

/** Options of {@link createWordPressPublisher}. */
export interface WordPressPublisherOptions {
  /**
   * The site's address, e.g. `https://blog.example.com` (a sub-folder install keeps its path:
   * `https://example.com/blog`). HTTPS is required: WordPress only offers Application Passwords
   * over HTTPS. Plain `http://` is accepted for loopback hosts (`localhost`, `127.0.0.1`, `[::1]`).
   */
  siteUrl: string;
  /** The WordPress **login name** (or e-mail) of the account, not the Application Password's label. */
  username: string;
  /**
   * An Application Password (Users › Profile › Application Passwords), as WordPress shows it:
   * 24 letters and digits, in groups of four (`abcd EFGH 1234 …`; spaces optional).
   * It is registered as a secret and never appears in errors, events or logs.
   */
  applicationPassword: string;
  /** Status of new posts. Default `publish`. `future` needs {@link WordPressPublisherOptions.scheduleAt}. */
  status?: WordPressPostStatus;
  /** When a `future` post goes live: a Date or ISO string per draft. */
  scheduleAt?: (draft: PublishDraft) => Date | string;
  /** Category names for every post; missing ones are created (needs `manage_categories`, Editor or above). */
  categories?: string[];
  /** Tag names for every post; missing ones are created. */
  tags?: string[];
  /** Also tag posts with the draft's hashtags. Default `true`. */
  useDraftTags?: boolean;
  /** User id to publish as (needs `edit_others_posts` when it is not the authenticated user). */
  author?: number;
  /** Replaces the post HTML builder; the marker comment is added when the template leaves it out. */
  template?: PostTemplate;
  /** Shown at the top of posts with an affiliate link; `false` leaves it out. Default: Amazon's wording from core. */
  disclosure?: string | false;
  /** Largest upload, in bytes. Default {@link wordpressDefaults}.maxUploadBytes (dated). */
  maxUploadBytes?: number;
  /**
   * Where the REST API lives. Default `/wp-json` (pretty permalinks). Sites with plain permalinks
   * answer only on `/?rest_route=/wp/v2/…`: pass `'?rest_route='` for them. Another prefix
   * (`/api`) works when the site changed `rest_url_prefix`.
   */
  restPrefix?: string;
  /** Time limit of each request, in ms. Default 300 000. */
  timeoutMs?: number;
  /** Internal retries of a step that is safe to repeat (reads, verified creates). Default 1. */
  retries?: number;
  /** Turns a marker into the post slug, the key `findExisting` looks posts up by. Default: the marker itself. */
  slugFromMarker?: (marker: string) => string;
  /** The fetch to use. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
}

/** Options after validation, with defaults filled. */
export interface ResolvedWordPressOptions {
  /** Site base URL without a trailing slash. */
  siteUrl: string;
  host: string;
  username: string;
  /** `Basic <base64>` header value. */
  authorization: string;
  status: WordPressPostStatus;
  scheduleAt: ((draft: PublishDraft) => Date | string) | undefined;
  categories: string[];
  tags: string[];
  useDraftTags: boolean;
  author: number | undefined;
  template: PostTemplate | undefined;
  disclosure: string | false | undefined;
  maxUploadBytes: number;
  restPrefix: string;
  timeoutMs: number;
  retries: number;
  slugFromMarker: (marker: string) => string;
  fetch: typeof fetch | undefined;
}

const fn = <T>(label: string) =>
  z.custom<T>((value) => typeof value === 'function', `expected ${label}`).optional();

const schema = z.strictObject({
  siteUrl: z.url({ protocol: /^https?$/ }),
  username: z
    .string()
    .trim()
    .min(1)
    .refine((value) => !value.includes(':'), 'a WordPress login name cannot contain ":"'),
  applicationPassword: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .refine((value) => /^[A-Za-z0-9]{24}$/.test(value), 'expected 24 letters and digits (spaces optional)'),
  status: z.enum(wordpressDefaults.statuses).default('publish'),
  scheduleAt: fn<(draft: PublishDraft) => Date | string>('a function returning a Date or ISO string'),
  categories: z.array(z.string().trim().min(1).max(200)).default([]),
  tags: z.array(z.string().trim().min(1).max(200)).default([]),
  useDraftTags: z.boolean().default(true),
  author: z.number().int().positive().optional(),
  template: fn<PostTemplate>('a function (draft, context) => html'),
  disclosure: z.union([z.string().trim().min(1), z.literal(false)]).optional(),
  maxUploadBytes: z.number().int().min(1).default(wordpressDefaults.maxUploadBytes),
  restPrefix: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~/-]*|\?rest_route=)$/, 'expected a path like "/wp-json" or "?rest_route="')
    .default(wordpressDefaults.restPrefix),
  timeoutMs: z.number().int().min(1).max(3_600_000).default(wordpressDefaults.timeoutMs),
  retries: z.number().int().min(0).max(5).default(wordpressDefaults.retries),
  slugFromMarker: fn<(marker: string) => string>('a function (marker) => slug'),
  fetch: fn<typeof fetch>('a fetch function'),
});

/** Fixes shown in `ConfigError` messages, by field. */
export const optionHints: Record<string, string> = {
  siteUrl: 'pass the site address with https://, e.g. `https://blog.example.com`',
  username: 'pass the WordPress login name (Users › Profile › Username), not the Application Password label',
  applicationPassword:
    'create one under Users › Profile › Application Passwords and paste it as shown (`abcd EFGH 1234 …`); the login password does not work',
  status: 'use "publish", "draft", "pending" or "future"',
  restPrefix: 'use "/wp-json" (default) or "?rest_route=" for sites with plain permalinks',
  maxUploadBytes: 'pass the site upload limit in bytes (Media › Add New shows "Maximum upload file size")',
  timeoutMs: 'pass milliseconds from 1 to 3600000',
  retries: 'pass 0 to 5',
  author: 'pass the numeric user id (Users › All Users, hover the name)',
};

const loopbackHost = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$|\.localhost$/i;

/** Validates options; throws a `ConfigError` naming each bad field and its fix. Registers the secrets. */
export function resolveWordPressOptions(options: WordPressPublisherOptions): ResolvedWordPressOptions {
  const raw = (options ?? {}) as WordPressPublisherOptions;
  // Register before parsing, so even a rejected password never reaches a message.
  registerSecret(raw.applicationPassword, raw.applicationPassword?.replace?.(/\s+/g, ''));
  const parsed = parseConfig('createWordPressPublisher', schema, raw, optionHints);
  const url = new URL(parsed.siteUrl);
  const issues = [];
  if (url.protocol === 'http:' && !loopbackHost.test(url.hostname)) {
    issues.push({
      field: 'siteUrl',
      problem: `"${url.origin}" is plain http; WordPress sends Application Passwords only over HTTPS`,
      fix: 'use the https:// address of the site (http is accepted for localhost only)',
    });
  }
  if (url.search !== '' || url.hash !== '') {
    issues.push({
      field: 'siteUrl',
      problem: 'the address has a query or fragment',
      fix: 'pass the bare site address; use `restPrefix: "?rest_route="` for plain permalinks',
    });
  }
  if (parsed.status === 'future' && parsed.scheduleAt === undefined) {
    issues.push({
      field: 'scheduleAt',
      problem: 'status "future" needs a publication date',
      fix: 'pass scheduleAt: (draft) => new Date(…) or use status "publish"',
    });
  }
  if (issues.length > 0) throw new ConfigError('createWordPressPublisher', issues);
  const basic = Buffer.from(`${parsed.username}:${parsed.applicationPassword}`, 'utf8').toString('base64');
  registerSecret(basic, `Basic ${basic}`);
  return {
    siteUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    host: url.host,
    username: parsed.username,
    authorization: `Basic ${basic}`,
    status: parsed.status,
    scheduleAt: parsed.scheduleAt,
    categories: parsed.categories,
    tags: parsed.tags,
    useDraftTags: parsed.useDraftTags,
    author: parsed.author,
    template: parsed.template,
    disclosure: parsed.disclosure,
    maxUploadBytes: parsed.maxUploadBytes,
    restPrefix: parsed.restPrefix,
    timeoutMs: parsed.timeoutMs,
    retries: parsed.retries,
    slugFromMarker: parsed.slugFromMarker ?? ((marker) => marker),
    fetch: parsed.fetch,
  };
}
