export { rateLimitDelay } from './mastodon-error.js';
export type { MastodonPublisherOptions, MastodonVisibility } from './mastodon-options.js';
export { createMastodonPublisher, type MastodonPublisher } from './mastodon-publisher.js';
export { composeStatus, markerLine, type StatusTextSettings, statusLength } from './status-text.js';
