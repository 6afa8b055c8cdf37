import { type DraftValidation, type PublishDraft, type Publisher, registerSecret } from '@reelsmith/core';
import { findExistingPost } from './find-existing.js';
import { type InstagramPublisherOptions, resolveInstagramSettings } from './instagram-settings.js';
import { publishReel } from './publish-reel.js';
import { validateDraft } from './validate-draft.js';

/** The Instagram Reels publisher: a {@link Publisher} with platform `instagram`. */
export interface InstagramPublisher extends Publisher {
  readonly platform: 'instagram';
  /** Checks the Reels limits the draft allows checking (see the README); no request. */
  validate(draft: PublishDraft): DraftValidation;
}

/**
 * Creates a publisher of Instagram Reels over the Graph API (container → upload or `video_url`
 * → status polling → `media_publish`). Its id is `instagram:<igUserId>`. Invalid options throw a
 * `ConfigError` naming the field and the fix. The token is registered with the core's redaction.
 *
 * @example
 * ```ts
 * const instagram = createInstagramPublisher({
 *   igUserId: '17841400000000000',
 *   accessToken: tokens.instagramToken('instagram'), // or a long-lived token string
 * });
 * const pipeline = createAffiliatePipeline({ ...yourProviders, publishers: [instagram] });
 * ```
 */
export function createInstagramPublisher(options: InstagramPublisherOptions): InstagramPublisher {
  const settings = resolveInstagramSettings(options);
  if (typeof settings.accessToken === 'string') registerSecret(settings.accessToken);
  const id = `instagram:${settings.igUserId}`;
  return {
    specificationVersion: 'v1',
    id,
    capability: 'publisher',
    platform: 'instagram',
    validate: (draft) => validateDraft(draft, settings),
    publish: (draft, publishOptions) => publishReel(settings, id, draft, publishOptions),
    findExisting: (marker, findOptions) => findExistingPost(settings, id, marker, findOptions),
  };
}
