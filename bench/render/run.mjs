// Render benchmark. Prints figures; asserts nothing.
//  (a) `classic`, 1080×1920, 15 s, rendered by the renderer package (render() end to end:
//      validation, staging, selectComposition, renderMedia, thumbnail, store), vs
//  (b) a bare, tuned renderMedia call on the same bundle and the same kind of browser
//      → fps of each and their ratio (goal ≥ 0.95);
//  batch: 5 renders in one cold process (bundle + browser reused) vs 5 cold processes
//      (fresh bundle + browser each) → wall-time ratio (goal ≤ 0.85);
//  peak memory of the whole process tree, sampled from /proc every 200 ms (goal ≤ 1.5 GB).
//
// Usage: npm run bench:render  [-- --duration 15000 --batch-duration 5000 --batch 5 --reps 2 --batch-reps 1]
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createFileMediaStore } from '@reelsmith/core';
import {
  createRemotionRenderer,
  defaultConcurrency,
  getCompositionBundle,
  resolveBrowserExecutable,
} from '@reelsmith/renderer-remotion';
import { openBrowser, renderMedia, selectComposition } from '@remotion/renderer';
import { createBenchInput } from './fixture.mjs';
import { sampleProcessTreeMemory } from './process-tree-memory.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15000' },
    'batch-duration': { type: 'string', default: '5000' },
    batch: { type: 'string', default: '5' },
    reps: { type: 'string', default: '2' },
    'batch-reps': { type: 'string', default: '1' },
  },
});
const durationMs = Number(values.duration);
const batchDurationMs = Number(values['batch-duration']);
const batchSize = Number(values.batch);
const reps = Number(values.reps);
const batchReps = Number(values['batch-reps']);
const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const memory = sampleProcessTreeMemory(200);
const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-bench-render-'));
const media = createFileMediaStore(path.join(dir, 'media'));
const concurrency = defaultConcurrency();
const browserExecutable = resolveBrowserExecutable();
console.log(`cores ${os.availableParallelism()}, concurrency ${concurrency}, browser ${browserExecutable}`);

// Warm-up: bundle once and open the package's browser with a 1 s render (not measured).
const renderer = createRemotionRenderer();
let started = performance.now();
await renderer.render(await createBenchInput({ media, durationMs: 1000, scenes: 1, prefix: 'warmup/' }));
console.log(`warm-up (bundle + browser + 1 s render): ${seconds(performance.now() - started)}`);
const warmupMemory = memory.mark();

// (b) setup: the same bundle, the same staged media and props, its own browser.
const { serveUrl, publicDir } = await getCompositionBundle();
const input = await createBenchInput({ media, durationMs, prefix: 'main/' });
const bareDir = path.join(publicDir, 'bench-bare');
await mkdir(bareDir, { recursive: true });
const stage = async (ref, name) => {
  await cp(await media.localPath(ref), path.join(bareDir, name));
  return `bench-bare/${name}`;
};
const props = {
  width: 1080,
  height: 1920,
  fps: 30,
  durationInFrames: Math.round((durationMs / 1000) * 30),
  mode: 'video',
  scenes: await Promise.all(
    input.scenes.map(async (scene, index) => ({
      ...scene,
      image: await stage(scene.image, `scene-${index}.png`),
    })),
  ),
  voice: await stage(input.voice, 'voice.wav'),
  captions: input.captions,
  title: input.script.title,
  hook: input.script.hook,
  callToAction: input.script.callToAction,
  product: {
    title: input.product.title,
    brand: input.product.brand,
    price: '$39.95',
    rating: 4.7,
    reviewCount: 12873,
    reviews: input.product.reviews,
  },
};
const bareOptions = { browserExecutable, chromeMode: 'chrome-for-testing', logLevel: 'error' };

const frames = props.durationInFrames;
const packageFps = [];
const bareFps = [];
const overheads = [];

// (a) The package, its browser already open, as in a long-running process. Also splits out the
// package's own work before the first frame and after the last (thumbnail, store put).
const runPackage = async (rep) => {
  await renderer.render(
    await createBenchInput({ media, durationMs: 1000, scenes: 1, prefix: `warm-${rep}/` }),
  );
  let firstFrame;
  let lastFrame;
  started = performance.now();
  await renderer.render(
    { ...input, outputPrefix: `main/out-${rep}/` },
    {
      onProgress: ({ message }) => {
        if (message?.startsWith('rendered ')) firstFrame ??= performance.now();
        if (message === 'rendering the thumbnail') lastFrame = performance.now();
      },
    },
  );
  const ended = performance.now();
  packageFps.push(frames / ((ended - started) / 1000));
  overheads.push({ before: firstFrame - started, after: ended - lastFrame, total: ended - started });
  await renderer.close(); // one browser at a time, so memory figures are not doubled
};

