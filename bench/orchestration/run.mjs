// Orchestration-overhead benchmark: 100 runs of a 10-phase pipeline with latency-injected
// fakes at concurrency 10. Prints wall time, the critical-path time, their ratio (goal ≤ 1.03)
// and per-run overhead, against a baseline measured in the same process: the same DAG run by
// a bare Promise scheduler calling the same fakes (no events, retries, checkpoints, budget).
//
// Usage: npm run bench:orchestration  [-- --runs 100 --concurrency 10 --latency 50]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  createFileCheckpointStore,
  createFileMediaStore,
  criticalPathMs,
  definePhase,
  definePipeline,
} from '@reelsmith/core';
import {
  createFakeImageProvider,
  createFakePublisher,
  createMemoryCheckpointStore,
  createMemoryMediaStore,
} from '@reelsmith/testkit';
import PQueue from 'p-queue';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '10' },
    latency: { type: 'string', default: '50' },
  },
});
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);
const latencyMs = Number(values.latency);

// The standard pipeline's shape: 10 phases, two parallel branches, two publishers.
const shape = [
  ['product', []],
  ['script', ['product']],
  ['images', ['script']],
  ['voice', ['script']],
  ['verify-images', ['images']],
  ['captions', ['voice']],
  ['render', ['verify-images', 'captions']],
  ['store', ['render']],
  ['publish:alpha', ['store']],
  ['publish:beta', ['store']],
];

function makeProviders() {
  const providers = {};
  for (const [name] of shape) {
    providers[name] = name.startsWith('publish:')
      ? createFakePublisher({ id: name, platform: name.slice('publish:'.length), latencyMs })
      : createFakeImageProvider({ id: name, latencyMs, costUsd: 0.001 });
  }
  return providers;
}

function draftFor(video) {
  return {
    title: 'Bench',
    description: 'bench',
    tags: [],
    video,
    durationMs: 1000,
    width: 1080,
    height: 1920,
  };
}

const videoBytes = new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]);

async function baseline() {
  const providers = makeProviders();
  const media = createMemoryMediaStore();
  const videoRef = await media.put('bench.mp4', videoBytes, 'video/mp4');
  const runOnce = async () => {
    const started = performance.now();
    const done = new Map();
    for (const [name, needs] of shape) {
      done.set(
        name,
        Promise.all(needs.map((need) => done.get(need))).then(async () => {
          const provider = providers[name];
          if (name.startsWith('publish:')) {
            await provider.publish({ ...draftFor(videoRef), marker: `m-${name}` }, { media });
          } else {
            await provider.generateImage({ prompt: name });
          }
        }),
      );
    }
    await Promise.all(done.values());
    return performance.now() - started;
  };
  return measure(runOnce);
}

async function engine(stores) {
  const providers = makeProviders();
  const videoRef = await stores.media.put('bench.mp4', videoBytes, 'video/mp4');
  const phases = shape.map(([name, needs]) =>
    definePhase({
      name,
      needs,
      run: async (ctx) => {
        if (name.startsWith('publish:')) {
          const post = await ctx.publish(providers[name], draftFor(videoRef));
          return { id: post.id };
        }
        const { cost } = await ctx.use(providers[name]).generateImage({ prompt: name });
        return { usd: cost.usd };
      },
    }),
  );
  const pipeline = definePipeline({ phases, ...stores, budget: { perRunUsd: 1 } });
  const durations = measure(async () => (await pipeline.run({ title: 'Bench kettle' })).durationMs);
  return { durations: await durations, phases };
}

async function measure(runOnce) {
  const queue = new PQueue({ concurrency });
  const perRun = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: runs }, () => queue.add(async () => perRun.push(await runOnce()))));
  return { wallMs: performance.now() - started, perRun };
}

const mean = (list) => list.reduce((sum, value) => sum + value, 0) / list.length;

// Warm up the JIT and the file system once, then measure.
await baseline();
const base = await baseline();
const memory = await engine({ checkpoints: createMemoryCheckpointStore(), media: createMemoryMediaStore() });
const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-bench-'));
const file = await engine({
  checkpoints: createFileCheckpointStore(path.join(dir, 'checkpoints')),
  media: createFileMediaStore(path.join(dir, 'media')),
});
await rm(dir, { recursive: true, force: true });

const criticalPath = criticalPathMs(
  memory.phases,
  Object.fromEntries(shape.map(([name]) => [name, latencyMs])),
);
const batches = Math.ceil(runs / concurrency);
const idealWall = batches * criticalPath;

const rows = [
  ['baseline (bare Promise DAG)', base.wallMs, mean(base.perRun)],
  ['engine, memory stores', memory.durations.wallMs, mean(memory.durations.perRun)],
  ['engine, file stores', file.durations.wallMs, mean(file.durations.perRun)],
];
console.log(
  `orchestration: ${runs} runs × 10 phases, concurrency ${concurrency}, ${latencyMs} ms per provider call`,
);
console.log(
  `critical path per run: ${criticalPath.toFixed(0)} ms; ideal wall (${batches} waves): ${idealWall.toFixed(0)} ms`,
);
console.log('');
console.log(
  'variant                          wall ms   wall/critical   wall/baseline   mean run ms   overhead/run ms',
);
for (const [label, wall, meanRun] of rows) {
  console.log(
    `${label.padEnd(32)} ${wall.toFixed(0).padStart(7)}   ${(wall / idealWall).toFixed(3).padStart(13)}   ${(wall / base.wallMs).toFixed(3).padStart(13)}   ${meanRun.toFixed(1).padStart(11)}   ${(meanRun - criticalPath).toFixed(2).padStart(15)}`,
  );
}
console.log('');
console.log('goal: engine wall/critical ≤ 1.03 (overhead/run = mean run time − critical path)');
