import { describe, expect, it } from 'vitest';
import {
  extractHashtags,
  limitHashtagsInText,
  removeHashtags,
  toHashtag,
  uniqueHashtags,
} from './hashtags.js';

describe('hashtags', () => {
  it('normalizes words into hashtags', () => {
    expect(toHashtag('pour-over kettle')).toBe('#PourOverKettle');
    expect(toHashtag('#ad')).toBe('#ad');
    expect(toHashtag('Café')).toBe('#Café');
    expect(toHashtag('#2024')).toBeUndefined();
  });

  it('drops duplicates ignoring case and keeps the order', () => {
    expect(uniqueHashtags(['#ad', '#Coffee', 'coffee', '#AD', 'kitchen gadgets'])).toEqual([
      '#ad',
      '#Coffee',
      '#KitchenGadgets',
    ]);
  });

  it('finds, removes and limits hashtags in a text', () => {
    const text = 'Great #coffee kettle #ad for #PourOver fans. Mail me at a#b.';
    expect(extractHashtags(text)).toEqual(['#coffee', '#ad', '#PourOver']);
    expect(removeHashtags(text)).toBe('Great kettle for fans. Mail me at a#b.');
    expect(limitHashtagsInText(text, 2)).toBe('Great #coffee kettle #ad for fans. Mail me at a#b.');
    expect(limitHashtagsInText(text, 5)).toBe(text);
  });
});