// (b) Bare renderMedia with the same encoder settings; only the renderMedia call is timed.
const runBare = async (rep) => {
  const browser = await openBrowser('chrome', bareOptions);
  const common = { ...bareOptions, serveUrl, puppeteerInstance: browser };
  const composition = await selectComposition({ ...common, id: 'classic', inputProps: props });
  started = performance.now();
  await renderMedia({
    ...common,
    composition,
    inputProps: props,
    codec: 'h264',
    audioCodec: 'aac',
    outputLocation: path.join(dir, `bare-${rep}.mp4`),
    overwrite: true,
    concurrency,
    jpegQuality: 80,
    x264Preset: 'veryfast',
  });
  bareFps.push(frames / ((performance.now() - started) / 1000));
  await browser.close({ silent: true });
};

// Alternate the order (a b, b a, …) so load that drifts over time hits both alike.
for (let rep = 0; rep < reps; rep += 1) {
  if (rep % 2 === 0) {
    await runPackage(rep);
    await runBare(rep);
  } else {
    await runBare(rep);
    await runPackage(rep);
  }
}
const singleMemory = memory.mark();
const bestPackage = Math.max(...packageFps);
const bestBare = Math.max(...bareFps);
console.log('');
console.log(`classic 1080×1920, ${seconds(durationMs)} (${frames} frames), best of ${reps}:`);
const list = (values) => values.map((value) => value.toFixed(2)).join(', ');
console.log(
  `  (a) renderer package render(): ${bestPackage.toFixed(2)} fps [${list(packageFps)}] (with thumbnail + store put)`,
);
console.log(
  `  (b) bare tuned renderMedia:    ${bestBare.toFixed(2)} fps [${list(bareFps)}] (same concurrency, JPEG quality, x264 preset)`,
);
console.log(`  ratio a/b: ${(bestPackage / bestBare).toFixed(3)}  (goal ≥ 0.95)`);
const overheadList = overheads
  .map(({ before, after }) => `${seconds(before)} + ${seconds(after)}`)
  .join(', ');
console.log(`  package time before the first frame + after the last (thumbnail, store put): ${overheadList}`);
// Immune to load drifting between (a) and (b): the share of render() spent inside its renderMedia.
const inside = overheads.map(({ before, after, total }) => ((total - before - after) / total).toFixed(3));
console.log(`  share of render() spent rendering frames, per run: ${inside.join(', ')}`);

// Batch: one cold process with reuse vs cold processes, each with a fresh bundle and browser.
const child = async (count) => {
  const { stdout } = await run(
    process.execPath,
    [path.join(here, 'child-render.mjs'), '--count', String(count), '--duration', String(batchDurationMs)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)).wallMs;
};
// Best of `--batch-reps`, alternating the two, so a burst of load on the machine hits both.
let reuseMs = Number.POSITIVE_INFINITY;
let independentMs = Number.POSITIVE_INFINITY;
for (let rep = 0; rep < batchReps; rep += 1) {
  reuseMs = Math.min(reuseMs, await child(batchSize));
  let total = 0;
  for (let index = 0; index < batchSize; index += 1) total += await child(1);
  independentMs = Math.min(independentMs, total);
}
const batchMemory = memory.mark();
console.log('');
console.log(
  `batch of ${batchSize} × ${seconds(batchDurationMs)} classic renders (each from a cold process start), best of ${batchReps}:`,
);
console.log(`  reuse (1 bundle + 1 browser):       ${seconds(reuseMs)}`);
console.log(`  independent (fresh bundle+browser): ${seconds(independentMs)}`);
console.log(`  ratio reuse/independent: ${(reuseMs / independentMs).toFixed(3)}  (goal ≤ 0.85)`);

const peak = memory.stop();
console.log('');
console.log('peak memory of the process tree (RSS summed over processes; PSS counts shared pages once):');
console.log(`  warm-up:      RSS ${mb(warmupMemory.peakRss)}, PSS ${mb(warmupMemory.peakPss)}`);
console.log(`  single renders: RSS ${mb(singleMemory.peakRss)}, PSS ${mb(singleMemory.peakPss)}`);
console.log(`  batches:      RSS ${mb(batchMemory.peakRss)}, PSS ${mb(batchMemory.peakPss)}`);
console.log(
  `  overall:      RSS ${mb(peak.peakRss)}, PSS ${mb(peak.peakPss)}, up to ${peak.peakProcesses} processes  (goal ≤ 1.5 GB)`,
);
await rm(dir, { recursive: true, force: true });
