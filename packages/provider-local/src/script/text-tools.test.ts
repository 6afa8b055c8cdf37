import { describe, expect, it } from 'vitest';
import { asSentence, clip, countWords, leadingClause, roughCount, sentenceCase, tidy } from './text-tools.js';

describe('text tools', () => {
  it('sentence-cases shouting headings but keeps acronyms and numbers', () => {
    expect(sentenceCase('KEEPS DRINKS COLD 24 HOURS')).toBe('Keeps drinks cold 24 hours');
    expect(sentenceCase('BPA-FREE AND USB-C READY')).toBe('BPA-free and USB-C ready');
    expect(sentenceCase('Leak-proof lid')).toBe('Leak-proof lid');
    expect(sentenceCase('32-HOUR TOTAL PLAYTIME, IPX5')).toBe('32-hour total playtime, IPX5');
    expect(sentenceCase('STABLE BLUETOOTH 5.3')).toBe('Stable Bluetooth 5.3');
  });

  it('finds a leading clause within a word budget', () => {
    const text = 'Double-wall vacuum insulation keeps water cold all day, and coffee hot for twelve hours';
    expect(leadingClause(text, 20)).toBe(tidy(text));
    expect(leadingClause(text, 9)).toBe('Double-wall vacuum insulation keeps water cold all day');
    expect(leadingClause(text, 4)).toBeUndefined();
    expect(
      leadingClause('A slim spout gives a steady, controllable pour for even extraction', 6),
    ).toBeUndefined();
    expect(
      leadingClause('Works on gas, electric and induction hobs, even camping stoves', 6),
    ).toBeUndefined();
    expect(leadingClause('Works on gas, electric and induction hobs, even camping stoves', 7)).toBe(
      'Works on gas, electric and induction hobs',
    );
  });

  it('formats sentences, counts and lengths', () => {
    expect(asSentence('Hello')).toBe('Hello.');
    expect(asSentence('Really?')).toBe('Really?');
    expect(countWords('  one two   three ')).toBe(3);
    expect(roughCount(12480)).toBe('over 12,000');
    expect(roughCount(12000)).toBe('12,000');
    expect(roughCount(845)).toBe('845');
    expect(clip('one two three four', 10)).toBe('one two');
  });
});
