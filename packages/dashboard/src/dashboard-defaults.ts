/**
 * Dated defaults of the dashboard: vendor quotas it measures usage against, and its own server
 * limits. Vendor figures are volatile (plans and quotas change without notice): every one can be
 * replaced through `createDashboard({ limits })`, so a change at a vendor is a config change.
 * Re-check them before a release.
 */

/** How usage against a quota is counted from the event stream. */
export type UsageCounter =
  | {
      /** Counts `provider:call` events of the matching provider (failed attempts included: they cost quota too). */
      from: 'calls';
      /** Units per call by method name (`publish`, `findExisting`, …). */
      unitsPerCall?: Record<string, number>;
      /** Units of a call whose method is not in `unitsPerCall`; default 1. */
      defaultUnitsPerCall?: number;
    }
  | {
      /** Counts `publish:done` events of the matching platform (reconciled posts are not counted twice). */
      from: 'publishes';
    }
  | {
      /**
       * Counts `cost:add` events of the matching provider: `quantity` when the event carries a
       * matching `unit`, otherwise `usd / usdPerUnit`.
       */
      from: 'cost';
      unit?: string;
      usdPerUnit: number;
    };

/** When a quota's count starts again. */
export type QuotaWindow =
  /** A calendar day in `timeZone` (YouTube resets at midnight Pacific time). */
  | 'day'
  /** The last 24 hours, moving (Instagram's publishing limit). */
  | 'rolling-24h'
  /** A calendar month in `timeZone` (plans that bill monthly; your billing day may differ). */
  | 'month';

/** One quota the dashboard shows usage against. */
export interface QuotaLimit {
  /** Shown on the page, e.g. `YouTube Data API`. */
  label: string;
  /**
   * Which events count: a provider id (`elevenlabs:eleven_v3`) or its prefix before `:`
   * (`elevenlabs`); for `from: 'publishes'`, the platform name (`instagram`).
   */
  match: string;
  /** What is counted, e.g. `units`, `posts`, `credits`. */
  unit: string;
  /** The allowance per window. */
  limit: number;
  window: QuotaWindow;
  /** IANA time zone of `day` and `month` windows; default `UTC`. */
  timeZone?: string;
  counter: UsageCounter;
  /** The day (YYYY-MM-DD) the figures were read. */
  date: string;
  /** Where to re-check the figure. */
  source?: string;
}

/**
 * Quotas as of 2026-11-24:
 * - YouTube Data API v3: 10,000 units per project per day, reset at midnight Pacific time;
 *   `videos.insert` costs 1,600 units and `thumbnails.set` 50 (one `publish` ≈ 1,650), a
 *   reconciliation (`findExisting`: channels.list + playlistItems.list) about 2.
 * - Instagram Graph API content publishing: 100 API-published posts per account in a moving
 *   24-hour window.
 * - ElevenLabs: the Creator plan's 100,000 credits a month (1 credit per character on
 *   Multilingual v2 / v3, 0.5 on Flash / Turbo); $0.0001 per credit at list price, so usage is
 *   `usd / 0.0001` unless the `cost:add` event carries `unit: 'character'` and a `quantity`.
 *   Plans reset on the subscription's billing day, not the 1st: set your own window if it matters.
 */
export const defaultQuotaLimits: readonly QuotaLimit[] = Object.freeze([
  {
    label: 'YouTube Data API',
    match: 'youtube',
    unit: 'units',
    limit: 10_000,
    window: 'day',
    timeZone: 'America/Los_Angeles',
    counter: { from: 'calls', unitsPerCall: { publish: 1_650, findExisting: 2 }, defaultUnitsPerCall: 1 },
    date: '2026-11-24',
    source: 'https://developers.google.com/youtube/v3/determine_quota_cost',
  },
  {
    label: 'Instagram publishing',
    match: 'instagram',
    unit: 'posts',
    limit: 100,
    window: 'rolling-24h',
    counter: { from: 'publishes' },
    date: '2026-11-24',
    source: 'https://developers.facebook.com/docs/instagram-platform/content-publishing',
  },
  {
    label: 'ElevenLabs credits',
    match: 'elevenlabs',
    unit: 'credits',
    limit: 100_000,
    window: 'month',
    counter: { from: 'cost', unit: 'character', usdPerUnit: 0.0001 },
    date: '2026-11-24',
    source: 'https://elevenlabs.io/pricing',
  },
] satisfies QuotaLimit[]);

/** Server and memory limits of the dashboard itself. */
export const dashboardDefaults = Object.freeze({
  host: '127.0.0.1',
  port: 4700,
  /** How often the log is read for new events when there is no event bus, in ms. */
  pollMs: 1_000,
  /** Runs kept in memory (the oldest are dropped first). */
  maxRuns: 5_000,
  /** How far back the log is read at start, in days. */
  historyDays: 90,
  /** Open Server-Sent Events streams at once; more get 503. */
  maxStreams: 32,
  /** A comment is sent on idle streams this often, in ms (keeps proxies from closing them). */
  heartbeatMs: 15_000,
  /** A running run without an event for this long is shown as stale (its worker probably died), in ms. */
  staleAfterMs: 30 * 60_000,
  /** How long a login link works, in ms. */
  loginLinkMs: 10 * 60_000,
  /** Shortest accepted token (characters). */
  minTokenLength: 24,
  /** Largest number of runs one `/api/runs` answer holds. */
  maxPageSize: 500,
  /** Days shown by `/api/stats` unless `days` is given. */
  statsDays: 14,
});
