import { ProviderError, type PublishedPost, type PublishState } from '@reelsmith/core';
import type { WordPressClient } from './wordpress-client.js';
import { stateKeys, type WordPressPost } from './wordpress-types.js';

/** What a post lookup needs. */
export interface FindPostContext {
  client: WordPressClient;
  slugFromMarker: (marker: string) => string;
  signal: AbortSignal | undefined;
  state: PublishState | undefined;
}

/** True when the post's content carries the marker (raw content with `context=edit`, else rendered). */
export function carriesMarker(post: WordPressPost, marker: string): boolean {
  return Boolean(post.content?.raw?.includes(marker) || post.content?.rendered?.includes(marker));
}

/** The `PublishedPost` of a WordPress post. */
export function toPublishedPost(post: WordPressPost, marker: string): PublishedPost {
  const gmt = post.date_gmt ? `${post.date_gmt.replace(/Z$/, '')}Z` : undefined;
  const publishedAt =
    gmt && !Number.isNaN(Date.parse(gmt)) ? new Date(gmt).toISOString() : new Date().toISOString();
  return { platform: 'wordpress', id: String(post.id), url: post.link, marker, publishedAt };
}

/**
 * Finds the post carrying `marker`, cheapest lookup first:
 * 1. the post id kept in the publish state → `GET /wp/v2/posts/<id>?context=edit` (drafts too);
 * 2. the slug derived from the marker → `GET /wp/v2/posts?slug=…&status=any&context=edit`;
 * 3. a search for the marker (finds our post when WordPress gave it `<slug>-2` because another
 *    post held the slug) → `GET /wp/v2/posts?search=…&status=any&context=edit`.
 * A post counts only when its content carries the marker: a post that merely has the slug is not ours.
 */
export async function findPost(marker: string, context: FindPostContext): Promise<WordPressPost | undefined> {
  const { client, signal, state } = context;
  const stored = (await state?.get(stateKeys.post)) as { id?: number } | undefined;
  if (typeof stored?.id === 'number') {
    try {
      const { data } = await client.send<WordPressPost>(
        { method: 'GET', route: `/wp/v2/posts/${stored.id}`, resource: 'posts', query: { context: 'edit' } },
        signal,
      );
      if (carriesMarker(data, marker)) return data;
    } catch (error) {
      // A deleted post (404 rest_post_invalid_id) falls through to the searches below.
      if (!(ProviderError.isInstance(error) && error.status === 404)) throw error;
    }
  }
  const slug = context.slugFromMarker(marker);
  const bySlug = await list(client, { slug }, signal);
  const ours = bySlug.find((post) => carriesMarker(post, marker));
  if (ours) return ours;
  const bySearch = await list(client, { search: marker }, signal);
  return bySearch.find((post) => carriesMarker(post, marker));
}

async function list(
  client: WordPressClient,
  query: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<WordPressPost[]> {
  const { data } = await client.send<WordPressPost[]>(
    {
      method: 'GET',
      route: '/wp/v2/posts',
      resource: 'posts',
      query: { ...query, status: 'any', context: 'edit', per_page: 20, orderby: 'id', order: 'asc' },
    },
    signal,
  );
  return Array.isArray(data) ? data : [];
}
