// A batch of videos from a CSV file (`title,asin,url`): bad rows are reported with their line
// number and skipped, the rest run through `pipeline.runMany`, a progress line per finished run,
// then a summary table and `results.csv` next to the input.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { summarizeError, writeFileAtomic } from '@reelsmith/core';
import { parseCsv, toCsv } from './csv.mjs';

const columns = ['title', 'asin', 'url'];
const resultColumns = ['line', 'title', 'asin', 'url', 'status', 'run_id', 'links', 'cost_usd', 'error'];

/** Raised for a file that cannot be a batch at all (no file, no header); exit code 2 in run.mjs. */
export class BatchFileError extends Error {}

/**
 * Reads the jobs of a CSV file. Returns the jobs with their line, and the rows that were skipped
 * with the reason. Each job's run id comes from its product, so running the same file again
 * resumes its runs (finished phases are skipped, nothing is published twice).
 *
 * @param {string} text
 */
export function readBatch(text) {
  const [header, ...records] = parseCsv(text);
  const names = header?.error ? [] : (header?.fields.map((name) => name.trim().toLowerCase()) ?? []);
  const missing = columns.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw new BatchFileError(
      `the first line must be the header title,asin,url (missing: ${missing.join(', ')})`,
    );
  }
  const jobs = [];
  const skipped = [];
  const seen = new Map();
  for (const record of records) {
    const shaped = !record.error && record.fields.length === names.length;
    const named = (name) => (shaped ? record.fields[names.indexOf(name)].trim() : '');
    const skip = (reason) =>
      skipped.push({
        line: record.line,
        title: named('title'),
        asin: named('asin'),
        url: named('url'),
        reason,
      });
    if (record.error) {
      skip(record.error);
      continue;
    }
    if (record.fields.length !== names.length) {
      skip(`expected ${names.length} fields (${names.join(',')}), found ${record.fields.length}`);
      continue;
    }
    const row = Object.fromEntries(names.map((name, index) => [name, record.fields[index].trim()]));
    const problem = rowProblem(row);
    if (problem) {
      skip(problem);
      continue;
    }
    const job = Object.fromEntries(
      columns.filter((name) => row[name] !== '').map((name) => [name, row[name]]),
    );
    const key = job.asin?.toUpperCase() ?? job.url ?? job.title.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) {
      skip(`the same product as line ${first}`);
      continue;
    }
    seen.set(key, record.line);
    const runId = `batch-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    jobs.push({ line: record.line, job, runId });
  }
  return { jobs, skipped };
}

function isWebUrl(text) {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function rowProblem(row) {
  if (!row.title && !row.asin && !row.url) return 'no product: give a title, an asin or a url';
  if (row.asin && !/^[A-Z0-9]{10}$/i.test(row.asin))
    return `asin "${row.asin}" must be 10 letters or digits (e.g. B0C1234567)`;
  if (row.url && !isWebUrl(row.url)) return `url "${row.url}" must be an http(s) product URL`;
  if (row.title.length > 300) return 'title is longer than 300 characters';
  return undefined;
}

/**
 * Runs a CSV batch: reports bad rows, runs the rest `concurrency` at a time, prints a progress line
 * per run and a summary table to `output`, and writes `results.csv` next to the input.
 *
 * @param {{ csv: string, pipeline: import('@reelsmith/core').Pipeline, concurrency?: number,
 *   output?: { write(text: string): unknown } }} options
 */
export async function runBatch({ csv, pipeline, concurrency = 1, output = process.stdout }) {
  const text = await readFile(csv, 'utf8').catch((error) => {
    throw new BatchFileError(`cannot read ${csv} (${error.code ?? error.message})`);
  });
  const { jobs, skipped } = readBatch(text);
  for (const row of skipped) output.write(`line ${row.line}: skipped, ${row.reason}\n`);
  output.write(`${jobs.length} video(s) to make, ${concurrency} at a time.\n`);

  // The engine's own account of each run: cost and duration, for failed runs too.
  const ends = new Map();
  let done = 0;
  const byRun = new Map(jobs.map((entry) => [entry.runId, entry]));
  // A resumed run that starts no phase was finished before: say so rather than "0.0 s".
  const worked = new Set();
  const onPhase = (event) => worked.add(event.runId);
  const onEnd = (event) => {
    const entry = byRun.get(event.runId);
    if (!entry) return;
    ends.set(event.runId, event);
    done += 1;
    const mark = event.status === 'succeeded' ? '✓' : '✗';
    const made = worked.has(event.runId) ? '' : ' (already made)';
    const what = event.status === 'succeeded' ? made : `  ${event.error?.message ?? event.status}`;
    output.write(
      `[${done}/${jobs.length}] ${mark} line ${entry.line} ${label(entry.job)} — ` +
        `${(event.durationMs / 1000).toFixed(1)} s, $${event.costUsd.toFixed(4)}${what}\n`,
    );
  };
  pipeline.events.on('phase:start', onPhase).on('run:end', onEnd);
  let outcomes;
  try {
    outcomes = await pipeline.runMany(
      jobs.map((entry) => entry.job),
      { concurrency, runId: (_job, index) => jobs[index].runId },
    );
  } finally {
    pipeline.events.off('phase:start', onPhase).off('run:end', onEnd);
  }

  const results = [
    ...outcomes.map((outcome, index) => {
      const { line, job } = jobs[index];
      const end = ends.get(outcome.runId);
      const succeeded = outcome.status === 'succeeded';
      return {
        line,
        ...job,
        status: outcome.status,
        runId: outcome.runId,
        links: succeeded ? (outcome.result.outputs.report?.urls ?? {}) : {},
        costUsd: succeeded ? outcome.result.costUsd : (end?.costUsd ?? 0),
        durationMs: succeeded ? outcome.result.durationMs : end?.durationMs,
        error: succeeded ? '' : summarizeError(outcome.error).message,
      };
    }),
    ...skipped.map(({ reason, ...row }) => ({ ...row, status: 'skipped', links: {}, error: reason })),
  ].sort((a, b) => a.line - b.line);

  const resultsFile = resultsPath(csv);
  const rows = results.map((result) => [
    result.line,
    result.title ?? '',
    result.asin ?? '',
    result.url ?? '',
    result.status,
    result.runId ?? '',
    Object.entries(result.links)
      .map(([platform, url]) => `${platform}=${url}`)
      .join(' '),
    result.costUsd === undefined ? '' : result.costUsd.toFixed(4),
    result.error,
  ]);
  await writeFileAtomic(resultsFile, toCsv([resultColumns, ...rows], { guardFormulas: true }));
  output.write(summaryTable(results, resultsFile));
  return { results, skipped, resultsFile };
}

/** `results.csv` in the input's folder (never the input itself). */
function resultsPath(csv) {
  const folder = path.dirname(path.resolve(csv));
  const candidate = path.join(folder, 'results.csv');
  return candidate === path.resolve(csv) ? path.join(folder, 'results.out.csv') : candidate;
}

const label = (job) => job.title ?? job.asin ?? job.url;

function summaryTable(results, resultsFile) {
  const table = [['line', 'product', 'status', 'time', 'cost', 'link or error']];
  for (const result of results) {
    const product = (result.title || result.asin || result.url || '(none)').replace(/\s+/g, ' ');
    table.push([
      String(result.line),
      product.length > 40 ? `${product.slice(0, 39)}…` : product,
      result.status,
      result.durationMs === undefined ? '–' : `${(result.durationMs / 1000).toFixed(1)} s`,
      result.costUsd === undefined ? '–' : `$${result.costUsd.toFixed(4)}`,
      Object.values(result.links)[0] ?? result.error,
    ]);
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '),
  );
  const count = (status) => results.filter((result) => result.status === status).length;
  const total = results.reduce((sum, result) => sum + (result.costUsd ?? 0), 0);
  return (
    `\n${lines.join('\n')}\n\n${count('succeeded')} succeeded, ${count('failed')} failed, ` +
    `${count('skipped')} skipped; $${total.toFixed(4)} in all. Results: ${resultsFile}\n`
  );
}
