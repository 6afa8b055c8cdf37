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

/** Options of {@link Publisher.publish}: the call options plus the store that holds the draft's media. */
export interface PublishOptions extends CallOptions {
  media: MediaStore;
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
  findExisting(marker: string, options?: CallOptions): Promise<PublishedPost | undefined>;
}
