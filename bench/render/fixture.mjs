// Generated inputs for the render benchmark: scene PNGs (a tiny encoder), a synthesized voice,
// evenly spaced word timings, a product and a script.
import { deflateSync } from 'node:zlib';
import { createMusicBed } from '@reelsmith/renderer-remotion';

const words =
  'Meet the coffee maker that fits in your bag. Brew a rich cup anywhere in one minute, no power needed. ' +
  'Thousands of reviewers call it the best travel gadget they own. Tap the link to grab yours today!';

export const product = {
  title: 'AeroPress Go Travel Coffee Press',
  brand: 'AeroPress',
  price: { amount: 39.95, currency: 'USD', readAt: '2025-01-01T00:00:00Z' },
  rating: 4.7,
  reviewCount: 12873,
  bullets: [],
  reviews: [
    {
      text: 'Makes a better cup than my $200 machine, and it fits in my backpack.',
      rating: 5,
      author: 'Dana',
    },
  ],
  imageUrls: [],
};

export const script = {
  title: 'The coffee maker that fits in your bag',
  hook: 'Meet the coffee maker that fits in your bag.',
  scenes: [{ text: words, imagePrompt: 'the product' }],
  callToAction: 'Tap the link to grab yours',
  description: 'As an Amazon Associate I earn from qualifying purchases.',
  hashtags: ['#coffee'],
};

/** Word timings spread evenly over `durationMs`. */
export function captions(durationMs) {
  const list = words.split(' ');
  const step = (durationMs - 300) / list.length;
  return list.map((word, index) => ({
    word,
    startMs: Math.round(150 + index * step),
    endMs: Math.round(150 + (index + 0.8) * step),
  }));
}

const hues = [
  [255, 122, 69],
  [64, 160, 255],
  [140, 90, 255],
  [40, 200, 140],
  [250, 200, 60],
];

const imageCache = new Map();

/** A 540×960 RGB PNG: a gradient in the scene's hue with a lit "product" cylinder (memoized). */
export function sceneImage(index) {
  const key = index % hues.length;
  if (!imageCache.has(key)) imageCache.set(key, encodeSceneImage(key));
  return imageCache.get(key);
}

function encodeSceneImage(index) {
  const [red, green, blue] = hues[index % hues.length];
  const width = 540;
  const height = 960;
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y += 1) {
    const shade = 0.35 + 0.65 * (1 - y / height);
    for (let x = 0; x < width; x += 1) {
      const inside =
        (Math.abs(x - width / 2) < 120 && y > 330 && y < 700) ||
        (x - width / 2) ** 2 / 150 ** 2 + (y - 330) ** 2 / 40 ** 2 < 1;
      const light = 0.55 + 0.45 * Math.cos(((x - width / 2 + 50) / 170) * Math.PI);
      const pixel = inside
        ? [40 + 170 * light, 40 + 170 * light, 48 + 180 * light]
        : [red * shade, green * shade, blue * shade];
      raw.set(pixel.map(Math.round), y * row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const table = Array.from({ length: 256 }, (_, n) => {
  let value = n;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Puts images and a voice into `media` and returns a render input of `durationMs`. */
export async function createBenchInput({ media, composition = 'classic', durationMs, scenes = 5, prefix }) {
  const images = [];
  for (let index = 0; index < scenes; index += 1) {
    images.push(await media.put(`${prefix}scene-${index}.png`, sceneImage(index), 'image/png'));
  }
  const voice = await media.put(
    `${prefix}voice.wav`,
    createMusicBed({ durationMs, sampleRate: 22050 }),
    'audio/wav',
  );
  const sceneMs = durationMs / scenes;
  return {
    composition,
    width: 1080,
    height: 1920,
    fps: 30,
    scenes: images.map((image, index) => ({
      image,
      text: `Scene ${index + 1}`,
      startMs: Math.round(index * sceneMs),
      endMs: Math.round((index + 1) * sceneMs),
    })),
    voice,
    captions: captions(durationMs),
    script,
    product,
    media,
    outputPrefix: `${prefix}out/`,
  };
}
