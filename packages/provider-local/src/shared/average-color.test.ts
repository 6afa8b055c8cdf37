import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { averageColor, averageOfPixels } from './average-color.js';

/** A 200×200 PNG: an opaque 100×100 square of `center` inside a transparent border whose hidden RGB is `border`. */
async function framedSquare(center: number[], border: number[]): Promise<Buffer> {
  const size = 200;
  const data = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = x >= 50 && x < 150 && y >= 50 && y < 150;
      data.set(inside ? [...center, 255] : [...border, 0], (y * size + x) * 4);
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 4 } })
    .png()
    .toBuffer();
}

describe('averageColor', () => {
  it('ignores a transparent border that skews sharp stats().dominant', async () => {
    const png = await framedSquare([200, 40, 40], [0, 0, 255]);
    const { dominant } = await sharp(png).stats();
    // The premise: the dominant colour comes from the invisible border, not the visible square.
    expect(Math.abs(dominant.r - 200) + Math.abs(dominant.b - 40)).toBeGreaterThan(60);
    const average = await averageColor(png);
    expect(average).toMatchObject({ r: 200, g: 40, b: 40, hex: '#c82828' });
    expect(average.coverage).toBeCloseTo(0.25, 2);
  });

  it('weights partly transparent pixels by their alpha', () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 0, 255, 85]);
    expect(averageOfPixels(pixels, 2)).toMatchObject({ r: 191, g: 0, b: 64 });
  });

  it('accepts MediaData and large images (averaged on a shrunk copy)', async () => {
    const png = await sharp({
      create: { width: 1200, height: 800, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } },
    })
      .png()
      .toBuffer();
    expect(await averageColor({ data: png, mediaType: 'image/png' })).toMatchObject({
      r: 10,
      g: 120,
      b: 200,
      coverage: 1,
    });
  });

  it('returns black with zero coverage for a fully transparent image', async () => {
    const png = await sharp({
      create: { width: 8, height: 8, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect(await averageColor(png)).toEqual({ r: 0, g: 0, b: 0, hex: '#000000', coverage: 0 });
  });

  it('handles greyscale images', async () => {
    const png = await sharp(Buffer.alloc(16, 100), { raw: { width: 4, height: 4, channels: 1 } })
      .png()
      .toBuffer();
    expect(await averageColor(png)).toMatchObject({ r: 100, g: 100, b: 100, coverage: 1 });
  });
});
