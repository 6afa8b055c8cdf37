// Types of batch.mjs, for the TypeScript tests (the example itself stays plain JavaScript).
import type { Pipeline } from '@reelsmith/core';

/** A file that cannot be a batch at all: unreadable, or without the `title,asin,url` header. */
export declare class BatchFileError extends Error {}

/** A product from a CSV row. */
export interface BatchJob {
  title?: string;
  asin?: string;
  url?: string;
}

/** A row left out of the batch, with its line number and why. */
export interface SkippedRow {
  line: number;
  title: string;
  asin: string;
  url: string;
  reason: string;
}

/** The jobs of a CSV text (each with its line and a run id derived from its product) and the skipped rows. */
export declare function readBatch(text: string): {
  jobs: Array<{ line: number; job: BatchJob; runId: string }>;
  skipped: SkippedRow[];
};

/** One line of `results.csv`. */
export interface BatchResult extends BatchJob {
  line: number;
  status: 'succeeded' | 'failed' | 'skipped';
  runId?: string;
  links: Record<string, string>;
  costUsd?: number;
  durationMs?: number;
  error: string;
}

/** Runs a CSV batch and writes `results.csv` next to it. */
export declare function runBatch(options: {
  csv: string;
  pipeline: Pipeline;
  concurrency?: number;
  output?: { write(text: string): unknown };
}): Promise<{ results: BatchResult[]; skipped: SkippedRow[]; resultsFile: string }>;
