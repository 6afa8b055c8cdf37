import { ProviderError, type PublishedPost, type PublishState } from '@reelsmith/core';
import type { MastodonClient } from './mastodon-client.js';
import { type MastodonAccount, type MastodonStatus, stateKeys } from './mastodon-types.js';

/** What a lookup needs from its publisher. */
export interface FindContext {
  client: MastodonClient;
  /** The account whose statuses are searched (read once when not configured). */
  accountId: (signal?: AbortSignal) => Promise<string>;
  searchPages: number;
  signal: AbortSignal | undefined;
  state: PublishState | undefined;
}

/** Statuses per page: the API's maximum. */
const pageSize = 40;

/**
 * Finds the status that carries `marker`: first by the id `publish` stored in the state, then in
 * the account's own statuses (`GET /api/v1/accounts/:id/statuses`, newest first, following the
 * `Link: rel="next"` pages up to `searchPages`).
 */
export async function findStatus(marker: string, context: FindContext): Promise<MastodonStatus | undefined> {
  const { client, signal } = context;
  signal?.throwIfAborted();
  const stored = (await context.state?.get(stateKeys.status)) as { id?: string } | undefined;
  if (stored?.id) {
    const status = await getStatus(client, stored.id, signal);
    if (status && carriesMarker(status, marker)) return status;
  }
  const accountId = await context.accountId(signal);
  let maxId: string | undefined;
  for (let page = 0; page < context.searchPages; page += 1) {
    const { data, headers } = await client<MastodonStatus[]>(
      {
        method: 'GET',
        path: `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`,
        query: { limit: String(pageSize), exclude_reblogs: 'true', max_id: maxId },
      },
      signal,
    );
    const found = data.find((status) => carriesMarker(status, marker));
    if (found) return found;
    if (data.length === 0) return undefined;
    maxId = nextMaxId(headers.get('link')) ?? data.at(-1)?.id;
  }
  return undefined;
}

/** A status by id, or `undefined` when it was deleted. */
export async function getStatus(
  client: MastodonClient,
  id: string,
  signal: AbortSignal | undefined,
): Promise<MastodonStatus | undefined> {
  try {
    const { data } = await client<MastodonStatus>(
      { method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(id)}` },
      signal,
    );
    return data;
  } catch (error) {
    if (ProviderError.isInstance(error) && error.status === 404) return undefined;
    throw error;
  }
}

/** Reads the account id once with `verify_credentials` (scope `read:accounts`). */
export function accountIdReader(
  client: MastodonClient,
  configured: string | undefined,
): (signal?: AbortSignal) => Promise<string> {
  let known = configured;
  return async (signal) => {
    if (known === undefined) {
      const { data } = await client<MastodonAccount>(
        { method: 'GET', path: '/api/v1/accounts/verify_credentials' },
        signal,
      );
      known = data.id;
    }
    return known;
  };
}

/** The status as the engine records it. */
export function toPublishedPost(status: MastodonStatus, marker: string): PublishedPost {
  return {
    platform: 'mastodon',
    id: status.id,
    url: status.url ?? status.uri,
    marker,
    publishedAt: new Date(status.created_at).toISOString(),
  };
}

/** True when the status text holds `marker` as a whole word (`rsm-1` is not in `rsm-12`). */
export function carriesMarker(status: MastodonStatus, marker: string): boolean {
  const text = plainText(status.content);
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w-])${escaped}(?![\\w-])`, 'u').test(text);
}

/** The text of Mastodon's status HTML. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** `max_id` of the `rel="next"` link of a `Link` header. */
function nextMaxId(link: string | null): string | undefined {
  const next = link?.split(',').find((part) => /rel="?next"?/.test(part));
  const url = next ? /<([^>]+)>/.exec(next)?.[1] : undefined;
  return url && URL.canParse(url) ? (new URL(url).searchParams.get('max_id') ?? undefined) : undefined;
}
