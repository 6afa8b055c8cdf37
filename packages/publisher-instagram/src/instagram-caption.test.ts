import { measure, type PublishDraft } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { adaptCaption, countMentions, hashtagsIn, markerLine } from './instagram-caption.js';

const disclosure = 'As an Amazon Associate I earn from qualifying purchases.';
const base: PublishDraft = {
  marker: 'rsm-aaaaaaaaaaaaaaaaaaaa',
  title: 'Bottle',
  description: `Keeps drinks cold. https://amzn.to/3xExample (paid link)\n\n${disclosure} #ad`,
  tags: ['bottle', '#Hydration', 'cold drinks', 'bottle'],
  video: { store: 'memory', key: 'v.mp4', mediaType: 'video/mp4', size: 10, sha256: 'x' },
  durationMs: 20_000,
  width: 1080,
  height: 1920,
  links: ['https://amzn.to/3xExample'],
};

describe('adaptCaption', () => {
  it('replaces raw URLs with "Link in bio", keeps the disclosure and #ad, ends with the marker line', () => {
    const caption = adaptCaption(base) as string;
    expect(caption).not.toMatch(/https?:\/\//);
    expect(caption).toContain('Link in bio (paid link)');
    expect(caption).toContain(disclosure);
    expect(caption).toContain('#ad');
    expect(caption.split('\n').at(-1)).toBe(markerLine(base.marker));
  });

  it('adds hashtags from tags and metadata within the cap, #ad counted, without repeats', () => {
    const caption = adaptCaption({ ...base, metadata: { hashtags: ['#extra', 'more', 'most'] } }) as string;
    expect(hashtagsIn(caption)).toEqual(['#ad', '#bottle', '#hydration', '#colddrinks', '#extra']);
    const two = adaptCaption(base, { limits: { hashtags: 2 } }) as string;
    expect(hashtagsIn(two)).toEqual(['#ad', '#bottle']);
  });

  it('the marker line is plain text: it does not count as a hashtag', () => {
    expect(hashtagsIn(markerLine(base.marker))).toEqual([]);
  });

  it('adds the call to action before the disclosures when the text lacks it', () => {
    const caption = adaptCaption({ ...base, metadata: { callToAction: 'Grab yours today' } }) as string;
    const lines = caption.split('\n');
    const cta = lines.findIndex((line) => line.includes('Grab yours today'));
    expect(cta).toBeGreaterThan(0);
    expect(cta).toBeLessThan(lines.findIndex((line) => line.includes(disclosure)));
    const off = adaptCaption(
      { ...base, metadata: { callToAction: 'Grab yours today' } },
      { caption: { callToAction: false } },
    );
    expect(off).not.toContain('Grab yours today');
  });

  it('shortens the body, never the disclosure, #ad or the marker line, to fit 2,200 graphemes', () => {
    const long = {
      ...base,
      description: `${'🧊 cold '.repeat(400)}\n\nLink in bio (paid link)\n${disclosure} #ad`,
    };
    const caption = adaptCaption(long) as string;
    expect(measure(caption, 'graphemes')).toBeLessThanOrEqual(2200);
    expect(caption).toContain(disclosure);
    expect(caption).toContain('#ad');
    expect(caption).toContain('…');
    expect(caption.endsWith(markerLine(base.marker))).toBe(true);
  });

  it('prefers dropping extra hashtags to shortening the body', () => {
    const fill = 'x'.repeat(2200 - 200);
    const draft = { ...base, description: `${fill}\n\nLink in bio (paid link)\n${disclosure} #ad` };
    const caption = adaptCaption(draft, {
      limits: { captionGraphemes: measure(adaptCaption({ ...draft, tags: [] }) as string, 'graphemes') + 3 },
    }) as string;
    expect(caption).toContain(fill);
    expect(hashtagsIn(caption)).toEqual(['#ad']);
  });

  it('adds the disclosure and "Link in bio" when an affiliate draft lacks them; none for a plain post', () => {
    const bare = adaptCaption({ ...base, description: 'Keeps drinks cold.' }) as string;
    expect(bare).toContain('Link in bio (paid link)');
    expect(bare).toContain(disclosure);
    const plain = adaptCaption({ ...base, description: 'Keeps drinks cold.', links: [] }) as string;
    expect(plain).not.toContain(disclosure);
    expect(plain).not.toContain('Link in bio');
  });

  it('resolves undefined when the disclosures alone exceed the limit', () => {
    expect(adaptCaption(base, { limits: { captionGraphemes: 40 } })).toBeUndefined();
  });

  it('counts @mentions but not e-mail addresses', () => {
    expect(countMentions('thanks @maker and @shop.uk, mail me@example.com')).toBe(2);
  });
});
