/**
 * Latency-injected fake providers for the scale benchmark, written against the core capability
 * interfaces (packages/core/src/spec/*.ts) so the bench needs neither the network nor
 * `@reelsmith/testkit` (whose index imports vitest).
 *
 * Every fake is a plain `specificationVersion: 'v1'` object whose method waits its latency
 * (honouring the abort signal), then — with probability `faultRate`, from a seeded RNG — throws a
 * `ProviderError({ kind: 'transient' })`, else returns `{ ..., cost: { usd }, warnings: [] }`.
 * The voice provider reports calls in flight and the publisher reports call starts and posts to a
 * meter (see meters.mjs), so the bench can prove the shared limits held and nothing was published
 * twice. Half of the publisher's faults come after the post was made (a lost response), which is
 * what exactly-once publishing has to survive.
 *
 * Latencies (ms) come from the environment: BENCH_SCRIPT_MS (30), BENCH_IMAGE_MS (40 per image),
 * BENCH_VOICE_MS (50), BENCH_RENDER_MS (100), BENCH_PUBLISH_MS (20), BENCH_PRODUCT_MS (0).
 * Media stay tiny (a 1×1 PNG, a few hundred bytes of "audio" and "video").
 */
import { createAffiliatePipeline, ProviderError, sleep } from '@reelsmith/core';

/** Provider latencies in ms, from the environment. */
export function latenciesFromEnv(env = process.env) {
  const read = (name, fallback) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`${name} must be a number ≥ 0, got ${env[name]}`);
    return value;
  };
  return {
    product: read('BENCH_PRODUCT_MS', 0),
    script: read('BENCH_SCRIPT_MS', 30),
    image: read('BENCH_IMAGE_MS', 40),
    voice: read('BENCH_VOICE_MS', 50),
    render: read('BENCH_RENDER_MS', 100),
    publish: read('BENCH_PUBLISH_MS', 20),
  };
}

/** A seeded PRNG in [0, 1) (mulberry32). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A valid 1×1 PNG (67 bytes), used for the product photo, every scene image and the thumbnail.
const tinyPng = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const bytes = (label, size) => {
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(label).subarray(0, size));
  return out;
};

/** The photo loader the pipeline uses instead of fetching `imageUrls[0]`: no network. */
export const photoLoader = async () => ({ data: tinyPng, mediaType: 'image/png' });

/**
 * The six fakes. `meter` receives the voice in-flight, publish and fault reports; `faultRate` is
 * the probability of a transient fault per call; `seed` seeds the RNG deciding faults.
 */
