import { describe, expect, it } from 'vitest';
import { parseModelOutput } from './parse-model-output.js';

describe('parseModelOutput', () => {
  const image = { url: 'https://v3b.fal.media/files/a.png', width: 8, height: 8, content_type: 'image/png' };

  it('keeps clean images and counts flagged ones', () => {
    const output = parseModelOutput(
      {
        images: [image, { ...image, url: 'https://v3b.fal.media/files/b.png' }],
        has_nsfw_concepts: [false, true],
      },
      { provider: 'fal:x/y' },
    );
    expect(output.generated).toHaveLength(2);
    expect(output.kept.map((kept) => kept.url)).toEqual([image.url]);
    expect(output.flagged).toBe(1);
  });

  it('fails with content_policy when every image is flagged', () => {
    expect(() =>
      parseModelOutput({ images: [image], has_nsfw_concepts: [true] }, { provider: 'fal:x/y' }),
    ).toThrow(expect.objectContaining({ kind: 'content_policy', status: 200, code: 'has_nsfw_concepts' }));
  });

  it('fails on a result without images, never resolving empty', () => {
    expect(() => parseModelOutput({ images: [] }, { provider: 'fal:x/y' })).toThrow(
      expect.objectContaining({ kind: 'unknown', code: 'no_images' }),
    );
    expect(() => parseModelOutput({ detail: 'odd' }, { provider: 'fal:x/y' })).toThrow(
      expect.objectContaining({ code: 'unexpected_result' }),
    );
  });
});
