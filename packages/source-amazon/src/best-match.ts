import { ProviderError } from '@reelsmith/core';

/** A search result as both backends can describe it. */
export interface SearchCandidate {
  asin: string;
  title: string;
  rating?: number;
  reviewCount?: number;
  /** Sponsored (ad) results are never picked. */
  sponsored?: boolean;
}

/** How a title search picks its product. */
export interface MatchSettings {
  /** Lowest title score (`titleScore`, 0–1) accepted. Default 0.5. */
  minScore?: number;
  /** When the best two scores are closer than this, the match is ambiguous. Default 0.05. */
  ambiguityMargin?: number;
}

/** A scored candidate. */
export interface ScoredCandidate extends SearchCandidate {
  score: number;
}

const stopWords = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'for',
  'with',
  'of',
  'in',
  'on',
  'to',
  'by',
  '-',
  '&',
]);

/** Lower-cases, strips accents and punctuation, and splits a title into words (stop words dropped). */
export function titleTokens(title: string): string[] {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '' && !stopWords.has(token));
}

/**
 * How well `title` matches `query`, 0–1: mostly the share of the query's distinct words found in
 * the title (coverage), plus a fifth for the overlap of both word sets (Jaccard), so a listing
 * that adds fewer unrelated words ranks higher.
 */
export function titleScore(query: string, title: string): number {
  const wanted = new Set(titleTokens(query));
  if (wanted.size === 0) return 0;
  const have = new Set(titleTokens(title));
  let found = 0;
  for (const token of wanted) if (have.has(token)) found += 1;
  const union = new Set([...wanted, ...have]).size;
  return 0.8 * (found / wanted.size) + 0.2 * (found / union);
}

/**
 * Picks the product a title search means: sponsored results are skipped, the rest ranked by
 * title word overlap, then rating, then review count. Throws `invalid_input` when nothing scores
 * `minScore` or more ("no match"), or when the best two are within `ambiguityMargin` of each
 * other and differ — naming the candidates and their ASINs, so the user can pass the ASIN.
 */
export function pickBestMatch(
  query: string,
  candidates: readonly SearchCandidate[],
  settings: MatchSettings & { provider: string },
): ScoredCandidate {
  const minScore = settings.minScore ?? 0.5;
  const margin = settings.ambiguityMargin ?? 0.05;
  const ranked = candidates
    .filter((candidate) => !candidate.sponsored && candidate.asin && candidate.title)
    .map((candidate) => ({ ...candidate, score: titleScore(query, candidate.title) }))
    .filter((candidate) => candidate.score >= minScore)
    .sort(
      (a, b) =>
        b.score - a.score || (b.rating ?? 0) - (a.rating ?? 0) || (b.reviewCount ?? 0) - (a.reviewCount ?? 0),
    );
  const [best, second] = ranked;
  if (!best) {
    throw new ProviderError({
      kind: 'invalid_input',
      provider: settings.provider,
      code: 'no_match',
      message:
        `no match for "${query}": no search result's title scores ${minScore} or more; ` +
        'skipped. Fix: pass the ASIN or the product URL, or a title closer to the listing',
    });
  }
  if (second && second.asin !== best.asin && best.score - second.score < margin) {
    const top = ranked
      .slice(0, 3)
      .map((candidate) => `${candidate.asin} "${candidate.title.slice(0, 80)}"`)
      .join('; ');
    throw new ProviderError({
      kind: 'invalid_input',
      provider: settings.provider,
      code: 'ambiguous',
      message: `"${query}" is ambiguous: ${top}. Fix: pass the ASIN of the product you mean`,
    });
  }
  return best;
}
