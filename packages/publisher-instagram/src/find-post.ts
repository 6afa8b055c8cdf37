import { hasMarker, type PublishedPost } from '@reelsmith/core';
import type { GraphSession } from './graph-client.js';

/** The fields of an IG media this publisher reads. */
interface MediaFields {
  id?: unknown;
  caption?: unknown;
  permalink?: unknown;
  shortcode?: unknown;
  timestamp?: unknown;
}

const mediaFields = 'id,caption,permalink,shortcode,timestamp';

/** Reads a published media by id (`GET /{ig-media-id}?fields=…`) as a post carrying `marker`. */
export async function fetchPost(
  session: GraphSession,
  mediaId: string,
  marker: string,
): Promise<PublishedPost> {
  const { data } = await session.request<MediaFields>({
    method: 'GET',
    path: `/${mediaId}`,
    query: { fields: mediaFields },
    step: `read the permalink of media ${mediaId}`,
  });
  return toPost({ ...data, id: typeof data.id === 'string' ? data.id : mediaId }, marker);
}

/**
 * Finds the media whose caption carries `marker` among the account's recent media
 * (`GET /{ig-user-id}/media`, newest first, `maxPages` pages of `pageSize`). Only a caption
 * holding the marker as its own token matches; the newest post is never assumed to be ours.
 */
export async function findPostByMarker(
  session: GraphSession,
  igUserId: string,
  marker: string,
  scan: { maxPages: number; pageSize: number },
): Promise<PublishedPost | undefined> {
  let after: string | undefined;
  for (let page = 1; page <= scan.maxPages; page += 1) {
    const { data } = await session.request<{
      data?: MediaFields[];
      paging?: { cursors?: { after?: unknown }; next?: unknown };
    }>({
      method: 'GET',
      path: `/${igUserId}/media`,
      query: { fields: mediaFields, limit: scan.pageSize, after },
      step: `list recent media of ${igUserId} (page ${page})`,
    });
    const items = Array.isArray(data.data) ? data.data : [];
    const match = items.find((item) => typeof item.caption === 'string' && hasMarker(item.caption, marker));
    if (match && typeof match.id === 'string') return toPost(match, marker);
    const cursor = data.paging?.cursors?.after;
    if (typeof data.paging?.next !== 'string' || typeof cursor !== 'string' || items.length === 0)
      return undefined;
    after = cursor;
  }
  return undefined;
}

function toPost(item: MediaFields, marker: string): PublishedPost {
  const id = String(item.id);
  const url =
    typeof item.permalink === 'string' && URL.canParse(item.permalink)
      ? item.permalink
      : typeof item.shortcode === 'string'
        ? `https://www.instagram.com/reel/${item.shortcode}/`
        : `https://www.instagram.com/`;
  const at =
    typeof item.timestamp === 'string'
      ? Date.parse(item.timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
      : NaN;
  return {
    platform: 'instagram',
    id,
    url,
    marker,
    publishedAt: new Date(Number.isNaN(at) ? Date.now() : at).toISOString(),
  };
}
