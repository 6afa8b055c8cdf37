import type { FindExistingOptions, PublishDraft, Publisher, PublishOptions } from '@reelsmith/core';
import { accountIdReader, findStatus, toPublishedPost } from './find-status.js';
import { createMastodonClient } from './mastodon-client.js';
import { type MastodonPublisherOptions, resolveMastodonOptions } from './mastodon-options.js';
import { publishStatus } from './publish-status.js';
import { validateDraft } from './validate-draft.js';

/** A {@link Publisher} for one Mastodon account. */
export interface MastodonPublisher extends Publisher {
  readonly platform: 'mastodon';
}

/**
 * Creates a publisher that posts each video as a Mastodon status: the video is uploaded and
 * processed, then the status carries the description with the affiliate link, the disclosure,
 * `#ad`, hashtags and a `ref: <marker>` line, within the server's character limit. Exactly once:
 * the media and status ids go to the publish state, the status request carries an
 * `Idempotency-Key`, and `findExisting` finds the status by the marker.
 *
 * @example
 * ```ts
 * const mastodon = createMastodonPublisher({
 *   instanceUrl: 'https://mastodon.social',
 *   accessToken: process.env.MASTODON_TOKEN!,
 * });
 * ```
 * @throws ConfigError naming each invalid option and its fix.
 */
export function createMastodonPublisher(options: MastodonPublisherOptions): MastodonPublisher {
  const resolved = resolveMastodonOptions(options);
  const id = `mastodon:${resolved.host}`;
  const client = createMastodonClient(resolved, id);
  const accountId = accountIdReader(client, resolved.accountId);
  return {
    specificationVersion: 'v1',
    id,
    capability: 'publisher',
    platform: 'mastodon',
    validate: (draft: PublishDraft) => validateDraft(draft, resolved),
    publish: (draft: PublishDraft, publishOptions: PublishOptions) =>
      publishStatus(draft, publishOptions, { provider: id, options: resolved, client }),
    async findExisting(marker: string, findOptions: FindExistingOptions = {}) {
      const status = await findStatus(marker, {
        client,
        accountId,
        searchPages: resolved.searchPages,
        signal: findOptions.signal,
        state: findOptions.state,
      });
      return status ? toPublishedPost(status, marker) : undefined;
    },
  };
}
