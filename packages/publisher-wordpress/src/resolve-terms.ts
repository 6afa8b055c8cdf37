import { ProviderError } from '@reelsmith/core';
import { decodeEntities } from './escape-html.js';
import type { WordPressClient } from './wordpress-client.js';
import { wordpressDefaults } from './wordpress-defaults.js';
import type { WordPressTerm } from './wordpress-types.js';

/** Category or tag collection. */
export type Taxonomy = 'categories' | 'tags';

/** Resolves term names to ids, creating missing terms; ids are cached for the publisher's lifetime. */
export interface TermResolver {
  resolve(taxonomy: Taxonomy, names: readonly string[], signal: AbortSignal | undefined): Promise<number[]>;
}

/**
 * Creates a term resolver. A name is looked up with `GET /wp/v2/<taxonomy>?search=` (exact,
 * case-insensitive match on the decoded name), created with `POST /wp/v2/<taxonomy>` when absent,
 * and a `400 term_exists` answer (a concurrent create, or a name that differs only in case or
 * accents) reuses `data.term_id`. Creating is idempotent, so it may be repeated safely.
 */
export function createTermResolver(client: WordPressClient): TermResolver {
  const cache = new Map<string, number>();

  async function one(taxonomy: Taxonomy, name: string, signal: AbortSignal | undefined): Promise<number> {
    const key = `${taxonomy}:${name.toLowerCase()}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const { data } = await client.send<WordPressTerm[]>(
      {
        method: 'GET',
        route: `/wp/v2/${taxonomy}`,
        resource: taxonomy,
        query: { search: name, per_page: wordpressDefaults.maxPerPage, _fields: 'id,name,slug' },
      },
      signal,
    );
    const found = (Array.isArray(data) ? data : []).find(
      (term) => decodeEntities(term.name).toLowerCase() === name.toLowerCase(),
    );
    let id = found?.id;
    if (id === undefined) {
      try {
        const created = await client.send<WordPressTerm>(
          { method: 'POST', route: `/wp/v2/${taxonomy}`, resource: taxonomy, json: { name } },
          signal,
        );
        id = created.data.id;
      } catch (error) {
        const existing = termExistsId(error);
        if (existing === undefined) throw error;
        id = existing;
      }
    }
    cache.set(key, id);
    return id;
  }

  return {
    async resolve(taxonomy, names, signal) {
      const unique = [
        ...new Map(names.map((name) => [name.trim().toLowerCase(), name.trim()])).values(),
      ].filter((name) => name !== '');
      const ids: number[] = [];
      // One at a time: hosts throttle bursts, and terms are cached after the first post.
      for (const name of unique) ids.push(await one(taxonomy, name, signal));
      return [...new Set(ids)];
    },
  };
}

/** The id in a `400 term_exists` answer (`data.term_id`), else undefined. */
export function termExistsId(error: unknown): number | undefined {
  if (!ProviderError.isInstance(error) || error.code !== 'term_exists') return undefined;
  const data = (error.body as { data?: { term_id?: unknown } } | undefined)?.data;
  return typeof data?.term_id === 'number' ? data.term_id : undefined;
}
