import { describe, expect, it } from 'vitest';
import { splitWords, wordIndexAt } from './split-words.js';

describe('splitWords', () => {
  it('keeps words as written and joins symbol-only tokens to a neighbour', () => {
    const text = '— Wow, fish & chips… only $4.99 😀 today!';
    const words = splitWords(text);
    expect(words.map((word) => word.text)).toEqual([
      '— Wow,',
      'fish &',
      'chips…',
      'only',
      '$4.99 😀',
      'today!',
    ]);
    for (const word of words) {
      expect(text.slice(word.start, word.end).replace(/\s+/g, ' ')).toBe(word.text);
    }
  });

  it('finds no words in blank or punctuation-only text', () => {
    expect(splitWords('')).toEqual([]);
    expect(splitWords(' ... — !')).toEqual([]);
  });
});

describe('wordIndexAt', () => {
  it('returns the last word starting at or before the position', () => {
    const words = splitWords('one two  three');
    expect([0, 2, 3, 4, 8, 9, 13, 99].map((position) => wordIndexAt(words, position))).toEqual([
      0, 0, 0, 1, 1, 2, 2, 2,
    ]);
  });
});
