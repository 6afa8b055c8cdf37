// Public API of @reelsmith/publisher-wordpress: the factory, its options and the post template types.
export { type PostContext, type PostMedia, type PostTemplate, renderPost } from './render-post.js';
export { type WordPressDefaults, wordpressDefaults } from './wordpress-defaults.js';
export type { WordPressPostStatus, WordPressPublisherOptions } from './wordpress-options.js';
export { createWordPressPublisher, type WordPressPublisher } from './wordpress-publisher.js';
