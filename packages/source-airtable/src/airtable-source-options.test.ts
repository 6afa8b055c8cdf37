import { ConfigError, containsSecret } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createAirtableJobSource } from './airtable-job-source.js';
import { resolveAirtableOptions } from './airtable-source-options.js';

const valid = { apiKey: 'patFAKE.options-test-token', baseId: 'appA1b2C3d4E5f6G7', table: 'Jobs' };

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(ConfigError.isInstance(error), String(error)).toBe(true);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('createAirtableJobSource options', () => {
  it('fills in the documented defaults and the default formula', () => {
    const resolved = resolveAirtableOptions(valid);
    expect(resolved.fields).toEqual({
      title: 'Title',
      asin: 'ASIN',
      url: 'Product URL',
      status: 'Status',
      runId: 'Run ID',
      progress: 'Progress',
      urls: 'Published URLs',
      costUsd: 'Cost (USD)',
      error: 'Error',
    });
    expect(resolved.statusValues).toEqual({
      pending: 'Ready',
      processing: 'Processing',
      done: 'Published',
      failed: 'Failed',
    });
    expect(resolved).toMatchObject({
      typecast: false,
      requestsPerSecond: 5,
      timeoutMs: 30_000,
      rateLimitPauseMs: 30_000,
      maxRateLimitWaitMs: 0,
      endpointUrl: 'https://api.airtable.com',
      schemaCheck: true,
      filterByFormula: "{Status}='Ready'",
    });
  });

  it("quotes the pending value in the default formula (O'Brien → O\\'Brien)", () => {
    const resolved = resolveAirtableOptions({
      ...valid,
      fields: { status: 'State' },
      statusValues: { pending: "O'Brien" },
    });
    expect(resolved.filterByFormula).toBe("{State}='O\\'Brien'");
  });

  it('declares itself as a v1 job source with id airtable:<baseId>/<table>', () => {
    const source = createAirtableJobSource(valid);
    expect(source).toMatchObject({
      specificationVersion: 'v1',
      capability: 'job-source',
      id: 'airtable:appA1b2C3d4E5f6G7/Jobs',
    });
  });

  it('names a bad baseId and how to find the right one', () => {
    const error = configError(() => createAirtableJobSource({ ...valid, baseId: 'Jobs base' }));
    expect(error.field).toBe('baseId');
    expect(error.message).toContain('copy the id starting with `app`');
  });

  it('names a missing apiKey and the scopes the token needs', () => {
    const error = configError(() => createAirtableJobSource({ ...valid, apiKey: '' }));
    expect(error.field).toBe('apiKey');
    expect(error.message).toContain('schema.bases:read');
  });

  it('refuses unknown options, duplicate status values and rates above Airtable’s', () => {
    const unknown = configError(() =>
      createAirtableJobSource({ ...valid, tabel: 'Jobs' } as unknown as Parameters<
        typeof createAirtableJobSource
      >[0]),
    );
    expect(unknown.message).toContain('tabel');
    const statuses = configError(() =>
      createAirtableJobSource({ ...valid, statusValues: { done: 'Ready' } }),
    );
    expect(statuses.field).toBe('statusValues');
    const rate = configError(() => createAirtableJobSource({ ...valid, requestsPerSecond: 500 }));
    expect(rate.field).toBe('requestsPerSecond');
  });

  it('registers the token as a secret, and keeps it out of ConfigError messages', () => {
    const apiKey = 'patFAKE.secret-registered-by-factory';
    const error = configError(() => createAirtableJobSource({ ...valid, apiKey, baseId: 'nope' }));
    expect(containsSecret(`x ${apiKey} y`)).toBe(true);
    expect(error.message).not.toContain(apiKey);
  });
});
