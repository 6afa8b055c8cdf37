/**
 * Which events use up a quota, and by how much each:
 * - `publish:done` of a platform (reconciled publishes are not counted);
 * - `provider:call` of providers whose id starts with `provider` (every attempt counts);
 * - `cost:add` of providers whose id starts with `provider`: a fixed amount, the USD, or the
 *   charge's `quantity` (characters, images…) when the event carries one.
 */
export type QuotaUsage =
  | { event: 'publish:done'; platform: string; amount?: number }
  | { event: 'provider:call'; provider: string; method?: string; amount?: number }
  | { event: 'cost:add'; provider: string; amount?: number | 'usd' | 'quantity' };

/** One allowance to watch, counted over a rolling window (24 h by default). */
export interface QuotaMeter {
  /** Stable id, used in keys: `youtube-units`. */
  id: string;
  /** Shown in alerts: `YouTube Data API units`. */
  label: string;
  /** The allowance per window. */
  limit: number;
  /** What uses it up. */
  usage: QuotaUsage;
  /** The rolling window in ms; default 24 h. */
  periodMs?: number;
  /** Advice shown when the meter is nearly full. */
  fix?: string;
}

/**
 * Ready-made meters for the quotas Reelsmith users hit (figures are volatile: pass the ones
 * of your project). All are rolling 24 h windows (YouTube really resets at midnight Pacific,
 * so the rolling count errs on the early side).
 */
export const quotaMeters = {
  /** YouTube Data API units: default 10 000 a day, an upload (`videos.insert` + thumbnail) ≈ 1 650. */
  youtube(options: { unitsPerDay?: number; unitsPerUpload?: number } = {}): QuotaMeter {
    return {
      id: 'youtube-units',
      label: 'YouTube Data API units',
      limit: options.unitsPerDay ?? 10_000,
      usage: { event: 'publish:done', platform: 'youtube', amount: options.unitsPerUpload ?? 1_650 },
      fix: 'Publishing to YouTube stops when the daily quota is used up (reset at midnight Pacific): spread uploads or request more quota in the Google Cloud Console (Quotas page).',
    };
  },
  /** Instagram API-published posts per rolling 24 h (100 at the time of writing; read `content_publishing_limit`). */
  instagram(options: { postsPer24h?: number } = {}): QuotaMeter {
    return {
      id: 'instagram-posts',
      label: 'Instagram API-published posts',
      limit: options.postsPer24h ?? 100,
      usage: { event: 'publish:done', platform: 'instagram' },
      fix: 'Instagram refuses further API posts until the rolling 24 h window frees up: spread posts over the day.',
    };
  },
  /**
   * ElevenLabs characters of your plan's period. Counts the `quantity` of ElevenLabs charges,
   * which needs `cost:add` events that carry it (see the README).
   */
  elevenLabs(options: { characters: number; periodMs?: number; provider?: string }): QuotaMeter {
    return {
      id: 'elevenlabs-characters',
      label: 'ElevenLabs characters',
      limit: options.characters,
      usage: { event: 'cost:add', provider: options.provider ?? 'elevenlabs', amount: 'quantity' },
      ...(options.periodMs !== undefined ? { periodMs: options.periodMs } : {}),
      fix: 'Upgrade the ElevenLabs plan or buy extra characters, or move voice-over to a fallback provider (OpenAI TTS, eSpeak).',
    };
  },
};
