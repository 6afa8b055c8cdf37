import type { CallOptions, CallResult } from './call-options.js';
import type { MediaRef } from './media.js';
import type { MediaStore } from './media-store.js';
import type { Product } from './product.js';
import type { Provider } from './provider.js';

/**
 * What to publish. Serializable: the engine stores it with the publish intent.
 * `marker` is derived from the run id; the publisher must embed it in the post (description,
 * tags or metadata) so {@link Publisher.findExisting} can find the post after a crash.
 */
export interface PublishDraft {
  marker: string;
  title: string;
  description: string;
  tags: string[];
  video: MediaRef;
  thumbnail?: MediaRef;
  durationMs: number;
  width: number;
  height: number;
  product?: Product;
  /** Links to show with the post (affiliate link first). */
  links?: string[];
  /** Extra JSON facts for publishers that keep them (hook, captions per platform, costs, timings). */
  metadata?: Record<string, unknown>;
}

/** A post that exists on a platform. */
export interface PublishedPost {
  platform: string;
  /** The platform's id for the post (video id, media id, post id). */
  id: string;
  url: string;
  marker: string;
  /** ISO timestamp. */
  publishedAt: string;
}

/** One platform limit a draft breaks. */
export interface DraftIssue {
  field: string;
  problem: string;
  fix: string;
}

/** Result of {@link Publisher.validate}. */
export interface DraftValidation {
  ok: boolean;
  issues: DraftIssue[];
}

/**
 * Durable key/value state of one publish (one run, one publisher): an upload session URI, a
 * container id, bytes confirmed. Values are JSON. Write each fact the moment it exists: the
 * state survives a crash, and a resumed `publish` or `findExisting` reads it to continue the
 * upload or to reconcile by the stored id instead of guessing.
 */
export interface PublishState {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Options of {@link Publisher.publish}: the call options, the store that holds the draft's media, the publish state. */
export interface PublishOptions extends CallOptions {
  media: MediaStore;
  /** Given by the engine (checkpoint-backed); absent when a publisher is called directly. */
  state?: PublishState;
}

/** Options of {@link Publisher.findExisting}. */
export interface FindExistingOptions extends CallOptions {
  /** The same state `publish` wrote, when the engine reconciles a run. */
  state?: PublishState;
}

/** Result of {@link Publisher.publish}. */
export interface PublishResult extends CallResult {
  post: PublishedPost;
}

/**
 * Publishes a video to one platform, exactly once. The engine calls `validate` before any
 * upload, writes an intent record before `publish`, and on resume calls `findExisting`
 * before publishing again.
 */
export interface Publisher extends Provider<'publisher'> {
  /** Platform name, e.g. `youtube`; one `publish:<platform>` phase per publisher. */
  readonly platform: string;
  /** Checks platform limits (aspect, duration, size, caption length, hashtags) before any upload. */
  validate(draft: PublishDraft): DraftValidation | Promise<DraftValidation>;
  publish(draft: PublishDraft, options: PublishOptions): Promise<PublishResult>;
  /** Finds a post carrying `marker`, to reconcile after a crash. */
  findExisting(marker: string, options?: FindExistingOptions): Promise<PublishedPost | undefined>;
}
