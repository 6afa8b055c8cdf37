import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text.js';

describe('wrapText', () => {
  it('wraps on word boundaries', () => {
    expect(wrapText('keeps drinks cold for twenty four hours', 16, 4)).toEqual({
      lines: ['keeps drinks', 'cold for twenty', 'four hours'],
      truncated: false,
    });
  });

  it('collapses whitespace and splits words longer than a line', () => {
    expect(wrapText('  a   supercalifragilistic  word ', 8, 5).lines).toEqual([
      'a',
      'supercal',
      'ifragili',
      'stic',
      'word',
    ]);
  });

  it('ends with an ellipsis when the text does not fit', () => {
    const result = wrapText('one two three four five six seven eight nine ten', 10, 2);
    expect(result.truncated).toBe(true);
    expect(result.lines).toHaveLength(2);
    expect(result.lines[1]?.endsWith('…')).toBe(true);
    for (const line of result.lines) expect(line.length).toBeLessThanOrEqual(10);
  });

  it('returns no lines for blank text', () => {
    expect(wrapText('   ', 10, 3)).toEqual({ lines: [], truncated: false });
  });
});

describe('wrapText with a measure', () => {
  it('wraps by measured width', () => {
    const wide = (line: string) => [...line].reduce((sum, character) => sum + (character === 'W' ? 2 : 1), 0);
    expect(wrapText('WW ab WW', 5, 5, wide).lines).toEqual(['WW', 'ab', 'WW']);
    expect(wrapText('ab ab ab', 5, 5, wide).lines).toEqual(['ab ab', 'ab']);
  });
});
