import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import type { Product } from '../spec/product.js';
import type { Script } from '../spec/script-provider.js';
import { applyCompliance } from './apply-compliance.js';
import { resolveCompliance } from './compliance-options.js';
import { findPrices, priceLine, pricesAreDated } from './prices.js';
import { productForVideo } from './video-product.js';

const now = Date.parse('2026-11-24T12:00:00Z');
const product: Product = {
  asin: 'B0C1234567',
  title: 'Steel bottle',
  price: { amount: 24.99, currency: 'USD', readAt: '2026-11-24T09:00:00Z' },
  rating: 4.6,
  reviewCount: 1200,
  bullets: ['Keeps drinks cold for 24 hours'],
  reviews: [
    {
      text: 'I have carried this bottle on every hike this summer and the ice was still there at night, even after a long day in the hot car',
      rating: 5,
      author: 'Sam',
    },
  ],
  imageUrls: ['https://m.media-amazon.com/images/I/71abc.jpg'],
  affiliateUrl: 'https://www.amazon.com/dp/B0C1234567?tag=reelsmith-20',
  readAt: '2026-11-24T09:00:00Z',
};
const script: Script = {
  title: 'This bottle never gets warm',
  hook: 'Your water is warm again?',
  scenes: [
    { text: 'Steel walls keep it cold for a whole day.', imagePrompt: 'a steel bottle on a trail' },
    { text: 'It fits every cup holder.', imagePrompt: 'a bottle in a car cup holder' },
  ],
  callToAction: "Check today's price at the link.",
  description: 'The bottle that keeps up with you.',
  hashtags: ['#ad', '#hydration'],
  captions: { instagram: 'Cold water all day 🧊' },
};

describe('prices', () => {
  it.each([
    ['only $24.99 today', ['$24.99']],
    ['nur 24,99 € heute', ['24,99 €']],
    ['£1,299 or USD 30', ['£1,299', 'USD 30']],
    ['under twenty five dollars', ['twenty five dollars']],
    ['₹1,299 only', ['₹1,299']],
  ])('finds the price in %j', (text, expected) => {
    expect(findPrices(text)).toEqual(expected);
  });

  it.each([
    "Check today's price at the link.",
    'It weighs 2 pounds and holds 32 oz.',
    'Keeps drinks cold for 24 hours.',
  ])('finds no price in %j', (text) => {
    expect(findPrices(text)).toEqual([]);
  });

  it('stamps a price line with the time it was read and the disclaimer', () => {
    const line = priceLine(product.price!);
    expect(line).toMatch(/^Price: \$24\.99 \(as of 24 Nov 2026, 09:00 UTC\)\. Prices and availability/);
    expect(pricesAreDated(line)).toBe(true);
    expect(pricesAreDated('Now $24.99!')).toBe(false);
  });
});

