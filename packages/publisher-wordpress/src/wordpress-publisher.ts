import type {
  FindExistingOptions,
  PublishDraft,
  PublishedPost,
  Publisher,
  PublishOptions,
} from '@reelsmith/core';
import { findPost, toPublishedPost } from './find-post.js';
import { publishPost } from './publish-post.js';
import { createTermResolver } from './resolve-terms.js';
import { validateDraft } from './validate-draft.js';
import { createWordPressClient } from './wordpress-client.js';
import { wordpressDefaults } from './wordpress-defaults.js';
import { resolveWordPressOptions, type WordPressPublisherOptions } from './wordpress-options.js';

/** A {@link Publisher} for one WordPress site. */
export interface WordPressPublisher extends Publisher {
  readonly platform: 'wordpress';
  /** The site address the publisher posts to (no credentials). */
  readonly siteUrl: string;
}

/**
 * Creates a publisher that writes one blog post per video on a WordPress site through the REST
 * API, signed in with an Application Password. The video (and thumbnail, as featured image)
 * go to the media library; the post embeds the video, the disclosure at the top, the
 * description, a product summary and sponsored link buttons. Exactly once: every created id is
 * written to the publish state at once, the slug is derived from the marker, and
 * `findExisting` finds the post by stored id, slug or marker.
 *
 * @example
 * ```ts
 * const wordpress = createWordPressPublisher({
 *   siteUrl: 'https://blog.example.com',
 *   username: 'editor-bot',
 *   applicationPassword: process.env.WP_APP_PASSWORD!,
 *   categories: ['Kitchen'],
 * });
 * ```
 * @throws ConfigError naming each invalid option and its fix.
 */
export function createWordPressPublisher(options: WordPressPublisherOptions): WordPressPublisher {
  const resolved = resolveWordPressOptions(options);
  const id = `wordpress:${resolved.host}`;
  const client = createWordPressClient(resolved, id);
  const terms = createTermResolver(client);
  return {
    specificationVersion: 'v1',
    id,
    capability: 'publisher',
    platform: 'wordpress',
    siteUrl: resolved.siteUrl,
    validate(draft: PublishDraft) {
      return validateDraft(draft, {
        maxUploadBytes: resolved.maxUploadBytes,
        maxTitleLength: wordpressDefaults.maxTitleLength,
        slugFromMarker: resolved.slugFromMarker,
      });
    },
    publish(draft: PublishDraft, publishOptions: PublishOptions) {
      return publishPost(draft, publishOptions, { provider: id, options: resolved, client, terms });
    },
    async findExisting(
      marker: string,
      findOptions: FindExistingOptions = {},
    ): Promise<PublishedPost | undefined> {
      findOptions.signal?.throwIfAborted();
      const post = await findPost(marker, {
        client,
        slugFromMarker: resolved.slugFromMarker,
        signal: findOptions.signal,
        state: findOptions.state,
      });
      return post ? toPublishedPost(post, marker) : undefined;
    },
  };
}
