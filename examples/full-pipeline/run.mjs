// One affiliate video through the standard pipeline, with real AI providers for every key that is
// set and local providers for the rest.
//
//   npm run build   # once, from the repository root: the example runs the built packages
//   node examples/full-pipeline/run.mjs --title "Insulated steel water bottle" --out out/full
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAffiliatePipeline, processJobs } from '@reelsmith/core';
import { defaultCatalog, selectProviders } from './select-providers.mjs';

const usage =
  'usage: node run.mjs --title "<product title or ASIN>" [--catalog products.json] [--out folder]\n' +
  '       node run.mjs --pending [--limit N]   (jobs from Airtable: AIRTABLE_PAT + AIRTABLE_BASE_ID)';

const { values } = parseArgs({
  options: {
    title: { type: 'string' },
    catalog: { type: 'string' },
    out: { type: 'string' },
    browser: { type: 'string' },
    pending: { type: 'boolean' },
    limit: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const title = values.title ?? (values.catalog || values.pending ? undefined : 'Insulated steel water bottle');
if (!title && !values.pending) {
  console.error(`--title is required with --catalog\n${usage}`);
  process.exit(2);
}

const outDir = path.resolve(values.out ?? path.join(import.meta.dirname, 'out'));
const { options, choices } = await selectProviders(process.env, {
  catalog: values.catalog ?? defaultCatalog,
  outDir,
  ...(values.browser ? { browser: values.browser } : {}),
});
console.log('Providers:');
for (const line of choices) console.log(`  ${line}`);

// The job source is for --pending only: processJobs writes the results back to it.
const { jobSource, ...pipelineOptions } = options;
const pipeline = createAffiliatePipeline(pipelineOptions);
pipeline.events.on('phase:end', (event) =>
  console.log(`  ✓ ${event.phase} (${(event.durationMs / 1000).toFixed(1)} s, $${event.costUsd.toFixed(4)})`),
);
pipeline.events.on('provider:fallback', (event) =>
  console.log(`  ↪ ${event.from} → ${event.to ?? '(none)'}: ${event.reason}`),
);
pipeline.events.on('breaker:open', (event) =>
  console.log(`  ⚡ breaker open: ${event.provider} (${event.reason})`),
);
pipeline.events.on('phase:warning', (event) => console.log(`  ! ${event.phase}: ${event.warning.message}`));

if (values.pending) {
  if (!jobSource) {
    console.error('--pending needs AIRTABLE_PAT and AIRTABLE_BASE_ID');
    process.exit(2);
  }
  try {
    const outcomes = await processJobs(
      pipeline,
      jobSource,
      values.limit ? { limit: Number(values.limit) } : {},
    );
    for (const outcome of outcomes)
      console.log(`  ${outcome.status.padEnd(9)} ${outcome.job.title ?? outcome.job.id}`);
    process.exitCode = outcomes.every((outcome) => outcome.status !== 'failed') ? 0 : 1;
  } finally {
    await /** @type {{ close?: () => Promise<void> }} */ (options.renderer).close?.();
  }
  process.exit();
}

const asin = /^[A-Z0-9]{10}$/.test(title) ? title : undefined;
console.log(`\nRunning "${title}"…`);
try {
  const result = await pipeline.run(asin ? { asin } : { title });
  const report = /** @type {{ urls?: Record<string, string> } | undefined} */ (result.outputs.report);
  console.log(`\nDone in ${(result.durationMs / 1000).toFixed(0)} s for $${result.costUsd.toFixed(4)}.`);
  for (const [platform, url] of Object.entries(report?.urls ?? {})) console.log(`  ${platform}: ${url}`);
} catch (error) {
  console.error(`\nThe run failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await /** @type {{ close?: () => Promise<void> }} */ (options.renderer).close?.();
}
