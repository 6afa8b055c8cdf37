// The provider chains of the full pipeline, end to end: the standard pipeline with the real
// provider packages and their real SDKs, the services answered by msw with each package's own
// simulation (src/testing/). Nothing reaches the network: unhandled requests fail the test.
import {
  type AffiliatePipelineOptions,
  createAffiliatePipeline,
  fallback,
  type ReelsmithEventName,
  type ReelsmithEvents,
  type VerifyImagesOutput,
  type VoiceOutput,
} from '@reelsmith/core';
import { createElevenLabs } from '@reelsmith/provider-elevenlabs';
import { createFal } from '@reelsmith/provider-fal';
import { createImagen } from '@reelsmith/provider-imagen';
import { createOpenAI } from '@reelsmith/provider-openai';
import {
  createFakeImageProvider,
  createFakeProductSource,
  createFakePublisher,
  createFakeRenderer,
  createFakeScriptProvider,
  createFakeVisionJudge,
  createFakeVoiceProvider,
  createMemoryCheckpointStore,
  createMemoryMediaStore,
  createPng,
  installTestServer,
} from '@reelsmith/testkit';
import { getResponse, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  elevenLabsError,
  elevenLabsRoute,
} from '../../../packages/provider-elevenlabs/src/testing/elevenlabs-service.js';
import { at, falHosts, falRoute, stepOf } from '../../../packages/provider-fal/src/testing/fal-routes.js';
import { createFalService } from '../../../packages/provider-fal/src/testing/fal-service.js';
import { testFalKey } from '../../../packages/provider-fal/src/testing/fal-test-input.js';
import { billedUsersOnly } from '../../../packages/provider-imagen/src/testing/google-answers.js';
import {
  geminiApiUrl,
  postTo,
  testApiKey as testGoogleKey,
} from '../../../packages/provider-imagen/src/testing/google-routes.js';
import {
  imageEditsUrl,
  imagesSuccess,
  speechSuccess,
} from '../../../packages/provider-openai/src/testing/openai-handlers.js';
import { testApiKey as testOpenAIKey } from '../../../packages/provider-openai/src/testing/test-keys.js';

const server = installTestServer();

const imagenModel = 'imagen-4.0-generate-001';
const imagenUrl = geminiApiUrl(imagenModel, 'predict');
const openai = createOpenAI({ apiKey: testOpenAIKey });
const photo = {
  data: createPng({ width: 64, height: 64, color: [20, 120, 200, 255] }),
  mediaType: 'image/png',
};

/** Every event of the pipeline, in emission order. */
type Logged = { [E in ReelsmithEventName]: { name: E } & ReelsmithEvents[E] }[ReelsmithEventName];

function record(pipeline: ReturnType<typeof createAffiliatePipeline>): Logged[] {
  const log: Logged[] = [];
  pipeline.events.onAny((name, payload) => log.push({ name, ...(payload as object) } as Logged));
  return log;
}

/** The rest of the pipeline: fakes with no network. */
function fakes(overrides: Partial<AffiliatePipelineOptions>): AffiliatePipelineOptions {
  return {
    productSource: createFakeProductSource(),
    script: createFakeScriptProvider(),
    images: createFakeImageProvider(),
    voice: createFakeVoiceProvider(),
    renderer: createFakeRenderer(),
    publishers: [createFakePublisher({ platform: 'local' })],
    photoLoader: async () => photo,
    checkpoints: createMemoryCheckpointStore(),
    media: createMemoryMediaStore(),
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  };
}

/** Requests msw saw, by host. */
function hostCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of server.calls) {
    const host = new URL(call.url).host;
    counts[host] = (counts[host] ?? 0) + 1;
  }
  return counts;
}

