import type { Product } from '@reelsmith/core';
import {
  asSentence,
  countWords,
  firstWords,
  leadingClause,
  sentenceCase,
  tidy,
  words,
} from './text-tools.js';

/** One selling point, from a bullet: a short headline and an optional detail sentence. */
export interface Feature {
  /** Sentence case, at most 8 words, no final period: `Keeps drinks cold 24 hours`. */
  headline: string;
  /** The rest of the bullet, tidied, or undefined. */
  detail: string | undefined;
}

/** What the local script writer knows about a product, cleaned for speech. */
export interface ProductFacts {
  /** Short product name without the brand: `Insulated Stainless Steel Water Bottle`. */
  name: string;
  /** Lower-case generic noun: `water bottle`. */
  noun: string;
  /** The product name is a plural noun (`earbuds`): phrases say "these", "are". */
  plural: boolean;
  brand: string | undefined;
  features: Feature[];
  rating: { value: number; count: number | undefined } | undefined;
  /** Short review excerpts (at most 12 words), to quote with attribution. */
  quotes: string[];
  category: string | undefined;
  hasPrice: boolean;
}

const nameBreak = /\s*(?:,|\s[-–—|]\s|\||\(|:|\s(?:with|for|featuring|including)\s)/i;
const sizeToken =
  /\d|^(?:oz|ml|l|lb|lbs|kg|g|inch|inches|in|cm|mm|pack|pcs|count|ct|piece|pieces|set|qt|quart|gallon)$/i;

/** Extracts {@link ProductFacts} from a product. `includeRatings: false` leaves the rating out. */
export function productFacts(product: Product, options: { includeRatings: boolean }): ProductFacts {
  const brand = tidy(product.brand ?? '') || undefined;
  const name = shortName(product.title, brand);
  const noun = genericNoun(name);
  return {
    name,
    noun,
    plural: /[^su]s$/i.test(noun),
    brand,
    features: product.bullets.map(toFeature).filter((feature): feature is Feature => feature !== undefined),
    rating:
      options.includeRatings && product.rating !== undefined && product.rating > 0
        ? { value: Math.round(product.rating * 10) / 10, count: product.reviewCount || undefined }
        : undefined,
    quotes: product.reviews
      .map((review) => quoteOf(review.title, review.text))
      .filter((quote): quote is string => quote !== undefined)
      .slice(0, 3),
    category: tidy(product.category?.split(/[›>/|]/).pop() ?? '') || undefined,
    hasPrice: product.price !== undefined,
  };
}

function shortName(title: string, brand: string | undefined): string {
  let name = tidy(title.split(nameBreak)[0] ?? title);
  if (brand && name.toLowerCase().startsWith(brand.toLowerCase())) name = tidy(name.slice(brand.length));
  if (name === '') name = tidy(title);
  return firstWords(name, 6);
}

function genericNoun(name: string): string {
  const kept = words(name).filter((word) => !sizeToken.test(word));
  const noun = (kept.length > 0 ? kept : words(name)).slice(-2).join(' ');
  return noun.toLowerCase();
}

function toFeature(bullet: string): Feature | undefined {
  const clean = tidy(bullet);
  if (clean === '') return undefined;
  const labelled =
    /^((?:[^:.!?]|(?<=\d)\.(?=\d)){3,60})[:：]\s*(.+)$/.exec(clean) ??
    /^(.{3,60}?)\s[-–—]\s(.+)$/.exec(clean);
  if (labelled?.[1] && countWords(labelled[1]) <= 8) {
    return { headline: sentenceCase(tidy(labelled[1])), detail: detailOf(labelled[2] ?? '') };
  }
  const clause = leadingClause(clean, 8);
  if (clause) {
    return {
      headline: sentenceCase(clause),
      detail: detailOf(clean.slice(clean.indexOf(clause) + clause.length)),
    };
  }
  return { headline: sentenceCase(firstWords(clean, 7)), detail: undefined };
}

function detailOf(text: string): string | undefined {
  const clean = tidy(text);
  return clean === '' ? undefined : sentenceCase(clean);
}

/** A short excerpt of a review: its title when short, else its first clause of up to 12 words. */
function quoteOf(title: string | undefined, text: string): string | undefined {
  const heading = tidy(title ?? '');
  if (countWords(heading) >= 2 && countWords(heading) <= 10) return asSentence(sentenceCase(heading));
  const firstSentence = tidy(text).split(/(?<=[.!?])\s/)[0] ?? '';
  const clause = leadingClause(firstSentence, 12);
  return clause ? asSentence(sentenceCase(clause)) : undefined;
}
