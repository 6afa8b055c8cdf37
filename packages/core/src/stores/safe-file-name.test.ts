import { describe, expect, it } from 'vitest';
import { decodeFileName, encodeFileName } from './safe-file-name.js';

describe('encodeFileName', () => {
  it('keeps a-z, 0-9, - and _ and escapes everything else', () => {
    expect(encodeFileName('run-42_a')).toBe('run-42_a');
    expect(encodeFileName('publish:youtube')).toBe('publish%3Ayoutube');
    expect(encodeFileName('../a/b')).toBe('%2E%2E%2Fa%2Fb');
    expect(encodeFileName('Run')).toBe('%52un');
    expect(encodeFileName('é')).toBe('%C3%A9');
  });

  it('round-trips through decodeFileName', () => {
    for (const name of ['publish:youtube', '..', 'A/b\\c', 'ränn 🎬', '%2E', 'con', 'LPT1', '~x']) {
      const encoded = encodeFileName(name);
      expect(encoded).toMatch(/^(?:[a-z0-9_-]|%[0-9A-F]{2})+$/);
      expect(decodeFileName(encoded)).toBe(name);
    }
  });

  it('keeps names distinct on case-insensitive file systems', () => {
    const names = ['Key', 'key', 'KEY', 'kEy'];
    expect(new Set(names.map((name) => encodeFileName(name).toLowerCase())).size).toBe(names.length);
  });

  it('escapes Windows device names', () => {
    expect(encodeFileName('con')).toBe('%63on');
    expect(encodeFileName('com1')).toBe('%63om1');
    expect(encodeFileName('console')).toBe('console');
  });

  it('shortens long names with a hash that decodeFileName does not reverse', () => {
    const long = encodeFileName('Ü'.repeat(200));
    expect(long.length).toBeLessThanOrEqual(141);
    expect(long).toMatch(/~[0-9a-f]{40}$/);
    expect(long).not.toMatch(/%.?~/);
    expect(decodeFileName(long)).toBeUndefined();
    expect(encodeFileName('Ü'.repeat(199))).not.toBe(long);
  });

  it('does not decode names it did not produce', () => {
    expect(decodeFileName('a.json')).toBeUndefined();
    expect(decodeFileName('%zz')).toBeUndefined();
    expect(decodeFileName('%FF')).toBeUndefined();
  });
});
