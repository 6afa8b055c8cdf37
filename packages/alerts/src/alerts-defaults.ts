/**
 * Vendor limits and default timings of the alert channels, dated because Slack and Discord
 * change them. Read from API-CONTRACTS.md section 11 on the date below; override per channel
 * (`limits`, `minIntervalMs`) when a vendor changes a figure before this table is updated.
 */
export const alertsDefaults = {
  /** The day these figures were checked. */
  date: '2026-11-24',
  slack: {
    /** Blocks per message. */
    maxBlocks: 50,
    /** Characters of one section block's text. */
    maxSectionText: 3_000,
    /** Characters of the top-level `text` (Slack truncates after 40 000; keep notifications short). */
    maxText: 4_000,
    /** About one message per second per webhook, short bursts tolerated. */
    minIntervalMs: 1_000,
  },
  discord: {
    maxContent: 2_000,
    maxEmbeds: 10,
    /** Characters across every embed of one message. */
    maxEmbedTotal: 6_000,
    maxTitle: 256,
    maxDescription: 4_096,
    maxFields: 25,
    maxFieldName: 256,
    maxFieldValue: 1_024,
    maxFooter: 2_048,
    /** `username`: 1–80 characters, without "discord" or "clyde". */
    maxUsername: 80,
    /** About 5 requests per 2 s per webhook; the `X-RateLimit-*` headers take precedence. */
    minIntervalMs: 400,
  },
  email: {
    /** SMTP servers throttle too; one message per second is polite. */
    minIntervalMs: 1_000,
    /** Subject line length kept under common client limits. */
    maxSubject: 200,
  },
  delivery: {
    /** Time limit of one webhook request. */
    timeoutMs: 10_000,
    /** Retries after a timeout, a network failure or a 5xx (so 3 attempts in all). */
    retries: 2,
    /** Exponential backoff: base, factor 2, cap; full jitter. */
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    /** How many 429 answers one message may wait through. */
    maxRateLimitWaits: 3,
    /** A 429 asking for a longer wait than this drops the message (logged) instead of holding the queue. */
    maxRetryAfterMs: 120_000,
    /** Messages a channel queues before dropping the oldest (logged). */
    maxQueue: 100,
    /** Delivery records a channel keeps in memory (`status().recent`). */
    keepRecords: 50,
  },
} as const;

/** Default de-duplication windows, by rule (one alert per distinct cause per window). */
export const defaultDedupeWindows = {
  default: 60 * 60_000,
  tokenExpiring: 24 * 60 * 60_000,
  quota: 6 * 60 * 60_000,
  diskSpace: 6 * 60 * 60_000,
  successRate: 6 * 60 * 60_000,
  budgetDaily: 24 * 60 * 60_000,
} as const;
