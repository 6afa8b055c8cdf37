import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobInput } from '@reelsmith/core';
import { UsageError } from '../exit-codes.js';
import { parseCsv } from './parse-csv.js';

const knownColumns = new Set(['id', 'title', 'asin', 'url', 'composition']);

/**
 * Reads jobs from a JSON file (an array of `{ title | asin | url, id?, composition? }` or of
 * strings) or a CSV file with a header row (`title,asin,url,id,composition`).
 */
export async function readJobsFile(file: string): Promise<JobInput[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      `cannot read the jobs file ${file} (${error.code ?? error.message}); check the path`,
    );
  });
  const jobs = path.extname(file).toLowerCase() === '.csv' ? fromCsv(text, file) : fromJson(text, file);
  if (jobs.length === 0) throw new UsageError(`the jobs file ${file} holds no jobs; add at least one row`);
  return jobs;
}

function fromJson(text: string, file: string): JobInput[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the jobs file ${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new UsageError(`the jobs file ${file} must hold a JSON array of jobs`);
  return data.map((entry, index) => {
    if (typeof entry === 'string') return entry;
    if (typeof entry !== 'object' || entry === null) {
      throw new UsageError(
        `${file}: job [${index}] must be a title string or an object with a title, asin or url`,
      );
    }
    return toJob(entry as Record<string, unknown>, `${file}: job [${index}]`);
  });
}

function fromCsv(text: string, file: string): JobInput[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const columns = header.map((name) => name.trim().toLowerCase());
  const unknown = columns.filter((name) => !knownColumns.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `${file}: unknown column(s) ${unknown.join(', ')}; use ${[...knownColumns].join(', ')}`,
    );
  }
  return rows.map((cells, index) => {
    const entry = Object.fromEntries(columns.map((name, column) => [name, cells[column]?.trim() ?? '']));
    return toJob(entry, `${file}: row ${index + 2}`);
  });
}

function toJob(entry: Record<string, unknown>, where: string): JobInput {
  const text = (key: string) =>
    typeof entry[key] === 'string' && entry[key] !== '' ? (entry[key] as string) : undefined;
  const title = text('title');
  const asin = text('asin');
  const url = text('url');
  if (!title && !asin && !url) throw new UsageError(`${where} needs a title, an asin or a url`);
  const composition = text('composition');
  return {
    ...(text('id') ? { id: text('id') } : {}),
    ...(title ? { title } : {}),
    ...(asin ? { asin } : {}),
    ...(url ? { url } : {}),
    ...(composition ? { fields: { composition } } : {}),
  };
}
