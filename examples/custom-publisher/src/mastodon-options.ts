import { ConfigError, type ConfigIssue, complianceDefaults, registerSecret } from '@reelsmith/core';

/** Who may see the posts. `direct` is left out: an ad must not be a private message. */
export type MastodonVisibility = 'public' | 'unlisted' | 'private';

/** Options of `createMastodonPublisher`. Only `instanceUrl` and `accessToken` are required. */
export interface MastodonPublisherOptions {
  /** The server's address, e.g. `https://mastodon.social` (HTTPS; `http://localhost` for a local server). */
  instanceUrl: string;
  /**
   * A user access token with the scopes `write:media write:statuses read:accounts read:statuses`
   * (Preferences › Development › New application). Registered as a secret.
   */
  accessToken: string;
  /** The account's id; read once from `verify_credentials` when left out. */
  accountId?: string;
  /** Default `public`. */
  visibility?: MastodonVisibility;
  /** ISO 639-1 language of the posts, e.g. `en`. Default: the server guesses. */
  language?: string;
  /** The server's status limit (`configuration.statuses.max_characters` of `/api/v2/instance`). Default 500. */
  maxCharacters?: number;
  /** At most this many of the draft's tags are added as hashtags, while they fit. Default 4. */
  hashtags?: number;
  /** The affiliate disclosure. Default: core's Amazon Associates statement. */
  disclosure?: string;
  /** Default `#ad`. */
  adMarker?: string;
  /** Written after the affiliate link. Default `(paid link)`. */
  linkLabel?: string;
  /** Largest video the server accepts, in bytes. Default 99 MiB (Mastodon's default). */
  maxVideoBytes?: number;
  /** Time limit of each request, in milliseconds. Default 120 000 (uploads of large videos). */
  timeoutMs?: number;
  /** How the processing of an uploaded video is polled. Default every 2 s, for at most 10 min. */
  processing?: { intervalMs?: number; maxWaitMs?: number };
  /** How many pages of 40 statuses `findExisting` reads. Default 5 (the last 200 posts). */
  searchPages?: number;
  /** A `fetch` to use instead of the global one (a proxy, a test double). */
  fetch?: typeof fetch;
}

/** The options with every default applied. */
export interface ResolvedMastodonOptions {
  instanceUrl: string;
  host: string;
  accessToken: string;
  accountId: string | undefined;
  visibility: MastodonVisibility;
  language: string | undefined;
  maxCharacters: number;
  hashtags: number;
  disclosure: string;
  adMarker: string;
  linkLabel: string;
  maxVideoBytes: number;
  timeoutMs: number;
  pollIntervalMs: number;
  maxProcessingMs: number;
  searchPages: number;
  fetch: typeof fetch;
}

const source = 'createMastodonPublisher';
const visibilities: readonly string[] = ['public', 'unlisted', 'private'];

/** Checks the options, applies the defaults and registers the token as a secret. */
export function resolveMastodonOptions(options: MastodonPublisherOptions): ResolvedMastodonOptions {
  const issues: ConfigIssue[] = [];
  const input = (options ?? {}) as Partial<MastodonPublisherOptions>;
  const instance = parseInstanceUrl(input.instanceUrl, issues);
  if (typeof input.accessToken !== 'string' || input.accessToken.trim() === '') {
    issues.push({
      field: 'accessToken',
      problem: 'is missing',
      fix: 'create an application under Preferences › Development with the scopes write:media write:statuses read:accounts read:statuses, and pass its access token',
    });
  }
  if (input.visibility !== undefined && !visibilities.includes(input.visibility)) {
    issues.push({
      field: 'visibility',
      problem: `is ${JSON.stringify(input.visibility)}`,
      fix: 'use "public", "unlisted" or "private"',
    });
  }
  if (input.language !== undefined && !/^[a-z]{2}$/.test(input.language)) {
    issues.push({
      field: 'language',
      problem: 'is not an ISO 639-1 code',
      fix: 'use two letters, e.g. "en"',
    });
  }
  const positive = (field: string, value: number | undefined, fallback: number, min = 1): number => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < min) {
      issues.push({ field, problem: `is ${value}`, fix: `use a whole number of at least ${min}` });
    }
    return value;
  };
  const resolved: ResolvedMastodonOptions = {
    instanceUrl: instance?.origin ?? '',
    host: instance?.host ?? '',
    accessToken: input.accessToken ?? '',
    accountId: input.accountId,
    visibility: input.visibility ?? 'public',
    language: input.language,
    maxCharacters: positive('maxCharacters', input.maxCharacters, 500),
    hashtags: positive('hashtags', input.hashtags, 4, 0),
    disclosure: input.disclosure ?? complianceDefaults.disclosure,
    adMarker: input.adMarker ?? complianceDefaults.marker,
    linkLabel: input.linkLabel ?? complianceDefaults.linkLabel,
    maxVideoBytes: positive('maxVideoBytes', input.maxVideoBytes, 99 * 1024 * 1024),
    timeoutMs: positive('timeoutMs', input.timeoutMs, 120_000),
    pollIntervalMs: positive('processing.intervalMs', input.processing?.intervalMs, 2_000),
    maxProcessingMs: positive('processing.maxWaitMs', input.processing?.maxWaitMs, 600_000),
    searchPages: positive('searchPages', input.searchPages, 5),
    fetch: input.fetch ?? ((...args) => globalThis.fetch(...args)),
  };
  if (issues.length > 0) throw new ConfigError(source, issues);
  registerSecret(resolved.accessToken);
  return resolved;
}

function parseInstanceUrl(value: unknown, issues: ConfigIssue[]): URL | undefined {
  const fix = 'pass the address of your server, e.g. "https://mastodon.social"';
  if (typeof value !== 'string' || !URL.canParse(value)) {
    issues.push({ field: 'instanceUrl', problem: 'is not a URL', fix });
    return undefined;
  }
  const url = new URL(value);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    issues.push({
      field: 'instanceUrl',
      problem: `uses ${url.protocol}`,
      fix: 'use https:// (the token travels with every request)',
    });
    return undefined;
  }
  return url;
}
