// Affiliate videos for every row of a CSV file, offline: the same providers as the offline demo
// (local catalog, script writer, sharp composer and judge, eSpeak voice, Remotion, local folder).
//
//   npm run build    # once, from the repository root: the example runs the built packages
//   node examples/batch-csv/run.mjs --csv examples/batch-csv/products.csv [--concurrency 2]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { offlineOptions } from '@reelsmith/cli';
import { createAffiliatePipeline } from '@reelsmith/core';
import { createMusicBed, resolveBrowserExecutable } from '@reelsmith/renderer-remotion';
import { BatchFileError, runBatch } from './batch.mjs';

const usage =
  'usage: node run.mjs --csv products.csv [--concurrency 1] [--catalog products.json] [--out folder] ' +
  '[--browser /usr/bin/chromium]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      csv: { type: 'string' },
      concurrency: { type: 'string', default: '1' },
      catalog: { type: 'string' },
      out: { type: 'string' },
      browser: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const concurrency = Number(values.concurrency);
if (!values.csv || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`${values.csv ? '--concurrency must be an integer ≥ 1' : '--csv is required'}\n${usage}`);
  process.exit(2);
}

const outDir = path.resolve(values.out ?? path.join(path.dirname(values.csv), 'out'));
const catalog = values.catalog ?? path.resolve(import.meta.dirname, '../offline-demo/products/products.json');
await mkdir(outDir, { recursive: true });
// As the offline demo: a music bed the project synthesizes itself, no third-party audio.
const music = path.join(outDir, 'music-bed.wav');
await writeFile(music, createMusicBed({ durationMs: 60_000 }));

// Never downloads a browser: Chromium from --browser, REELSMITH_BROWSER, CHROMIUM_PATH or the usual paths.
const browser = resolveBrowserExecutable(values.browser ? { explicit: values.browser } : {});
// The offline demo's provider set, loaded the same way (the GPL eSpeak voice only when installed).
const options = await offlineOptions({ catalog, outDir, music, browser });
const pipeline = createAffiliatePipeline({ ...options, dataDir: path.join(outDir, '.reelsmith') });

try {
  const { results } = await runBatch({ csv: values.csv, pipeline, concurrency });
  process.exitCode = results.some((result) => result.status === 'failed') ? 1 : 0;
} catch (error) {
  console.error(error instanceof BatchFileError ? `${values.csv}: ${error.message}` : error);
  process.exitCode = error instanceof BatchFileError ? 2 : 1;
} finally {
  await options.renderer.close?.();
}