describe('applyCompliance', () => {
  const settings = resolveCompliance();

  it('passes a clean script and discloses every caption', () => {
    const result = applyCompliance(script, product, ['youtube', 'instagram', 'local'], settings, now);
    expect(result.violations).toEqual([]);
    for (const text of [result.description, ...Object.values(result.captions)]) {
      expect(text).toContain('As an Amazon Associate I earn from qualifying purchases.');
      expect(text).toMatch(/(^|\s)#ad(\s|$)/);
    }
    expect(result.captions.instagram).toContain('Cold water all day 🧊');
    expect(result.captions.youtube).toContain(product.affiliateUrl);
    expect(result.captions.local).toContain(product.affiliateUrl);
    expect(result.description).not.toContain('$24.99');
  });

  it('reports a spoken price, naming the field, unless spoken prices are allowed', () => {
    const priced = { ...script, callToAction: 'Grab it for just $24.99!' };
    const [violation] = applyCompliance(priced, product, [], settings, now).violations;
    expect(violation).toMatchObject({ rule: 'spoken-price', field: 'callToAction' });
    expect(violation?.fix).toContain("compliance.prices.spoken to 'allow'");
    const allowed = resolveCompliance({ prices: { spoken: 'allow' } });
    expect(applyCompliance(priced, product, [], allowed, now).violations).toEqual([]);
  });

  it('reports an undated price in a caption', () => {
    const priced = { ...script, captions: { instagram: 'Only $19 today!' } };
    const result = applyCompliance(priced, product, ['instagram'], settings, now);
    expect(result.violations).toEqual([
      expect.objectContaining({ rule: 'undated-price', field: 'captions.instagram' }),
    ]);
  });

  it("adds a dated price line with prices.text 'with-date', but never for an unavailable product", () => {
    const withDate = resolveCompliance({ prices: { text: 'with-date' } });
    const result = applyCompliance(script, product, ['youtube', 'instagram'], withDate, now);
    expect(result.captions.youtube).toContain('Price: $24.99 (as of 24 Nov 2026, 09:00 UTC)');
    expect(result.captions.instagram).not.toContain('$24.99');
    const gone = applyCompliance(
      script,
      { ...product, availability: 'unavailable' },
      ['youtube'],
      withDate,
      now,
    );
    expect(gone.captions.youtube).not.toContain('$24.99');
  });

  it('reports a customer review copied word for word and an implied endorsement', () => {
    const copied = {
      ...script,
      scenes: [
        {
          text: 'I have carried this bottle on every hike this summer, trust me.',
          imagePrompt: 'a bottle on a hike',
        },
      ],
      description: 'Amazon recommends this bottle.',
    };
    const rules = applyCompliance(copied, product, [], settings, now).violations.map(
      (violation) => violation.rule,
    );
    expect(rules).toEqual(['copied-review', 'implied-endorsement']);
  });

  it('allows a short attributed quote of a review but not a long one', () => {
    const quote = (text: string) => ({
      ...script,
      scenes: [{ text: `One reviewer wrote: “${text}”`, imagePrompt: 'a bottle on a hike' }],
    });
    const short = quote('I have carried this bottle on every hike this summer');
    expect(applyCompliance(short, product, [], settings, now).violations).toEqual([]);
    const long = quote(product.reviews[0]!.text);
    expect(applyCompliance(long, product, [], settings, now).violations).toEqual([
      expect.objectContaining({ rule: 'copied-review', field: 'scenes[0].text' }),
    ]);
  });

  it('reports disclosures that cannot fit a platform limit instead of dropping them', () => {
    const tiny = resolveCompliance({ platforms: { tiny: { limit: 30 } } });
    const result = applyCompliance(script, product, ['tiny'], tiny, now);
    expect(result.violations).toEqual([
      expect.objectContaining({ rule: 'disclosure-does-not-fit', field: 'captions.tiny' }),
    ]);
  });

  it('passes texts through unchanged when the guard is off', () => {
    const off = resolveCompliance({ enabled: false });
    const priced = { ...script, callToAction: 'Only $24.99!' };
    const result = applyCompliance(priced, product, ['youtube'], off, now);
    expect(result.violations).toEqual([]);
    expect(result.captions.youtube).toBe(script.description);
  });
});

describe('productForVideo', () => {
  const settings = resolveCompliance();

  it('drops the price and the photo URLs, keeps fresh ratings and shortens review quotes', () => {
    const video = productForVideo(product, settings, now);
    expect(video.price).toBeUndefined();
    expect(video.imageUrls).toEqual([]);
    expect(video.rating).toBe(4.6);
    expect(video.reviews[0]?.text.split(' ').length).toBeLessThanOrEqual(20);
    expect(video.reviews[0]?.text.endsWith('…')).toBe(true);
  });

  it('drops ratings read more than 24 hours ago', () => {
    const stale = productForVideo({ ...product, readAt: '2026-11-20T09:00:00Z' }, settings, now);
    expect(stale.rating).toBeUndefined();
    expect(stale.reviewCount).toBeUndefined();
  });

  it("keeps photo URLs with productPhotos: 'in-video'", () => {
    const video = productForVideo(product, resolveCompliance({ productPhotos: 'in-video' }), now);
    expect(video.imageUrls).toEqual(product.imageUrls);
  });
});

describe('resolveCompliance', () => {
  it('names the field and the fix of a bad setting', () => {
    const attempt = () => resolveCompliance({ productPhotos: 'always' as never });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/`compliance\.productPhotos`.*'reference-only' \(default\)/s);
  });
});
