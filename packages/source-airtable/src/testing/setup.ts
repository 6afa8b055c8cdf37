import type { TestServer } from '@reelsmith/testkit';
import { type AirtableJobSource, createAirtableJobSource } from '../airtable-job-source.js';
import type { AirtableJobSourceOptions, AirtableSourceWarning } from '../airtable-source-options.js';
import {
  createFakeAirtable,
  type FakeAirtable,
  type FakeAirtableOptions,
  fakeToken,
  readyRecords,
  uniqueBaseId,
} from './airtable-service.js';

/** A fake table mounted on `server` and a source over it (a base of its own, so its own pacer). */
export interface Harness {
  fake: FakeAirtable;
  source: AirtableJobSource;
  warnings: AirtableSourceWarning[];
  baseId: string;
}

/** Mounts a fake table (two Ready jobs unless `fake.records` says otherwise) and creates a source on it. */
export function setup(
  server: TestServer,
  fake: FakeAirtableOptions = {},
  options: Partial<AirtableJobSourceOptions> = {},
): Harness {
  const table = createFakeAirtable({ records: readyRecords('Kettle', 'Toaster'), ...fake });
  server.use(...table.handlers);
  const warnings: AirtableSourceWarning[] = [];
  const baseId = options.baseId ?? uniqueBaseId();
  const source = createAirtableJobSource({
    apiKey: fakeToken,
    baseId,
    table: 'Jobs',
    onWarning: (warning) => warnings.push(warning),
    ...options,
  });
  return { fake: table, source, warnings, baseId };
}

/** Resolves the rejection of `promise` (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, but the call resolved');
    },
    (error: unknown) => error,
  );
}
