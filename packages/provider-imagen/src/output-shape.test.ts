import { describe, expect, it } from 'vitest';
import { geminiAspectRatios, imagenAspectRatios } from './imagen-models.js';
import { chooseOutputShape, pixelSize } from './output-shape.js';

describe('chooseOutputShape', () => {
  it('maps 1080×1920 to 9:16, at the smallest tier that covers 1920 px', () => {
    expect(chooseOutputShape(1080, 1920, imagenAspectRatios, ['1K', '2K'])).toEqual({
      aspectRatio: '9:16',
      size: '2K',
      width: 1536,
      height: 2816,
      ratioChanged: false,
    });
    // Imagen 4 Fast has 1K only: 768×1408.
    expect(chooseOutputShape(1080, 1920, imagenAspectRatios, ['1K'])).toMatchObject({
      size: '1K',
      width: 768,
      height: 1408,
    });
  });

  it('takes the nearest accepted ratio and says when it changed', () => {
    expect(chooseOutputShape(1080, 1350, imagenAspectRatios, ['1K'])).toMatchObject({
      aspectRatio: '3:4',
      ratioChanged: true,
    });
    expect(chooseOutputShape(1080, 1350, geminiAspectRatios, ['1K'])).toMatchObject({
      aspectRatio: '4:5',
      ratioChanged: false,
    });
    expect(chooseOutputShape(1000, 1000, imagenAspectRatios, ['1K', '2K'])).toMatchObject({
      aspectRatio: '1:1',
      size: '1K',
    });
  });

  it('uses a forced size tier when the model has it', () => {
    expect(chooseOutputShape(1080, 1920, geminiAspectRatios, ['1K', '2K', '4K'], '1K').size).toBe('1K');
    expect(chooseOutputShape(1080, 1920, imagenAspectRatios, ['1K'], '2K').size).toBe('1K');
  });

  it('gives published sizes and derives the others from a 1 MP budget', () => {
    expect(pixelSize('16:9', '1K')).toEqual({ width: 1408, height: 768 });
    expect(pixelSize('4:5', '2K')).toEqual({ width: 1824, height: 2304 });
  });
});
