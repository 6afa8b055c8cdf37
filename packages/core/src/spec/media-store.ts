import type { CallOptions } from './call-options.js';
import type { MediaRef } from './media.js';
import type { Provider } from './provider.js';

/** Holds media bytes (images, audio, video); checkpoints keep only {@link MediaRef}s. */
export interface MediaStore extends Provider<'media-store'> {
  /** Stores bytes under `key` (overwrites). Resolves with the reference to keep. */
  put(key: string, data: Uint8Array, mediaType: string, options?: CallOptions): Promise<MediaRef>;
  /** Reads bytes. Rejects with a `ReelsmithError` when missing or when the bytes fail the checksum. */
  get(ref: MediaRef | string, options?: CallOptions): Promise<Uint8Array>;
  /** True when `key` (or the ref's key) is stored. */
  has(ref: MediaRef | string): Promise<boolean>;
  delete(ref: MediaRef | string): Promise<void>;
  /** Keys under a prefix. */
  list(prefix?: string): Promise<string[]>;
  /** A local file path for the media, for tools that need files (renderers, uploaders). Optional. */
  localPath?(ref: MediaRef | string): Promise<string | undefined>;
  /** A public HTTPS URL for the media, for platforms that pull (Instagram). Optional. */
  publicUrl?(ref: MediaRef | string): Promise<string | undefined>;
}
