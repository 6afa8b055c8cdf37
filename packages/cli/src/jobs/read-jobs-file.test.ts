import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../exit-codes.js';
import { parseCsv } from './parse-csv.js';
import { readJobsFile } from './read-jobs-file.js';

async function file(name: string, content: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-cli-'));
  const target = path.join(dir, name);
  await writeFile(target, content);
  return target;
}

describe('readJobsFile', () => {
  it('reads JSON arrays of strings and objects', async () => {
    const jobs = await readJobsFile(
      await file('jobs.json', '["Kettle", {"asin": "B0TEST", "composition": "wow"}]'),
    );
    expect(jobs).toEqual(['Kettle', { asin: 'B0TEST', fields: { composition: 'wow' } }]);
  });

  it('reads CSV with quotes and a header', async () => {
    const jobs = await readJobsFile(
      await file('jobs.csv', 'title,composition\n"Kettle, 1.7 L ""Pro""",wow\nBottle,\n'),
    );
    expect(jobs).toEqual([
      { title: 'Kettle, 1.7 L "Pro"', fields: { composition: 'wow' } },
      { title: 'Bottle' },
    ]);
  });

  it('names the bad row or column', async () => {
    await expect(readJobsFile(await file('jobs.csv', 'title,colour\nKettle,red\n'))).rejects.toThrow(
      /unknown column\(s\) colour/,
    );
    await expect(readJobsFile(await file('jobs.json', '[{"name": "x"}]'))).rejects.toThrow(
      /job \[0\] needs a title/,
    );
    await expect(readJobsFile(await file('jobs.json', '{'))).rejects.toThrow(UsageError);
    await expect(readJobsFile('/nonexistent/jobs.json')).rejects.toThrow(/cannot read the jobs file/);
  });

  it('parses CRLF CSV', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
