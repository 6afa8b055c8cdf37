// Public API of @reelsmith/publisher-instagram: the factory, caption adaptation, defaults and types.
export { type AdaptCaptionSettings, adaptCaption, markerLine } from './instagram-caption.js';
export { type InstagramLimits, type InstagramPollSettings, instagramDefaults } from './instagram-defaults.js';
export { createInstagramPublisher, type InstagramPublisher } from './instagram-publisher.js';
export type {
  InstagramAccessToken,
  InstagramCaptionSettings,
  InstagramPublisherOptions,
} from './instagram-settings.js';
export { type ContainerRecord, stateKeys as instagramStateKeys } from './publish-state.js';
