// The standard pipeline driven by an Airtable table (msw fake of the REST API): rows are claimed,
// run through the affiliate pipeline to the local folder publisher, and written back.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAffiliatePipeline, processJobs } from '@reelsmith/core';
import { createLocalCatalog, localScriptWriter } from '@reelsmith/provider-local';
import { createLocalPublisher } from '@reelsmith/publisher-local';
import {
  createFakeImageProvider,
  createFakeRenderer,
  createFakeVoiceProvider,
  createMemoryCheckpointStore,
  createMemoryMediaStore,
  createPng,
  installTestServer,
} from '@reelsmith/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createAirtableJobSource } from '../src/airtable-job-source.js';
import { createFakeAirtable, fakeToken, readyRecords } from '../src/testing/airtable-service.js';

const server = installTestServer();
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const photo = {
  data: createPng({ width: 64, height: 64, color: [200, 40, 40, 255] }),
  mediaType: 'image/png',
};

describe('the standard pipeline from an Airtable table to the local publisher', () => {
  it('ends each row Published with its link and cost, or Failed with the cause', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-airtable-e2e-'));
    dirs.push(outDir);
    const table = createFakeAirtable({
      records: readyRecords('Steel water bottle 1 l', 'Unknown gadget 3000'),
    });
    server.use(...table.handlers);
    const jobSource = createAirtableJobSource({
      apiKey: fakeToken,
      baseId: 'appE2eTest0000001',
      table: 'Jobs',
    });
    const pipeline = createAffiliatePipeline({
      productSource: createLocalCatalog({
        products: [
          {
            asin: 'B0C1234567',
            title: 'Steel water bottle 1 l',
            brand: 'Hydra',
            bullets: ['Keeps drinks cold for 24 hours', 'Fits cup holders'],
            reviews: [],
            imageUrls: ['https://images.example.test/bottle.png'],
            affiliateUrl: 'https://www.amazon.com/dp/B0C1234567?tag=reelsmith-20',
          },
        ],
      }),
      script: localScriptWriter,
      images: createFakeImageProvider({ costUsd: 0.04 }),
      voice: createFakeVoiceProvider({ costUsd: 0.03 }),
      renderer: createFakeRenderer(),
      publishers: [createLocalPublisher({ outDir })],
      photoLoader: async () => photo,
      checkpoints: createMemoryCheckpointStore(),
      media: createMemoryMediaStore(),
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });

    const outcomes = await processJobs(pipeline, jobSource);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded', 'failed']);

    const [published, failed] = [...table.records.values()];
    expect(published?.fields.Status).toBe('Published');
    expect(published?.fields['Run ID']).toBe(outcomes[0]?.runId);
    expect(published?.fields.Progress).toBe('done');
    const links = String(published?.fields['Published URLs']);
    expect(links).toMatch(/^local: file:\/\//);
    const cost = Number(published?.fields['Cost (USD)']);
    expect(cost).toBeGreaterThan(0.03);
    expect(cost).toBeCloseTo(
      outcomes[0]?.status === 'succeeded' ? outcomes[0].result.costUsd : Number.NaN,
      6,
    );
    expect(await readdir(outDir)).toHaveLength(1);

    expect(failed?.fields.Status).toBe('Failed');
    expect(String(failed?.fields.Error)).toContain('Unknown gadget 3000');
    expect(failed?.fields['Published URLs']).toBeUndefined();

    // The PAT never reaches the table.
    expect(JSON.stringify([...table.records.values()])).not.toContain(fakeToken);
  });
});
