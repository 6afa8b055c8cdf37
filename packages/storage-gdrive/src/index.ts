// Public API of @reelsmith/storage-gdrive: the factory, its options and the dated defaults.
export { type DriveDefaults, driveDefaults } from './drive-defaults.js';
export { createDriveMediaStore, type DriveMediaStore } from './drive-media-store.js';
export type {
  DriveAuthClient,
  DriveDeleteMode,
  DriveMediaStoreOptions,
  DriveShare,
} from './drive-settings.js';
