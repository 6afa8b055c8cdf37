import { describe, expect, it } from 'vitest';
import { chooseImageSize } from './image-size.js';

describe('chooseImageSize', () => {
  it('maps a 9:16 frame to the nearest fixed size per family', () => {
    expect(chooseImageSize('gpt-image', 1080, 1920)).toMatchObject({ size: '1024x1536', exact: false });
    expect(chooseImageSize('dall-e-3', 1080, 1920)).toMatchObject({ size: '1024x1792', exact: false });
    expect(chooseImageSize('dall-e-2', 1080, 1920)).toMatchObject({ size: '1024x1024' });
    expect(chooseImageSize('gpt-image', 1536, 1024)).toMatchObject({ size: '1536x1024', exact: true });
    expect(chooseImageSize('gpt-image', 512, 512)).toMatchObject({ size: '1024x1024' });
  });

  it('rounds gpt-image-2 sizes to multiples of 16 within its limits', () => {
    expect(chooseImageSize('gpt-image-flexible', 1080, 1920)).toMatchObject({
      size: '1088x1920',
      exact: false,
    });
    expect(chooseImageSize('gpt-image-flexible', 1152, 2048)).toMatchObject({
      size: '1152x2048',
      exact: true,
    });
    // Too large: shrunk under 3840 px per edge and 3840×2160 pixels.
    const huge = chooseImageSize('gpt-image-flexible', 2160, 7680);
    expect(Math.max(huge.width, huge.height)).toBeLessThanOrEqual(3840);
    expect(huge.width * huge.height).toBeLessThanOrEqual(3840 * 2160);
    expect(huge.height / huge.width).toBeLessThanOrEqual(3);
    // Too small: grown to at least 655 360 pixels.
    const tiny = chooseImageSize('gpt-image-flexible', 90, 160);
    expect(tiny.width * tiny.height).toBeGreaterThanOrEqual(655_360);
    expect(tiny.width % 16).toBe(0);
    expect(tiny.height % 16).toBe(0);
  });
});
