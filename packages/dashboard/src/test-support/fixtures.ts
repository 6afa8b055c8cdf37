import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AffiliatePipelineOptions,
  createAffiliatePipeline,
  type EventRecord,
  type Pipeline,
  type ReelsmithEventName,
  type Renderer,
  sleep,
} from '@reelsmith/core';
import {
  createFakeImageProvider,
  createFakePublisher,
  createFakeRenderer,
  createFakeScriptProvider,
  createFakeVoiceProvider,
  fakeAffiliateOptions,
} from '@reelsmith/testkit';

/** @internal A temporary folder, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reelsmith-dashboard-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** @internal Builds log records with increasing `seq` and `at`. */
export function recordsFrom(
  start: string,
  events: ReadonlyArray<[ReelsmithEventName, Record<string, unknown>, number?]>,
): EventRecord[] {
  let at = Date.parse(start);
  return events.map(([name, payload, stepMs], index) => {
    at += stepMs ?? 1_000;
    return { seq: index + 1, name, payload, at: new Date(at).toISOString() };
  });
}

/** @internal The events of one finished run with two phases and a YouTube post. */
export function finishedRun(
  runId: string,
  options: { status?: 'succeeded' | 'failed'; costUsd?: number; scriptMs?: number } = {},
): Array<[ReelsmithEventName, Record<string, unknown>, number?]> {
  const status = options.status ?? 'succeeded';
  const cost = options.costUsd ?? 0.1;
  const events: Array<[ReelsmithEventName, Record<string, unknown>, number?]> = [
    ['run:start', { runId, jobId: `job-${runId}`, title: `Product ${runId}`, resumed: false }],
    ['phase:start', { runId, phase: 'script' }],
    [
      'provider:call',
      {
        runId,
        phase: 'script',
        provider: 'fake:script',
        capability: 'script',
        method: 'generateScript',
        attempt: 1,
      },
    ],
    ['cost:add', { runId, phase: 'script', provider: 'fake:script', usd: cost, totalUsd: cost }],
    [
      'phase:end',
      {
        runId,
        phase: 'script',
        durationMs: options.scriptMs ?? 1_000,
        costUsd: cost,
        providers: ['fake:script'],
      },
    ],
  ];
  if (status === 'failed') {
    const error = {
      name: 'ProviderError',
      message: '[youtube] token expired',
      kind: 'auth',
      provider: 'youtube',
    };
    events.push(
      ['phase:start', { runId, phase: 'publish:youtube' }],
      [
        'provider:call',
        {
          runId,
          phase: 'publish:youtube',
          provider: 'youtube',
          capability: 'publisher',
          method: 'publish',
          attempt: 1,
        },
      ],
      ['phase:error', { runId, phase: 'publish:youtube', error }],
      ['run:end', { runId, status: 'failed', costUsd: cost, durationMs: 3_000, error }],
    );
  } else {
    events.push(
      ['phase:start', { runId, phase: 'publish:youtube' }],
      [
        'provider:call',
        {
          runId,
          phase: 'publish:youtube',
          provider: 'youtube',
          capability: 'publisher',
          method: 'publish',
          attempt: 1,
        },
      ],
      [
        'publish:done',
        {
          runId,
          platform: 'youtube',
          reconciled: false,
          post: {
            platform: 'youtube',
            id: `v-${runId}`,
            url: `https://www.youtube.com/shorts/v-${runId}`,
            marker: 'rsm-x',
            publishedAt: '2026-11-20T10:00:00.000Z',
          },
        },
      ],
      [
        'phase:end',
        { runId, phase: 'publish:youtube', durationMs: 2_000, costUsd: 0, providers: ['youtube'] },
      ],
      ['run:end', { runId, status: 'succeeded', costUsd: cost, durationMs: 3_000 }],
    );
  }
  return events;
}

/** @internal The standard affiliate pipeline on fakes, with latency so progress is visible. */
export function pipelineWithFakes(
  options: { latencyMs?: number; publishFails?: boolean; overrides?: Partial<AffiliatePipelineOptions> } = {},
): Pipeline {
  const latencyMs = options.latencyMs ?? 0;
  return createAffiliatePipeline(
    fakeAffiliateOptions({
      script: createFakeScriptProvider({ costUsd: 0.01, latencyMs }),
      images: createFakeImageProvider({ costUsd: 0.04, latencyMs }),
      voice: createFakeVoiceProvider({ costUsd: 0.02, latencyMs }),
      renderer: progressRenderer(createFakeRenderer(), { steps: 5, stepMs: latencyMs }),
      publishers: [
        createFakePublisher({
          platform: 'youtube',
          id: 'youtube',
          latencyMs,
          ...(options.publishFails ? { failures: ['auth', 'auth', 'auth'] } : {}),
        }),
      ],
      ...options.overrides,
    }),
  );
}

/** @internal A renderer that reports progress in `steps` steps `stepMs` apart, then renders with `inner`. */
export function progressRenderer(inner: Renderer, options: { steps: number; stepMs: number }): Renderer {
  return {
    specificationVersion: 'v1',
    id: 'fake:progress-renderer',
    capability: 'renderer',
    async render(input, callOptions) {
      for (let step = 1; step <= options.steps; step += 1) {
        await sleep(options.stepMs, callOptions?.signal);
        callOptions?.onProgress?.({
          fraction: step / (options.steps + 1),
          message: `frame batch ${step} of ${options.steps}`,
        });
      }
      return inner.render(input, callOptions);
    },
  };
}
