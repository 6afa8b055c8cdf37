// Public API of @reelsmith/publisher-local.
export { createLocalPublisher, type LocalPublisher } from './local-publisher.js';
export type { LocalPublisherSettings } from './local-publisher-settings.js';
export {
  type LocalPublishDraft,
  metadataFormat,
  type ProductSummary,
  type RunFile,
  type RunMetadata,
} from './run-metadata.js';
