import { describe, expect, it } from 'vitest';
import { escapeSsml } from './escape-ssml.js';

describe('escapeSsml', () => {
  it('escapes markup and maps code point positions back to UTF-16 offsets', () => {
    const original = 'a<b & 😀 c';
    const escaped = escapeSsml(original);
    expect(escaped.text).toBe('a&lt;b &amp; 😀 c');
    const codePoints = [...escaped.text];
    const at = (character: string, from = 0) => codePoints.indexOf(character, from);
    expect(escaped.sourceOffset(at('b'))).toBe(original.indexOf('b'));
    expect(escaped.sourceOffset(at('&', 2))).toBe(original.indexOf('&'));
    expect(escaped.sourceOffset(at('c'))).toBe(original.indexOf('c'));
    expect(escaped.sourceOffset(codePoints.length + 5)).toBe(original.length);
  });
});
