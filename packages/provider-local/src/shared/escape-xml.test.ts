import { describe, expect, it } from 'vitest';
import { escapeXml } from './escape-xml.js';

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`<b>"Tom's" & co</b>`)).toBe('&lt;b&gt;&quot;Tom&apos;s&quot; &amp; co&lt;/b&gt;');
  });

  it('drops characters XML forbids and keeps emoji', () => {
    expect(escapeXml('a\u0000b\u001fc\ud800d ☕ 👍')).toBe('abcd ☕ 👍');
  });
});
