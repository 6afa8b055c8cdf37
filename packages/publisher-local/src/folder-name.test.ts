import { describe, expect, it } from 'vitest';
import { isTempFolderName, markerSlug, runFolderName, slugify, tempFolderName } from './folder-name.js';

describe('folder names', () => {
  it('slugs titles to lower-case ASCII words', () => {
    expect(slugify('Crème Brûlée Torch — 2-Pack!')).toBe('creme-brulee-torch-2-pack');
    expect(slugify('東京 🍵')).toBe('video');
    expect(slugify(`${'a'.repeat(59)} bcd`)).toBe('a'.repeat(59));
  });

  it('keeps markers readable and safe', () => {
    expect(markerSlug('rsm-0a1b_C')).toBe('rsm-0a1b_C');
    expect(markerSlug('../../etc/passwd')).toBe('-etc-passwd');
    expect(runFolderName('My Kettle', 'rsm-1')).toBe('my-kettle-rsm-1');
  });

  it('recognizes its temporary names', () => {
    expect(isTempFolderName(tempFolderName('my-kettle-rsm-1'))).toBe(true);
    expect(isTempFolderName(tempFolderName('my-kettle-rsm-1', 'old'))).toBe(true);
    expect(isTempFolderName('my-kettle-rsm-1')).toBe(false);
  });
});
