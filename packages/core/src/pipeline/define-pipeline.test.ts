import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { ConfigError } from '../errors/config-error.js';
import { PhaseError } from '../errors/phase-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { createEventBus } from '../events/event-bus.js';
import type { ReelsmithEventName } from '../events/event-map.js';
import { createFileCheckpointStore } from '../stores/file-checkpoint-store.js';
import { createFileMediaStore } from '../stores/file-media-store.js';
import { scriptedImageProvider } from '../test-support/script-image-provider.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { definePipeline, type PipelineOptions } from './define-pipeline.js';
import { definePhase } from './phase.js';

const tempDir = useTempDirs();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setup(overrides: Partial<PipelineOptions> & Pick<PipelineOptions, 'phases'>) {
  const dir = await tempDir();
  const events = createEventBus();
  const seen: Array<[ReelsmithEventName, unknown]> = [];
  events.onAny((name, payload) => seen.push([name, payload]));
  const pipeline = definePipeline({
    checkpoints: createFileCheckpointStore(path.join(dir, 'checkpoints')),
    media: createFileMediaStore(path.join(dir, 'media')),
    events,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  });
  return { pipeline, dir, seen, names: () => seen.map(([name]) => name) };
}

describe('definePipeline: definition-time checks', () => {
  const a = definePhase({ name: 'a', run: () => 1 });

  it('rejects a missing dependency, naming the phase and field', () => {
    const b = definePhase({ name: 'b', needs: ['nope'], run: () => 2 });
    try {
      definePipeline({ phases: [a, b] });
      expect.unreachable();
    } catch (error) {
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).field).toBe('phases[1].needs[0]');
      expect((error as Error).message).toContain('"b" needs "nope"');
    }
  });

  it('rejects a cycle and prints it', () => {
    const x = definePhase({ name: 'x', needs: ['z'], run: () => 1 });
    const y = definePhase({ name: 'y', needs: ['x'], run: () => 1 });
    const z = definePhase({ name: 'z', needs: ['y'], run: () => 1 });
    expect(() => definePipeline({ phases: [x, y, z] })).toThrow(/cycle: x → z → y → x/);
  });

  it('rejects duplicate names, bad budgets and unknown options', () => {
    expect(() => definePipeline({ phases: [a, a] })).toThrow(/two phases are named "a"/);
    expect(() => definePipeline({ phases: [a], budget: { perRunUsd: -1 } })).toThrow(/budget\.perRunUsd/);
    expect(() => definePipeline({ phases: [a], budgte: {} } as never)).toThrow(/budgte/);
  });

  it('rejects invalid phase names', () => {
    expect(() => definePhase({ name: 'has space', run: () => 1 })).toThrow(ConfigError);
  });
});