describe('image chain fallback([imagen, fal, openai]) in the standard pipeline', () => {
  it('moves past Imagen billing and fal 500s to OpenAI, keeps the breakers open, regenerates on the next provider', async () => {
    // Imagen: I1, "only accessible to billed users" (400) → billing, which opens its breaker at once.
    server.use(postTo(imagenUrl, billedUsersOnly()));
    // fal: its service simulation, with every queue submit answered 500 (transient, retried by the core).
    const fal = createFalService({ apiKey: testFalKey });
    server.use(
      ...falRoute(
        at('submit', () => HttpResponse.json({ detail: 'Internal Server Error' }, { status: 500 })),
      ),
      ...fal.handlers,
    );
    // OpenAI: the package's images handlers; the usage of each answer is kept to price it.
    const billedUsage: { text: number; image: number; output: number }[] = [];
    server.use(
      http.post(imageEditsUrl, async ({ request }) => {
        const response = (await getResponse(imagesSuccess, request))!;
        const { usage } = (await response.clone().json()) as {
          usage: {
            input_tokens_details: { text_tokens: number; image_tokens: number };
            output_tokens: number;
          };
        };
        billedUsage.push({
          text: usage.input_tokens_details.text_tokens,
          image: usage.input_tokens_details.image_tokens,
          output: usage.output_tokens,
        });
        return response;
      }),
    );

    const imagen = createImagen({ apiKey: testGoogleKey }).image(imagenModel);
    const falImage = createFal({ apiKey: testFalKey, pollIntervalMs: 1 }).image();
    const openaiImage = openai.image();
    const ids = { imagen: imagen.id, fal: falImage.id, openai: openaiImage.id };

    // The judge scores the first video's scene image 0.3 the first time it sees it, 0.95 otherwise.
    const judged = new Set<string>();
    const judge = createFakeVisionJudge({
      score: ({ prompt = '' }) => {
        const first = prompt.includes('First kettle') && !judged.has(prompt);
        judged.add(prompt);
        return first ? 0.3 : 0.95;
      },
    });
    const pipeline = createAffiliatePipeline(
      fakes({
        images: fallback([imagen, falImage, openaiImage]),
        judge,
        // One scene per video: the images phase generates a video's scenes in parallel, so with
        // more scenes every one of them would reach Imagen before its first answer opens the breaker.
        scenes: { min: 1, max: 1 },
        verify: { threshold: 0.85, maxRegenerations: 1 },
        // fal's breaker opens on its third consecutive failure: the chain's behaviour is then fixed.
        breaker: { failureThreshold: 3, cooldownMs: 10 * 60_000 },
      }),
    );
    const log = record(pipeline);

    const first = await pipeline.run({ title: 'First kettle' }, { runId: 'chain-1' });
    const second = await pipeline.run({ title: 'Second kettle' }, { runId: 'chain-2' });

    // (a) The first scene, in order: Imagen once (billing → breaker open), fal three times with two
    // retries between (then its breaker opens and the chain moves on), OpenAI once.
    const imageIds = new Set(Object.values(ids));
    /** The image chain's events between the start and the end of `phase` in run `runId`. */
    const chainEvents = (runId: string, phase: string) => {
      const isMark = (event: Logged, name: 'phase:start' | 'phase:end') =>
        event.name === name && event.runId === runId && event.phase === phase;
      const start = log.findIndex((event) => isMark(event, 'phase:start'));
      const end = log.findIndex((event) => isMark(event, 'phase:end'));
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
      return log.slice(start, end).flatMap((event): string[] => {
        switch (event.name) {
          case 'provider:call':
            return event.phase === phase && imageIds.has(event.provider)
              ? [`call ${event.provider} #${event.attempt}`]
              : [];
          case 'provider:retry':
            return event.phase === phase
              ? [`retry ${event.provider} #${event.attempt} ${event.error.kind}`]
              : [];
          case 'provider:fallback':
            return event.phase === phase && event.capability === 'image'
              ? [
                  `fallback ${event.from} → ${event.to} (${event.reason}, ${event.error.kind ?? event.error.name})`,
                ]
              : [];
          case 'breaker:open':
            return [`breaker:open ${event.provider} (${event.reason})`];
          case 'cost:add':
            return event.phase === phase && imageIds.has(event.provider) ? [`cost ${event.provider}`] : [];
          default:
            return [];
        }
      });
    };
    expect(chainEvents('chain-1', 'images')).toEqual([
      `call ${ids.imagen} #1`,
      `breaker:open ${ids.imagen} (billing)`,
      `fallback ${ids.imagen} → ${ids.fal} (billing, billing)`,
      `call ${ids.fal} #1`,
      `retry ${ids.fal} #1 transient`,
      `call ${ids.fal} #2`,
      `retry ${ids.fal} #2 transient`,
      `call ${ids.fal} #3`,
      `breaker:open ${ids.fal} (transient (3 consecutive failures))`,
      `fallback ${ids.fal} → ${ids.openai} (transient (retries exhausted), transient)`,
      `call ${ids.openai} #1`,
      `cost ${ids.openai}`,
    ]);
    const images = first.outputs.images as { scenes: { provider: string }[] };
    expect(images.scenes.map((scene) => scene.provider)).toEqual([ids.openai]);

    // (c) Both breakers stay open for the next scene images (the regeneration, then the second
    // video): the chain skips Imagen and fal without a request and goes straight to OpenAI.
    const skipToOpenAI = [
      `fallback ${ids.imagen} → ${ids.fal} (breaker-open, CircuitOpenError)`,
      `fallback ${ids.fal} → ${ids.openai} (breaker-open, CircuitOpenError)`,
      `call ${ids.openai} #1`,
      `cost ${ids.openai}`,
    ];
    expect(chainEvents('chain-1', 'verify-images')).toEqual(skipToOpenAI);
    expect(chainEvents('chain-2', 'images')).toEqual(skipToOpenAI);
    expect(chainEvents('chain-2', 'verify-images')).toEqual([]);
    expect(pipeline.runtime.breakers?.get(ids.imagen).state).toBe('open');
    expect(pipeline.runtime.breakers?.get(ids.fal).state).toBe('open');

    const hosts = hostCounts();
    expect(hosts['generativelanguage.googleapis.com']).toBe(1);
    expect(server.calls.filter((call) => call.url === imagenUrl)).toHaveLength(1);
    const falSubmits = server.calls.filter(
      (call) => stepOf(new Request(call.url, { method: call.method })) === 'submit',
    );
    expect(falSubmits).toHaveLength(3);
    expect(hosts[new URL(falHosts.queue).host]).toBe(3);
    expect(fal.submissions).toHaveLength(0); // every submit was refused: no fal job ever ran
    expect(hosts['api.openai.com']).toBe(3);
    expect(Object.keys(hosts).sort()).toEqual(
      [
        'api.openai.com',
        'generativelanguage.googleapis.com',
        new URL(falHosts.queue).host,
        'rest.fal.ai',
        'v3b.fal.media',
      ].sort(),
    );

    // (d) verify-images regenerated the low-scored image, on OpenAI (Imagen's and fal's breakers are open).
    const verified = (first.outputs['verify-images'] as VerifyImagesOutput).scenes;
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({ outcome: 'regenerated', provider: ids.openai, score: 0.95 });
    expect(verified[0]!.image.key).toBe('chain-1/images/scene-1-retry1.png');
    expect((second.outputs['verify-images'] as VerifyImagesOutput).scenes[0]).toMatchObject({
      outcome: 'accepted',
      provider: ids.openai,
    });
    expect(judge.callCount).toBe(3);

    // (b) Costs: only OpenAI's images are charged, each exactly the default price table's figure
    // for the usage OpenAI billed; Imagen and fal failed and cost nothing.
    const costs = log.filter((event) => event.name === 'cost:add');
    const imageCosts = costs.filter((event) => imageIds.has(event.provider));
    expect(imageCosts.map((event) => `${event.runId} ${event.phase} ${event.provider}`)).toEqual([
      `chain-1 images ${ids.openai}`,
      `chain-1 verify-images ${ids.openai}`,
      `chain-2 images ${ids.openai}`,
    ]);
    expect(costs.filter((event) => event.usd > 0)).toEqual(imageCosts);
    const rates = createOpenAI().prices.image['gpt-image-2']!.tokens!;
    expect(billedUsage).toHaveLength(3);
    const expected = billedUsage.map(
      (usage) =>
        Math.round(
          ((usage.text * rates.textInputPerMillion +
            usage.image * rates.imageInputPerMillion +
            usage.output * rates.imageOutputPerMillion) /
            1e6) *
            1e6,
        ) / 1e6,
    );
    expect(imageCosts.map((event) => event.usd)).toEqual(expected);
    expect(expected[0]).toBeGreaterThan(0);
    // The fakes cost nothing, so each run's total is its OpenAI images.
    expect(first.costUsd).toBeCloseTo(expected[0]! + expected[1]!, 9);
    expect(second.costUsd).toBeCloseTo(expected[2]!, 9);
  });
});

