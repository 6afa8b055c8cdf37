// End-to-end benchmark: one video, job → published folder, fully offline (local providers,
// eSpeak, Remotion in Chromium, local publisher). Prints wall time per phase and the total
// (goal ≤ 120 s on 2 cores), plus the video's duration.
//
// Usage: npm run bench:e2e
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { offlineOptions } from '@reelsmith/cli';
import { createAffiliatePipeline, createEventBus } from '@reelsmith/core';

const root = path.resolve(import.meta.dirname, '../..');
const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-bench-e2e-'));
const events = createEventBus();
const phases = [];
events.on('phase:end', (event) => phases.push([event.phase, event.durationMs]));

const options = await offlineOptions({
  catalog: path.join(root, 'examples/offline-demo/products/products.json'),
  outDir: path.join(dir, 'out'),
  composition: 'classic',
});
const pipeline = createAffiliatePipeline({ ...options, events, dataDir: path.join(dir, 'data') });
const started = performance.now();
try {
  const result = await pipeline.run(
    { asin: 'DEMO000003', title: 'Pour-over coffee kettle' },
    { runId: 'bench-e2e' },
  );
  const total = performance.now() - started;
  const render = result.outputs.render;
  console.log(
    `e2e offline: one ${(render.durationMs / 1000).toFixed(1)} s video (${render.composition}), job → published folder`,
  );
  console.log('');
  console.log('phase              wall s');
  for (const [phase, ms] of phases) console.log(`${phase.padEnd(18)} ${(ms / 1000).toFixed(2).padStart(6)}`);
  console.log(`${'total'.padEnd(18)} ${(total / 1000).toFixed(2).padStart(6)}`);
  console.log('');
  console.log(`goal: total ≤ 120 s on 2 cores (${os.availableParallelism()} cores here)`);
} finally {
  await options.renderer.close?.();
  await rm(dir, { recursive: true, force: true });
}
