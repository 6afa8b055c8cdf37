import { describe, expect, it } from 'vitest';
import { maxPieceLength, splitSentences } from './split-sentences.js';

const cut = (text: string) => splitSentences(text).map((piece) => text.slice(piece.start, piece.end));

describe('splitSentences', () => {
  it('cuts at sentence ends and line breaks, trimming spaces', () => {
    expect(cut('  Hi there. "Really?" she asked… e.g. this one!\nFast boil\n\nCool touch  ')).toEqual([
      'Hi there.',
      '"Really?" she asked… e.g. this one!',
      'Fast boil',
      'Cool touch',
    ]);
  });

  it('gives no pieces for blank text and cuts very long sentences at a space', () => {
    expect(cut(' \n ')).toEqual([]);
    const long = Array.from({ length: 300 }, () => 'word').join(' ');
    const pieces = cut(long);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= maxPieceLength && !piece.startsWith(' '))).toBe(true);
    expect(pieces.join(' ')).toBe(long);
  });
});

describe('splitSentences with long unbroken text', () => {
  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(maxPieceLength - 1)}😀${'b'.repeat(50)}`;
    const pieces = cut(text);
    expect(pieces.join('')).toBe(text);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(pieces.some((piece) => loneSurrogate.test(piece))).toBe(false);
  });
});