export function createFakes({ latencies, meter, faultRate = 0, seed = 1 }) {
  const random = seededRandom(seed);
  const free = (usd) => ({ cost: { usd }, warnings: [] });
  // Waits the latency, then fails transiently with probability faultRate.
  const work = async (provider, what, latencyMs, signal) => {
    signal?.throwIfAborted();
    await sleep(latencyMs, signal);
    if (faultRate > 0 && random() < faultRate) {
      await meter.fault(what);
      throw new ProviderError({
        kind: 'transient',
        provider,
        status: 503,
        message: `injected transient fault (${what})`,
      });
    }
  };

  const productSource = {
    specificationVersion: 'v1',
    id: 'bench:product-source',
    capability: 'product-source',
    async getProduct(query, options) {
      await work(this.id, 'product', latencies.product, options?.signal);
      const title = query.title ?? `Product ${query.asin ?? query.url}`;
      const slug = encodeURIComponent(title.toLowerCase().replace(/\s+/g, '-'));
      const product = {
        title,
        brand: 'Benchbrand',
        bullets: [`The ${title} is easy to use.`, 'Built to last.', 'Fits in any home.'],
        reviews: [],
        imageUrls: [`https://images.bench.invalid/${slug}.png`],
        url: `https://shop.bench.invalid/p/${slug}`,
        affiliateUrl: `https://shop.bench.invalid/p/${slug}?tag=reelsmith-20`,
      };
      return { product, ...free(0.001) };
    },
  };

  const script = {
    specificationVersion: 'v1',
    id: 'bench:script',
    capability: 'script',
    async generateScript(input, options) {
      await work(this.id, 'script', latencies.script, options?.signal);
      const { product } = input;
      const lines = [`Meet the ${product.title}.`, ...product.bullets, `Here is why people like it.`];
      const count = Math.max(input.scenes?.min ?? 5, Math.min(5, input.scenes?.max ?? 8));
      const scenes = Array.from({ length: count }, (_, index) => ({
        text: lines[index % lines.length],
        imagePrompt: `${product.title}, product photo, scene ${index + 1}, vertical 9:16`,
      }));
      const slug = product.title.replace(/[^A-Za-z0-9]+/g, '').slice(0, 30) || 'product';
      return {
        script: {
          title: `${product.title} review`.slice(0, 100),
          hook: `Is the ${product.title} worth it?`,
          scenes,
          callToAction: 'Check the link for today’s price.',
          description: `${product.title}\n\n${product.bullets.join('\n')}`,
          hashtags: ['#review', '#shorts', `#${slug}`],
        },
        ...free(0.002),
      };
    },
  };

  const images = {
    specificationVersion: 'v1',
    id: 'bench:images',
    capability: 'image',
    async generateImage(_input, options) {
      await work(this.id, 'image', latencies.image, options?.signal);
      return { images: [{ data: tinyPng, mediaType: 'image/png', width: 1, height: 1 }], ...free(0.01) };
    },
  };

  const voice = {
    specificationVersion: 'v1',
    id: 'bench:voice',
    capability: 'voice',
    async synthesize(input, options) {
      await meter.enter('voice');
      try {
        await work(this.id, 'voice', latencies.voice, options?.signal);
      } finally {
        await meter.leave('voice');
      }
      const words = [];
      let cursor = 0;
      for (const word of input.text.split(/\s+/).filter(Boolean)) {
        const durationMs = 120 + 45 * word.length;
        words.push({ word, startMs: cursor, endMs: cursor + durationMs });
        cursor += durationMs + 60;
      }
      return {
        audio: bytes('RIFF-bench-voice', 256),
        mediaType: 'audio/wav',
        durationMs: cursor + 200,
        words,
        ...free(0.005),
      };
    },
  };

  const renderer = {
    specificationVersion: 'v1',
    id: 'bench:renderer',
    capability: 'renderer',
    async render(input, options) {
      await work(this.id, 'render', latencies.render, options?.signal);
      const video = await input.media.put(
        `${input.outputPrefix}video.mp4`,
        bytes(`ftypisom bench ${input.composition}`, 320),
        'video/mp4',
        { signal: options?.signal },
      );
      const thumbnail = await input.media.put(`${input.outputPrefix}thumbnail.png`, tinyPng, 'image/png', {
        signal: options?.signal,
      });
      const durationMs = Math.max(1, ...input.scenes.map((scene) => scene.endMs));
      return { video, thumbnail, durationMs, width: input.width, height: input.height, ...free(0.02) };
    },
  };

  const postFor = (marker, number) => ({
    platform: 'youtube',
    id: `${marker}-${number}`,
    url: `https://benchtube.invalid/${encodeURIComponent(marker)}/${number}`,
    marker,
    publishedAt: new Date().toISOString(),
  });
  const publisher = {
    specificationVersion: 'v1',
    id: 'bench:publisher',
    capability: 'publisher',
    platform: 'youtube',
    validate: () => ({ ok: true, issues: [] }),
    async publish(draft, options) {
      await meter.publishStarted();
      await options.media.get(draft.video, { signal: options.signal });
      const faulty = faultRate > 0 && random() < faultRate;
      const afterPost = faulty && random() < 0.5;
      options.signal?.throwIfAborted();
      await sleep(latencies.publish, options.signal);
      if (faulty && !afterPost) return injected(this.id, 'publish', meter);
      const number = await meter.post(draft.marker);
      if (afterPost) return injected(this.id, 'publish (after the post was made)', meter);
      return { post: postFor(draft.marker, number), ...free(0) };
    },
    async findExisting(marker, options) {
      options?.signal?.throwIfAborted();
      return (await meter.hasPost(marker)) ? postFor(marker, 1) : undefined;
    },
  };

  return { productSource, script, images, voice, renderer, publisher };
}

async function injected(provider, what, meter) {
  await meter.fault(what);
  throw new ProviderError({
    kind: 'transient',
    provider,
    status: 503,
    message: `injected transient fault (${what})`,
  });
}

/**
 * The standard affiliate pipeline over the fakes. `stores` gives `checkpoints` and `media`;
 * `limits` are in-process limits and `limiters` shared ones (createRedisLimiters), by provider id.
 */
export function createBenchPipeline(fakes, stores) {
  const { productSource, script, images, voice, renderer, publisher } = fakes;
  return createAffiliatePipeline({
    productSource,
    script,
    images,
    voice,
    renderer,
    publishers: [publisher],
    photoLoader,
    budget: { perRunUsd: 1 },
    ...stores,
  });
}

/** An in-memory checkpoint store (JSON copies in a Map), for the in-process baseline only. */
export function createMemoryCheckpointStore() {
  const runs = new Map();
  const recordsOf = (runId) => runs.get(runId) ?? runs.set(runId, new Map()).get(runId);
  return {
    specificationVersion: 'v1',
    id: 'bench:memory-checkpoints',
    capability: 'checkpoint-store',
    async get(runId, key) {
      const text = runs.get(runId)?.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    async set(runId, key, value) {
      recordsOf(runId).set(key, JSON.stringify(value));
    },
    async delete(runId, key) {
      runs.get(runId)?.delete(key);
    },
    async keys(runId) {
      return [...(runs.get(runId)?.keys() ?? [])].sort();
    },
    async runs() {
      return [...runs.keys()].sort();
    },
    async clear(runId) {
      runs.delete(runId);
    },
  };
}
