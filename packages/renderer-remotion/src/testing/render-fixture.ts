// Generated inputs for render tests and the benchmark: scene images, a voice track, word timings.
import type { MediaStore, Product, RenderInput, Script, WordTiming } from '@reelsmith/core';
import { createPng } from '@reelsmith/testkit';
import { createMusicBed } from '../music-bed.js';

const sentence =
  'Meet the coffee maker that fits in your bag. Brew a rich cup anywhere in one minute. Tap the link to grab yours!';

/** A product with a price, a rating and reviews, as a product source would return it. */
export const fixtureProduct: Product = {
  title: 'AeroPress Go Travel Coffee Press',
  brand: 'AeroPress',
  price: { amount: 39.95, currency: 'USD', readAt: '2025-01-01T00:00:00Z' },
  rating: 4.7,
  reviewCount: 12_873,
  bullets: ['Brews in one minute', 'Fits in a mug'],
  reviews: [
    {
      text: 'Makes a better cup than my $200 machine, and it fits in my backpack.',
      rating: 5,
      author: 'Dana',
    },
    { text: 'Good.', rating: 4 },
  ],
  imageUrls: [],
};

/** A script for {@link fixtureProduct}. */
export const fixtureScript: Script = {
  title: 'The coffee maker that fits in your bag',
  hook: 'Meet the coffee maker that fits in your bag.',
  scenes: [{ text: sentence, imagePrompt: 'the product' }],
  callToAction: 'Tap the link to grab yours',
  description: 'As an Amazon Associate I earn from qualifying purchases.',
  hashtags: ['#coffee'],
};

/** Word timings spread evenly over `durationMs` (a little silence at each end). */
export function fixtureCaptions(durationMs: number): WordTiming[] {
  const words = sentence.split(' ');
  const start = 150;
  const step = (durationMs - 300) / words.length;
  return words.map((word, index) => ({
    word,
    startMs: Math.round(start + index * step),
    endMs: Math.round(start + (index + 0.8) * step),
  }));
}

const sceneHues: readonly (readonly [number, number, number])[] = [
  [255, 122, 69],
  [64, 160, 255],
  [140, 90, 255],
  [40, 200, 140],
];

/** A 540×960 scene image: a coloured gradient with a "product" (a lit cylinder) in the middle. */
export function fixtureSceneImage(index: number): Uint8Array {
  const [red, green, blue] = sceneHues[index % sceneHues.length]!;
  const width = 540;
  const height = 960;
  return createPng({
    width,
    height,
    color: (x, y) => {
      const shade = 0.35 + 0.65 * (1 - y / height);
      const inBody = Math.abs(x - width / 2) < 120 && y > 330 && y < 700;
      const inLid = (x - width / 2) ** 2 / 150 ** 2 + (y - 330) ** 2 / 40 ** 2 < 1;
      if (inBody || inLid) {
        const light = 0.55 + 0.45 * Math.cos(((x - width / 2 + 50) / 170) * Math.PI);
        return [
          Math.round(40 + 170 * light),
          Math.round(40 + 170 * light),
          Math.round(48 + 180 * light),
          255,
        ];
      }
      return [Math.round(red * shade), Math.round(green * shade), Math.round(blue * shade), 255];
    },
  });
}

/** Options of {@link createFixtureInput}. */
export interface FixtureInputOptions {
  media: MediaStore;
  composition: string;
  durationMs: number;
  /** Scene count; default 3. */
  scenes?: number;
  outputPrefix?: string;
}

/** Stores generated images and a voice in `media` and returns a complete render input. */
export async function createFixtureInput(options: FixtureInputOptions): Promise<RenderInput> {
  const count = options.scenes ?? 3;
  const sceneMs = options.durationMs / count;
  const images = await Promise.all(
    Array.from({ length: Math.min(count, sceneHues.length) }, (_, index) =>
      options.media.put(`fixture/scene-${index}.png`, fixtureSceneImage(index), 'image/png'),
    ),
  );
  const voice = await options.media.put(
    'fixture/voice.wav',
    createMusicBed({ durationMs: options.durationMs, sampleRate: 22_050 }),
    'audio/wav',
  );
  return {
    composition: options.composition,
    width: 1080,
    height: 1920,
    fps: 30,
    scenes: Array.from({ length: count }, (_, index) => ({
      image: images[index % images.length]!,
      text: `Scene ${index + 1}`,
      startMs: Math.round(index * sceneMs),
      endMs: Math.round((index + 1) * sceneMs),
    })),
    voice,
    captions: fixtureCaptions(options.durationMs),
    script: fixtureScript,
    product: fixtureProduct,
    media: options.media,
    outputPrefix: options.outputPrefix ?? `render-${options.composition}/`,
  };
}
