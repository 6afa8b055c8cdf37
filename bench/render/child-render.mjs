// One cold process: a fresh bundle and a fresh browser, then `--count` renders of `--duration` ms.
// Prints one JSON line: { wallMs, renders }. Used by run.mjs for the batch comparison.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createFileMediaStore } from '@reelsmith/core';
import { createRemotionRenderer } from '@reelsmith/renderer-remotion';
import { createBenchInput } from './fixture.mjs';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '1' }, duration: { type: 'string', default: '5000' } },
});
const started = performance.now();
const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-bench-child-'));
const media = createFileMediaStore(dir);
const renderer = createRemotionRenderer();
try {
  for (let index = 0; index < Number(values.count); index += 1) {
    const input = await createBenchInput({
      media,
      durationMs: Number(values.duration),
      prefix: `r${index}/`,
    });
    await renderer.render(input);
  }
} finally {
  await renderer.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ wallMs: performance.now() - started, renders: Number(values.count) }));