describe('pipeline.run', () => {
  it('runs independent phases concurrently and passes typed outputs through ctx.inputs', async () => {
    const windows: Record<string, [number, number]> = {};
    const timed =
      <T>(name: string, value: T) =>
      async () => {
        const start = Date.now();
        await sleep(60);
        windows[name] = [start, Date.now()];
        return value;
      };
    const product = definePhase({ name: 'product', run: timed('product', { title: 'Kettle' }) });
    const images = definePhase({ name: 'images', needs: [product], run: timed('images', ['a.png']) });
    const voice = definePhase({ name: 'voice', needs: [product], run: timed('voice', { durationMs: 1000 }) });
    const render = definePhase({
      name: 'render',
      needs: [product, images, voice],
      run: ({ inputs }) => {
        expectTypeOf(inputs.product.title).toEqualTypeOf<string>();
        expectTypeOf(inputs.images).toEqualTypeOf<string[]>();
        return `${inputs.product.title}:${inputs.images.length}:${inputs.voice.durationMs}`;
      },
    });
    const { pipeline } = await setup({ phases: [render, voice, images, product] });
    const result = await pipeline.run({ title: 'Kettle' });
    expect(result.outputs.render).toBe('Kettle:1:1000');
    const [imagesStart, imagesEnd] = windows.images!;
    const [voiceStart, voiceEnd] = windows.voice!;
    expect(imagesStart).toBeLessThan(voiceEnd);
    expect(voiceStart).toBeLessThan(imagesEnd);
    expect(imagesStart).toBeGreaterThanOrEqual(windows.product![1]);
  });

  it('validates the job and names the field', async () => {
    const { pipeline } = await setup({ phases: [definePhase({ name: 'a', run: () => 1 })] });
    await expect(pipeline.run({} as never)).rejects.toThrow(/job\.title/);
    await expect(pipeline.run('')).rejects.toSatisfy(ConfigError.isInstance);
  });

  it('fails with PhaseError, stops dependents, and reports the failure in events', async () => {
    let dependentRan = false;
    const bad = definePhase({
      name: 'bad',
      run: () => {
        throw new ProviderError({ kind: 'billing', provider: 'fal', message: 'balance exhausted' });
      },
    });
    const after = definePhase({
      name: 'after',
      needs: [bad],
      run: () => {
        dependentRan = true;
      },
    });
    const { pipeline, seen } = await setup({ phases: [bad, after] });
    const error = await pipeline.run('Kettle', { runId: 'fail-1' }).catch((e: unknown) => e);
    expect(PhaseError.isInstance(error)).toBe(true);
    expect((error as PhaseError).phase).toBe('bad');
    expect(ProviderError.isInstance((error as Error).cause)).toBe(true);
    expect(dependentRan).toBe(false);
    const end = seen.find(([name]) => name === 'run:end')?.[1];
    expect(end).toMatchObject({ status: 'failed', error: { kind: 'billing', provider: 'fal' } });
    expect(
      seen.some(
        ([name, payload]) => name === 'phase:error' && (payload as { phase: string }).phase === 'bad',
      ),
    ).toBe(true);
  });

  it('survives a throwing listener and reports it as listener:error', async () => {
    const { pipeline, names } = await setup({ phases: [definePhase({ name: 'a', run: () => 1 })] });
    pipeline.events.on('phase:start', () => {
      throw new Error('listener bug');
    });
    const result = await pipeline.run('Kettle');
    expect(result.status).toBe('succeeded');
    expect(names()).toContain('listener:error');
  });

  it('resumes a run: finished phases are skipped and not paid again', async () => {
    const provider = scriptedImageProvider('fal', ['ok'], { costUsd: 0.04 });
    let failOnce = true;
    const images = definePhase({
      name: 'images',
      run: async (ctx) => {
        const { images: generated, cost } = await ctx.use(provider).generateImage({ prompt: 'kettle' });
        return { count: generated.length, usd: cost.usd };
      },
    });
    const render = definePhase({
      name: 'render',
      needs: [images],
      run: ({ inputs }) => {
        if (failOnce) {
          failOnce = false;
          throw new ProviderError({
            kind: 'transient',
            provider: 'remotion',
            message: 'chromium crashed',
            retryable: false,
          });
        }
        return { frames: inputs.images.count * 30 };
      },
    });
    const { pipeline, seen } = await setup({ phases: [images, render] });
    await expect(pipeline.run('Kettle', { runId: 'resume-1' })).rejects.toSatisfy(PhaseError.isInstance);
    expect(provider.calls).toHaveLength(1);
    seen.length = 0;
    const result = await pipeline.run('Kettle', { runId: 'resume-1' });
    expect(provider.calls).toHaveLength(1);
    expect(result.resumed).toBe(true);
    expect(result.skipped).toEqual(['images']);
    expect(result.outputs.render).toEqual({ frames: 30 });
    expect(result.costUsd).toBeCloseTo(0.04);
    expect(seen.filter(([name]) => name === 'cost:add')).toHaveLength(0);
    expect(seen.find(([name]) => name === 'phase:skip')?.[1]).toMatchObject({
      phase: 'images',
      reason: 'checkpoint',
    });

    const again = await pipeline.resume('resume-1');
    expect(again.skipped).toEqual(['images', 'render']);
  });

  it('stops a call that would cross budget.perRunUsd before it is made', async () => {
    const cheap = scriptedImageProvider('cheap', ['ok'], { costUsd: 0.3, estimateUsd: 0.3 });
    const pricey = scriptedImageProvider('pricey', ['ok'], { costUsd: 0.5, estimateUsd: 0.5 });
    const phase = definePhase({
      name: 'images',
      run: async (ctx) => {
        await ctx.use(cheap).generateImage({ prompt: 'a' });
        await ctx.use(pricey).generateImage({ prompt: 'b' });
        return 'unreachable';
      },
    });
    const { pipeline, seen } = await setup({ phases: [phase], budget: { perRunUsd: 0.5 } });
    const error = await pipeline.run('Kettle').catch((e: unknown) => e);
    expect(BudgetExceededError.isInstance((error as Error).cause)).toBe(true);
    expect(pricey.calls).toHaveLength(0);
    expect(seen.find(([name]) => name === 'run:end')?.[1]).toMatchObject({ status: 'failed', costUsd: 0.3 });
  });

  it('reports the run total in run:end', async () => {
    const provider = scriptedImageProvider('fal', ['ok'], { costUsd: 0.02 });
    const phase = definePhase({
      name: 'images',
      run: async (ctx) => {
        for (const prompt of ['a', 'b', 'c']) await ctx.use(provider).generateImage({ prompt });
        return 3;
      },
    });
    const { pipeline, seen } = await setup({ phases: [phase] });
    const result = await pipeline.run('Kettle');
    expect(result.costUsd).toBeCloseTo(0.06);
    const end = seen.find(([name]) => name === 'run:end')?.[1] as { costUsd: number } | undefined;
    expect(end?.costUsd).toBeCloseTo(0.06);
  });

  it('never lets a canary secret reach events, errors or checkpoints', async () => {
    const canary = 'canary-SECRET-7f3a9c1e55';
    const leaky = definePhase({
      name: 'leaky',
      run: () => ({ note: `key is ${canary}`, nested: { value: canary } }),
    });
    const failing = definePhase({
      name: 'failing',
      needs: [leaky],
      run: () => {
        throw new ProviderError({
          kind: 'auth',
          provider: 'x',
          message: `bad key ${canary}`,
          body: { echoed: canary },
        });
      },
    });
    const { pipeline, seen, dir } = await setup({ phases: [leaky, failing], secrets: [canary] });
    const error = await pipeline.run('Kettle', { runId: 'canary' }).catch((e: unknown) => e);
    expect(String((error as Error).message)).not.toContain(canary);
    expect(JSON.stringify(seen)).not.toContain(canary);
    expect(seen.length).toBeGreaterThan(3);
    const runDir = path.join(dir, 'checkpoints');
    const files = await readdir(runDir, { recursive: true, withFileTypes: true });
    const contents = await Promise.all(
      files
        .filter((file) => file.isFile())
        .map((file) => readFile(path.join(file.parentPath, file.name), 'utf8')),
    );
    expect(contents.length).toBeGreaterThan(0);
    for (const content of contents) expect(content).not.toContain(canary);
  });

  it('runMany runs jobs with bounded concurrency and reports each outcome', async () => {
    let inFlight = 0;
    let peak = 0;
    const phase = definePhase({
      name: 'work',
      run: async ({ job }) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await sleep(20);
        inFlight -= 1;
        if (job.title === 'bad') throw new Error('boom');
        return job.title;
      },
    });
    const { pipeline } = await setup({ phases: [phase] });
    const outcomes = await pipeline.runMany(['a', 'b', 'bad', 'c', 'd'], { concurrency: 2 });
    expect(peak).toBe(2);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'succeeded',
      'succeeded',
      'failed',
      'succeeded',
      'succeeded',
    ]);
  });

  it('cancels a run when the signal aborts', async () => {
    const slow = definePhase({
      name: 'slow',
      run: ({ signal }) =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
        ),
    });
    const { pipeline, seen } = await setup({ phases: [slow] });
    const controller = new AbortController();
    const pending = pipeline.run('Kettle', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(pending).rejects.toThrow(/user cancelled/);
    expect(seen.find(([name]) => name === 'run:end')?.[1]).toMatchObject({ status: 'cancelled' });
  });
});
