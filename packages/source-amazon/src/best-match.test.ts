import { ProviderError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { pickBestMatch, titleScore } from './best-match.js';

const provider = 'test';

describe('pickBestMatch', () => {
  it('skips sponsored results and ranks by title overlap, then rating and reviews', () => {
    const best = pickBestMatch(
      'insulated water bottle',
      [
        { asin: 'B0SPONSOR1', title: 'Insulated Water Bottle', sponsored: true, rating: 5 },
        {
          asin: 'B0AAAAAAA1',
          title: 'Insulated Water Bottle 32oz Stainless Steel Lid Straw Handle',
          rating: 4,
        },
        { asin: 'B0AAAAAAA2', title: 'Insulated Water Bottle 32oz', rating: 4.8 },
      ],
      { provider },
    );
    expect(best.asin).toBe('B0AAAAAAA2');
  });

  it('raises no_match below minScore and ambiguous when the top two are within the margin', () => {
    expect(() =>
      pickBestMatch('kettle', [{ asin: 'B0AAAAAAA1', title: 'Water bottle' }], { provider }),
    ).toThrow(/no match for "kettle"/);
    try {
      pickBestMatch(
        'yoga mat',
        [
          { asin: 'B0AAAAAAA1', title: 'Yoga Mat Blue' },
          { asin: 'B0AAAAAAA2', title: 'Yoga Mat Green' },
        ],
        { provider },
      );
      throw new Error('expected ambiguous');
    } catch (error) {
      expect(ProviderError.isInstance(error) && error.code).toBe('ambiguous');
    }
    // A zero margin accepts the first of equals; a high minScore turns a partial match into no match.
    expect(
      pickBestMatch(
        'yoga mat',
        [
          { asin: 'B0AAAAAAA1', title: 'Yoga Mat Blue' },
          { asin: 'B0AAAAAAA2', title: 'Yoga Mat Green' },
        ],
        { provider, ambiguityMargin: 0 },
      ).asin,
    ).toBe('B0AAAAAAA1');
    expect(() =>
      pickBestMatch('yoga mat cork', [{ asin: 'B0AAAAAAA1', title: 'Yoga Mat' }], {
        provider,
        minScore: 0.9,
      }),
    ).toThrow(/no match/);
  });

  it('titleScore ignores case, accents and punctuation', () => {
    expect(titleScore('Crème Brûlée Torch!', 'creme brulee torch')).toBe(1);
  });
});
