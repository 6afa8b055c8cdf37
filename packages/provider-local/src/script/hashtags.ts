import { pickOne, type RandomSource } from '../shared/seeded-random.js';
import type { ProductFacts } from './product-facts.js';
import { capitalize, words } from './text-tools.js';

/** A valid hashtag: `#`, then letters and digits with at least one letter, at most 30 characters. */
export const hashtagPattern = /^#(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{1,29}$/;

const stopWords = new Set(['and', 'the', 'for', 'with', 'of', 'a', 'an', 'to', 'in', 'on', 'by']);

/**
 * Hashtags for a product: `#ad` first (the FTC wants the ad disclosed where the link is), then
 * the brand, the product noun, its words and the category, then generic tags and `extra`.
 * Letters are stripped of accents; duplicates (ignoring case) are dropped; at most `max`.
 */
export function buildHashtags(
  facts: ProductFacts,
  random: RandomSource,
  extra: readonly string[],
  max: number,
): string[] {
  const nounWords = words(facts.noun).filter((word) => !stopWords.has(word.toLowerCase()));
  const candidates = [
    'ad',
    facts.brand ?? '',
    nounWords.join(' '),
    capitalize(nounWords.at(-1) ?? ''),
    facts.category ?? '',
    pickOne(random, ['ProductReview', 'Review', 'HonestReview']),
    pickOne(random, ['GiftIdeas', 'MustHave', 'EverydayEssentials', 'CoolFinds']),
    ...extra,
  ];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const candidate of candidates) {
    const tag = toHashtag(candidate);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
    if (tags.length >= max) break;
  }
  return tags;
}

/** `'pour-over kettle'` → `#PourOverKettle`; `undefined` when nothing valid is left. */
export function toHashtag(text: string): string | undefined {
  const parts = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^#/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  // A single word keeps its case (`#ad`); several are joined in CamelCase (`#PourOverKettle`).
  const joined =
    parts.length === 1
      ? (parts[0] ?? '')
      : parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  const tag = `#${joined.slice(0, 29)}`;
  return hashtagPattern.test(tag) ? tag : undefined;
}
