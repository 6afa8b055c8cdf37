import { describe, expect, it } from 'vitest';
import { splitForSpeech } from './split-text.js';

describe('splitForSpeech', () => {
  it('keeps a short text whole', () => {
    expect(splitForSpeech('  Hello   there.  ', 100)).toEqual(['Hello there.']);
    expect(splitForSpeech('   ', 100)).toEqual([]);
  });

  it('splits at sentence ends under the limit and keeps every word in order', () => {
    const text = 'One two three. Four five six seven! Eight nine? Ten eleven twelve thirteen fourteen.';
    const parts = splitForSpeech(text, 40);
    expect(parts.every((part) => part.length <= 40)).toBe(true);
    expect(parts[0]).toBe('One two three. Four five six seven!');
    expect(parts.join(' ')).toBe(text);
  });

  it('splits a long sentence at spaces and a giant word by length', () => {
    const parts = splitForSpeech(`${'word '.repeat(30).trim()}. ${'x'.repeat(25)}`, 20);
    expect(parts.every((part) => part.length <= 20)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, '')).toBe(`${'word'.repeat(30)}.${'x'.repeat(25)}`);
  });
});
