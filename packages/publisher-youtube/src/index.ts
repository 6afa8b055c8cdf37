// Public API of @reelsmith/publisher-youtube: the factory, quota stores, dated defaults and their types.
export type { YouTubeAuthClient } from './auth-headers.js';
export { createFileQuotaStore, createMemoryQuotaStore, type YouTubeQuotaStore } from './quota-store.js';
export {
  defaultYouTubeLimits,
  defaultYouTubeQuota,
  type YouTubeLimits,
  type YouTubeQuotaCosts,
  type YouTubeQuotaTable,
} from './youtube-defaults.js';
export type { YouTubePublisherOptions, YouTubeQuotaOptions } from './youtube-options.js';
export { createYouTubePublisher, type YouTubePublisher } from './youtube-publisher.js';
