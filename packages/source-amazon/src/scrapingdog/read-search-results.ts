import type { SearchCandidate } from '../best-match.js';
import { parseCount, parseRating } from '../parse-price.js';

type Raw = Record<string, unknown>;

/**
 * Reads the results of a ScrapingDog `/amazon/search` answer: `{ results: [...] }`, a bare array,
 * or an array of pages (`[[...]]`). Each result gives an ASIN (`asin`, else read from its `url`),
 * a title, `stars`/`rating`, `total_reviews`, and a sponsored mark (`sponsored`, `is_sponsored`,
 * `type: "sponsored…"`, or an `/sspa/` ad link). Returns `undefined` when the body has no result list.
 */
export function readSearchResults(body: unknown): SearchCandidate[] | undefined {
  let list: unknown;
  if (Array.isArray(body)) list = Array.isArray(body[0]) ? body.flat() : body;
  else if (typeof body === 'object' && body !== null) {
    const raw = body as Raw;
    list = raw.results ?? raw.search_results ?? raw.products;
  }
  if (!Array.isArray(list)) return undefined;
  const candidates: SearchCandidate[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const raw = item as Raw;
    const url = typeof raw.url === 'string' ? raw.url : typeof raw.link === 'string' ? raw.link : '';
    const asin = (
      typeof raw.asin === 'string' ? raw.asin : /\/dp\/([A-Z0-9]{10})/i.exec(url)?.[1]
    )?.toUpperCase();
    const title = typeof raw.title === 'string' ? raw.title.trim() : '';
    if (!asin || !title) continue;
    const type = typeof raw.type === 'string' ? raw.type : '';
    candidates.push({
      asin,
      title,
      rating: parseRating(raw.stars ?? raw.rating ?? raw.average_rating),
      reviewCount: parseCount(raw.total_reviews ?? raw.reviews ?? raw.ratings_total),
      sponsored:
        raw.sponsored === true ||
        raw.is_sponsored === true ||
        /sponsor/i.test(type) ||
        /\/sspa\/|\/gp\/slredirect\//i.test(url),
    });
  }
  return candidates;
}
