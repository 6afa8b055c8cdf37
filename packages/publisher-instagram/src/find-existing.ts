import type { FindExistingOptions, PublishedPost } from '@reelsmith/core';
import { getContainerStatus } from './container-status.js';
import { fetchPost, findPostByMarker } from './find-post.js';
import { openGraphSession } from './graph-client.js';
import type { ResolvedInstagramSettings } from './instagram-settings.js';
import { readContainer, readId, stateKeys } from './publish-state.js';

/**
 * Finds the post a publish with `marker` made, for the engine's reconciliation after a crash:
 * 1. a stored media id → that media;
 * 2. a stored container → its status: `PUBLISHED` → the recent media whose caption carries the
 *    marker (the container does not name its media); anything else → `undefined`, and the next
 *    `publish` continues with that container;
 * 3. no stored state (a publish called without the engine, or a crash before the container
 *    existed) → a bounded scan of recent media captions for the marker.
 *
 * It never takes "the latest post" for ours: only the marker or a stored id binds a post.
 */
export async function findExistingPost(
  settings: ResolvedInstagramSettings,
  provider: string,
  marker: string,
  options: FindExistingOptions = {},
): Promise<PublishedPost | undefined> {
  const { signal, state } = options;
  signal?.throwIfAborted();
  const session = openGraphSession(settings, provider, signal);
  if (state) {
    const mediaId = await readId(state, stateKeys.mediaId);
    if (mediaId) return fetchPost(session, mediaId, marker);
    const container = await readContainer(state);
    if (container) {
      const status = await getContainerStatus(session, container.id);
      if (status.code !== 'PUBLISHED') return undefined;
      const post = await findPostByMarker(session, settings.igUserId, marker, settings.scan);
      if (post) await state.set(stateKeys.mediaId, post.id);
      return post;
    }
  }
  return findPostByMarker(session, settings.igUserId, marker, settings.scan);
}
