import type { Product } from '../spec/product.js';
import type { Script } from '../spec/script-provider.js';
import type { ComplianceViolation } from './compliance-error.js';
import type { ResolvedCompliance } from './compliance-options.js';
import { findPrices, pricesAreDated } from './prices.js';

/** A script field and its text. */
interface Field {
  field: string;
  text: string;
}

function spokenFields(script: Script): Field[] {
  return [
    { field: 'hook', text: script.hook },
    ...script.scenes.map((scene, index) => ({ field: `scenes[${index}].text`, text: scene.text })),
    { field: 'callToAction', text: script.callToAction },
  ];
}

function writtenFields(script: Script): Field[] {
  return [
    { field: 'title', text: script.title },
    { field: 'description', text: script.description },
    ...Object.entries(script.captions ?? {}).map(([platform, text]) => ({
      field: `captions.${platform}`,
      text: text ?? '',
    })),
  ];
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

/** The first run of `size` consecutive words of `review` that `text` repeats, if any. */
function copiedRun(text: string, review: string, size: number): string | undefined {
  const reviewWords = words(review);
  if (reviewWords.length < size) return undefined;
  const haystack = ` ${words(text).join(' ')} `;
  for (let start = 0; start + size <= reviewWords.length; start++) {
    const run = reviewWords.slice(start, start + size).join(' ');
    if (haystack.includes(` ${run} `)) return run;
  }
  return undefined;
}

const quoted = /[“"«„]([^”"»“]+)[”"»“]/gu;

/**
 * A review repeated as the script's own words (an unquoted run of `copiedReviewWords` words),
 * or quoted at more than `reviewQuoteWords` words. Short attributed quotes are fine.
 */
function copiedReview(
  text: string,
  product: Product,
  settings: ResolvedCompliance,
): { problem: string; fix: string } | undefined {
  const quotes = [...text.matchAll(quoted)].map((match) => match[1] ?? '');
  const unquoted = text.replace(quoted, ' … ');
  for (const review of product.reviews) {
    const run = copiedRun(unquoted, review.text, settings.copiedReviewWords);
    if (run) {
      return {
        problem: `it repeats a customer review as its own words ("${run}")`,
        fix: 'summarize what reviewers say in your own words, or quote briefly in quotation marks and attribute it',
      };
    }
    const long = quotes.find(
      (quote) =>
        words(quote).length > settings.reviewQuoteWords &&
        copiedRun(quote, review.text, settings.copiedReviewWords) !== undefined,
    );
    if (long) {
      return {
        problem: `it quotes ${words(long).length} words of a customer review; at most ${settings.reviewQuoteWords} may be quoted`,
        fix: 'shorten the quote, or raise compliance.reviews.quoteWords',
      };
    }
  }
  return undefined;
}

const endorsement =
  /\bamazon\s+(?:recommends|endorses|approves|approved|certified|official)\b|\bendorsed by amazon\b/i;

/**
 * Checks a script against the rules: no spoken price (unless allowed), no undated price in
 * text, no customer review copied wholesale, no implied endorsement by Amazon.
 */
export function checkScript(
  script: Script,
  product: Product,
  settings: ResolvedCompliance,
): ComplianceViolation[] {
  const violations: ComplianceViolation[] = [];
  if (settings.prices.spoken === 'forbid') {
    for (const { field, text } of spokenFields(script)) {
      const prices = findPrices(text);
      if (prices.length > 0) {
        violations.push({
          rule: 'spoken-price',
          field,
          problem: `the voice-over states a price (${prices.join(', ')}); a price baked into a video goes stale and cannot be refreshed`,
          fix: "say \"check today's price at the link\" instead, or set compliance.prices.spoken to 'allow'",
        });
      }
    }
  }
  for (const { field, text } of writtenFields(script)) {
    if (findPrices(text).length > 0 && !pricesAreDated(text)) {
      violations.push({
        rule: 'undated-price',
        field,
        problem: `it shows a price (${findPrices(text).join(', ')}) without the time it was read`,
        fix: "remove the price from the script and set compliance.prices.text to 'with-date' to add a dated price line",
      });
    }
  }
  for (const { field, text } of [...spokenFields(script), ...writtenFields(script)]) {
    const copied = copiedReview(text, product, settings);
    if (copied) violations.push({ rule: 'copied-review', field, ...copied });
    if (endorsement.test(text)) {
      violations.push({
        rule: 'implied-endorsement',
        field,
        problem: 'it implies Amazon endorses the product or the channel',
        fix: 'remove the claim; Associates may not imply endorsement by Amazon',
      });
    }
  }
  return violations;
}
