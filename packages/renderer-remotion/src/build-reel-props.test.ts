import { createMemoryMediaStore } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { buildReelProps, formatPrice } from './build-reel-props.js';
import { createFixtureInput } from './testing/render-fixture.js';
import { validateRenderInput } from './validate-render-input.js';

describe('buildReelProps', () => {
  it('turns a render input and staged paths into composition props', async () => {
    const input = validateRenderInput(
      await createFixtureInput({ media: createMemoryMediaStore(), composition: 'wow', durationMs: 3000 }),
    );
    const assets = {
      images: ['s/0.png', 's/1.png', 's/2.png'],
      voice: 's/v.wav',
      music: 's/m.wav',
      cleanup: async () => {},
    };
    const props = buildReelProps(input, assets, 0.2);
    expect(props).toMatchObject({
      width: 1080,
      height: 1920,
      fps: 30,
      durationInFrames: 90,
      mode: 'video',
      voice: 's/v.wav',
      title: 'The coffee maker that fits in your bag',
      callToAction: 'Tap the link to grab yours',
      product: {
        title: 'AeroPress Go Travel Coffee Press',
        price: '$39.95',
        rating: 4.7,
        reviewCount: 12_873,
      },
      music: { src: 's/m.wav', volume: 0.2 },
    });
    expect(props.music?.duckedVolume).toBeCloseTo(0.06);
    expect(props.scenes.map((scene) => scene.image)).toEqual(assets.images);
    expect(props.captions[0]).toEqual(input.captions[0]);
    expect(JSON.parse(JSON.stringify(props))).toEqual(props);
  });

  it('formats prices in their currency', () => {
    expect(formatPrice({ amount: 12.5, currency: 'EUR' })).toBe('€12.50');
    expect(formatPrice({ amount: 1999, currency: 'JPY' })).toBe('¥1,999');
    expect(formatPrice({ amount: 3, currency: 'ZZ1' })).toBe('3.00 ZZ1');
  });
});