describe('voice chain fallback([elevenlabs, openai speech]) in the standard pipeline', () => {
  it('moves past ElevenLabs quota_exceeded (401 → quota) to OpenAI speech with estimated timings', async () => {
    server.use(
      ...elevenLabsRoute(
        elevenLabsError(401, {
          status: 'quota_exceeded',
          message:
            'This request exceeds your quota of 10000. You have 0 credits remaining, while 91 credits are required.',
        }),
      ),
      ...speechSuccess,
    );
    const elevenlabs = createElevenLabs({ apiKey: 'sk_test_full_pipeline_elevenlabs_0123' }).voice();
    const speech = openai.speech();
    const pipeline = createAffiliatePipeline(
      fakes({ voice: fallback([elevenlabs, speech]), scenes: { min: 2, max: 2 } }),
    );
    const log = record(pipeline);

    const result = await pipeline.run({ title: 'Pour-over kettle' }, { runId: 'voice-1' });

    const voiceEvents = log.filter(
      (event): event is Extract<Logged, { name: 'provider:call' | 'provider:retry' | 'provider:fallback' }> =>
        (event.name === 'provider:call' ||
          event.name === 'provider:retry' ||
          event.name === 'provider:fallback') &&
        event.capability === 'voice',
    );
    expect(voiceEvents.map((event) => `${event.name} ${event.provider}`)).toEqual([
      `provider:call ${elevenlabs.id}`,
      `provider:fallback fallback(${elevenlabs.id},${speech.id})`,
      `provider:call ${speech.id}`,
    ]);
    const moved = log.find((event) => event.name === 'provider:fallback');
    expect(moved).toMatchObject({
      from: elevenlabs.id,
      to: speech.id,
      reason: 'quota',
      error: { kind: 'quota', status: 401 },
    });
    expect(log.find((event) => event.name === 'breaker:open')).toMatchObject({
      provider: elevenlabs.id,
      reason: 'quota',
    });

    const voice = result.outputs.voice as VoiceOutput;
    const spoken = voice.text.split(/\s+/).filter(Boolean);
    expect(voice.words.map((word) => word.word)).toEqual(spoken);
    expect(voice.words.at(-1)!.endMs).toBeLessThanOrEqual(voice.durationMs);
    expect(log.find((event) => event.name === 'phase:warning')).toMatchObject({
      phase: 'voice',
      provider: speech.id,
      warning: { type: 'estimated' },
    });

    // Charged once, by OpenAI, at the default table's per-minute price of the audio it returned.
    const charged = log.filter((event) => event.name === 'cost:add' && event.phase === 'voice');
    const perMinute = createOpenAI().prices.speech['gpt-4o-mini-tts']!.perMinute!;
    expect(charged).toEqual([
      expect.objectContaining({
        provider: speech.id,
        usd: Math.round((voice.durationMs / 60_000) * perMinute * 1e6) / 1e6,
      }),
    ]);
    expect(hostCounts()).toEqual({ 'api.elevenlabs.io': 1, 'api.openai.com': 1 });
  });
});
