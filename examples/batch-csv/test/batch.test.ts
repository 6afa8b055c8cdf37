// The CSV batch on testkit fakes: no network, no browser.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAffiliatePipeline, ProviderError } from '@reelsmith/core';
import {
  createFakeImageProvider,
  createFakeProductSource,
  createFakePublisher,
  fakeAffiliateOptions,
} from '@reelsmith/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchFileError, runBatch } from '../batch.mjs';
import { parseCsv } from '../csv.mjs';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function csvFile(text: string) {
  const folder = await mkdtemp(path.join(tmpdir(), 'reelsmith-batch-'));
  folders.push(folder);
  const file = path.join(folder, 'products.csv');
  await writeFile(file, text);
  return file;
}

/** The standard pipeline on fakes; a product titled "Missing product" is not in the catalog. */
function fakeSetup() {
  const products = createFakeProductSource();
  const publisher = createFakePublisher({ platform: 'fake' });
  const options = fakeAffiliateOptions({
    productSource: {
      ...products,
      getProduct: async (query, callOptions) => {
        if (query.title === 'Missing product') {
          throw new ProviderError({
            kind: 'invalid_input',
            provider: products.id,
            message: 'no such product',
          });
        }
        return products.getProduct(query, callOptions);
      },
    },
    judge: undefined,
    images: createFakeImageProvider({ costUsd: 0.01 }),
    publishers: [publisher],
  });
  return { pipeline: createAffiliatePipeline(options), publisher };
}

function recorder() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

const batch = [
  'title,asin,url',
  '"Kettle, gooseneck ""pro""",,', // 2: a quoted title with a comma and quotes
  ',B0C1234567,', // 3
  ',,https://www.amazon.com/dp/B0C7654321', // 4
  'Toaster,not-an-asin,', // 5: bad ASIN
  '"Two-line', // 6–7: a title across two lines
  'lamp",,',
  ',,', // 8: no product
  'Blender,,,extra', // 9: a field too many
  'Missing product,,', // 10: fails at run time
  '"Unclosed,,', // 11: a quote never closed
  '', // 12: blank, ignored
  'Stand mixer,,', // 13: still read after the stray quote
  ',b0c1234567,', // 14: the same product as line 3
  '',
].join('\r\n');

describe('batch-csv', () => {
  it('runs the good rows, reports each bad row with its line, and writes results.csv next to the input', async () => {
    const csv = await csvFile(batch);
    const { pipeline, publisher } = fakeSetup();
    const output = recorder();
    const { results, resultsFile } = await runBatch({ csv, pipeline, concurrency: 3, output });

    expect(resultsFile).toBe(path.join(path.dirname(csv), 'results.csv'));
    const [header, ...rows] = parseCsv(await readFile(resultsFile, 'utf8')).map((record) => record.fields);
    expect(header).toEqual([
      'line',
      'title',
      'asin',
      'url',
      'status',
      'run_id',
      'links',
      'cost_usd',
      'error',
    ]);
    const byLine = new Map(rows.map((row) => [Number(row[0]), row]));
    expect([...byLine.keys()]).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 13, 14]);
    const status = (line: number) => byLine.get(line)?.[4];
    expect([2, 3, 4, 6, 13].map(status)).toEqual(Array(5).fill('succeeded'));
    expect([5, 8, 9, 11, 14].map(status)).toEqual(Array(5).fill('skipped'));
    expect(status(10)).toBe('failed');

    const kettle = byLine.get(2)!;
    expect(kettle[1]).toBe('Kettle, gooseneck "pro"');
    expect(kettle[5]).toMatch(/^batch-[0-9a-f]{16}$/);
    expect(kettle[6]).toMatch(/^fake=https:\/\/fake\.example\.test\/posts\//);
    expect(Number(kettle[7])).toBeGreaterThan(0);
    expect(byLine.get(6)?.[1]).toBe('Two-line\nlamp');
    expect(byLine.get(10)?.[8]).toContain('no such product');
    expect(byLine.get(10)?.[5]).toMatch(/^batch-/);
    expect(byLine.get(5)?.[8]).toMatch(/asin "not-an-asin" must be 10 letters or digits/);
    expect(byLine.get(8)?.[8]).toMatch(/no product/);
    expect(byLine.get(9)?.[8]).toMatch(/expected 3 fields .* found 4/);
    expect(byLine.get(11)?.[8]).toMatch(/never closed/);
    expect(byLine.get(14)?.[8]).toBe('the same product as line 3');
    expect(publisher.posts).toHaveLength(5);

    const lines = output.text().split('\n');
    for (const line of [5, 8, 9, 11, 14])
      expect(lines.some((text) => text.startsWith(`line ${line}: skipped, `))).toBe(true);
    expect(lines.filter((text) => /^\[\d\/6\] [✓✗] line \d+ /.test(text))).toHaveLength(6);
    expect(output.text()).toMatch(/5 succeeded, 1 failed, 5 skipped/);
    expect(results.map((result) => result.line)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 13, 14]);
  });

  it('resumes on a second run: the same run ids, nothing published twice', async () => {
    const csv = await csvFile('title,asin,url\nKettle,,\n,B0C1234567,\n');
    const { pipeline, publisher } = fakeSetup();
    const first = await runBatch({ csv, pipeline, output: recorder() });
    const output = recorder();
    const again = await runBatch({ csv, pipeline, output });
    expect(output.text()).toMatch(/\[1\/2\] ✓ line 2 Kettle — .* \(already made\)/);
    expect(again.results.map((result) => result.runId)).toEqual(first.results.map((result) => result.runId));
    expect(again.results.every((result) => result.status === 'succeeded')).toBe(true);
    expect(publisher.posts).toHaveLength(2);
    expect(again.results.map((result) => result.line)).toEqual([2, 3]);
  });

  it('stops before running anything when the header is missing', async () => {
    const csv = await csvFile('Kettle,,\n');
    const { pipeline, publisher } = fakeSetup();
    await expect(runBatch({ csv, pipeline, output: recorder() })).rejects.toThrow(BatchFileError);
    await expect(runBatch({ csv, pipeline, output: recorder() })).rejects.toThrow(/header title,asin,url/);
    expect(publisher.callCount).toBe(0);
  });

  it('guards spreadsheet formulas in results.csv', async () => {
    const csv = await csvFile('title,asin,url\n"=HYPERLINK(""x"")",,\n');
    const { pipeline } = fakeSetup();
    const { resultsFile } = await runBatch({ csv, pipeline, output: recorder() });
    const [, row] = parseCsv(await readFile(resultsFile, 'utf8'));
    expect(row?.fields[1]).toBe(`'=HYPERLINK("x")`);
  });
});
