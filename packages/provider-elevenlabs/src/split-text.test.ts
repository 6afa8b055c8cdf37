import { describe, expect, it } from 'vitest';
import { countCharacters, splitText } from './split-text.js';

describe('splitText', () => {
  it('keeps a text under the limit whole, trimmed', () => {
    expect(splitText('  Hello there.  ', 100)).toEqual(['Hello there.']);
    expect(splitText(' \n ', 100)).toEqual([]);
  });

  it('cuts at sentence ends and packs sentences up to the limit', () => {
    const text = 'One two. Three four five! Six? "Seven," he said. Eight.';
    expect(splitText(text, 26)).toEqual(['One two. Three four five!', 'Six? "Seven," he said.', 'Eight.']);
    for (const chunk of splitText(text, 26)) expect(countCharacters(chunk)).toBeLessThanOrEqual(26);
  });

  it('treats line breaks as boundaries and keeps them inside a chunk', () => {
    expect(splitText('Line one\nLine two\nLine three', 18)).toEqual(['Line one\nLine two', 'Line three']);
  });

  it('cuts a long sentence at clause punctuation, then at spaces, then inside a word', () => {
    expect(splitText('alpha beta, gamma delta; epsilon', 12)).toEqual([
      'alpha beta,',
      'gamma delta;',
      'epsilon',
    ]);
    expect(splitText('alpha beta gamma delta', 11)).toEqual(['alpha beta', 'gamma delta']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('counts code points, never splitting a surrogate pair', () => {
    const text = '😀😀😀 😀😀';
    expect(countCharacters(text)).toBe(6);
    expect(splitText(text, 3)).toEqual(['😀😀😀', '😀😀']);
    expect(splitText('😀😀😀😀', 3)).toEqual(['😀😀😀', '😀']);
  });

  it('handles a 40,000-character script quickly and losslessly', () => {
    const sentence = 'This bottle keeps drinks cold for a whole day. ';
    const text = sentence.repeat(850).trim();
    const chunks = splitText(text, 10_000);
    expect(chunks.every((chunk) => countCharacters(chunk) <= 10_000)).toBe(true);
    expect(chunks.every((chunk) => chunk.endsWith('.'))).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });
});
