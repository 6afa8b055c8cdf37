import { describe, expect, it } from 'vitest';
import { complianceDefaults } from './compliance-defaults.js';
import { resolveCompliance } from './compliance-options.js';
import { discloseCaption, hasMarker } from './disclose.js';
import { fitCaption } from './fit-caption.js';
import { clipTo, measure } from './graphemes.js';

const settings = resolveCompliance();
const link = 'https://www.amazon.com/dp/B0C1234567?tag=reelsmith-20';
const parts = { link, linkLabel: '(paid link)' };
const statement = complianceDefaults.disclosure;

describe('graphemes', () => {
  it('counts an emoji with modifiers as one character and never cuts inside it', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(measure(`ab${family}`, 'graphemes')).toBe(3);
    expect(measure(family, 'utf8-bytes')).toBe(25);
    expect(clipTo(`ab${family}cd`, 3, 'graphemes')).toBe(`ab${family}`);
    expect(clipTo(`ab${family}cd`, 10, 'utf8-bytes')).toBe('ab');
  });
});

describe('fitCaption', () => {
  it('shortens the body, never the required block', () => {
    const body = 'word '.repeat(100);
    const fitted = fitCaption(body, 'REQUIRED', 60, 'graphemes')!;
    expect(measure(fitted, 'graphemes')).toBeLessThanOrEqual(60);
    expect(fitted.endsWith('\n\nREQUIRED')).toBe(true);
    expect(fitted).toContain('…');
  });

  it('returns undefined when the required block alone is too long', () => {
    expect(fitCaption('body', 'x'.repeat(20), 10)).toBeUndefined();
  });
});

describe('discloseCaption', () => {
  it('adds the link with its label, the statement and #ad to a bare caption', () => {
    const caption = discloseCaption('Great bottle.', settings.platform('youtube'), parts)!;
    expect(caption).toBe(`Great bottle.\n\n${link} (paid link)\n${statement} #ad`);
  });

  it('repeats nothing already present', () => {
    const text = `Great bottle. Get it: ${link} (paid link)\n${statement} #ad #hydration`;
    expect(discloseCaption(text, settings.platform('youtube'), parts)).toBe(text);
  });

  it('does not take #adventure for the #ad marker', () => {
    expect(hasMarker('#adventure time', '#ad')).toBe(false);
    expect(hasMarker('Sponsored (#ad).', '#ad')).toBe(true);
    const caption = discloseCaption(`${statement} #adventure`, settings.platform('youtube'), {
      linkLabel: '(paid link)',
    })!;
    expect(caption.endsWith('#ad')).toBe(true);
  });

  it('writes "link in bio" on platforms without clickable caption links', () => {
    const caption = discloseCaption('Great bottle.', settings.platform('instagram'), parts)!;
    expect(caption).not.toContain(link);
    expect(caption).toContain('Link in bio (paid link)');
    expect(caption).toContain(statement);
  });

  it('keeps every disclosure when a long caption is shortened, even one that sat in the middle', () => {
    const text = `${statement} #ad\n${'This bottle keeps drinks cold for a whole day. '.repeat(80)}`;
    const caption = discloseCaption(text, settings.platform('instagram'), parts)!;
    expect(measure(caption, 'graphemes')).toBeLessThanOrEqual(2200);
    expect(caption).toContain(statement);
    expect(hasMarker(caption, '#ad')).toBe(true);
    expect(caption).toContain('Link in bio');
    expect(caption.split(statement).length).toBe(2);
  });

  it('fits YouTube descriptions by UTF-8 bytes', () => {
    const text = 'Ünïcödé '.repeat(700);
    const caption = discloseCaption(text, settings.platform('youtube'), parts)!;
    expect(measure(caption, 'utf8-bytes')).toBeLessThanOrEqual(5000);
    expect(caption.endsWith(`${statement} #ad`)).toBe(true);
  });

  it('leaves the statement out where a platform rule says so, but keeps the marker', () => {
    const rule = resolveCompliance({ platforms: { instagram: { disclosure: false } } }).platform('instagram');
    const caption = discloseCaption('Great bottle.', rule, parts)!;
    expect(caption).not.toContain(statement);
    expect(hasMarker(caption, '#ad')).toBe(true);
  });

  it('returns undefined when the disclosures alone exceed the limit', () => {
    const rule = resolveCompliance({ platforms: { tiny: { limit: 20 } } }).platform('tiny');
    expect(discloseCaption('Hi', rule, parts)).toBeUndefined();
  });
});
