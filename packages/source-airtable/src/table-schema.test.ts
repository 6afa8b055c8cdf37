import { ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { envelope } from './testing/fake-table.js';
import { rejection, setup } from './testing/setup.js';

const server = installTestServer();
const jobId = 'recJob00000000001';

function schemaError(error: unknown): ProviderError {
  expect(ProviderError.isInstance(error), String(error)).toBe(true);
  const providerError = error as ProviderError;
  expect(providerError.kind).toBe('invalid_input');
  expect(providerError.code).toBe('SCHEMA_MISMATCH');
  return providerError;
}

const patches = <T extends { method: string }>(requests: T[]) =>
  requests.filter((request) => request.method === 'PATCH');

describe('schema check before writing', () => {
  it('refuses a number for a text column, naming the column, the value type and the expected types', async () => {
    const { fake, source } = setup(server, {}, { fields: { costUsd: 'Progress' } });
    const error = schemaError(await rejection(source.update(jobId, { costUsd: 0.42 })));
    expect(error.message).toContain('field "Progress" (`fields.costUsd`) is a singleLineText field');
    expect(error.message).toContain('the value is a number (0.42)');
    expect(error.message).toContain('expected a number, currency, percent field');
    expect(error.message).toContain('Fix:');
    expect(patches(fake.requests)).toHaveLength(0);
  });

  it('refuses an unknown select option without typecast, listing the options', async () => {
    const { fake, source } = setup(server, {}, { statusValues: { done: 'Done' } });
    const error = schemaError(await rejection(source.update(jobId, { status: 'done' })));
    expect(error.message).toContain('field "Status" (`fields.status`) has no option "Done"');
    expect(error.message).toContain('"Ready", "Processing", "Published", "Failed"');
    expect(error.message).toContain('typecast: true');
    expect(patches(fake.requests)).toHaveLength(0);
  });

  it('lets typecast create the option', async () => {
    const { fake, source } = setup(server, {}, { statusValues: { done: 'Done' }, typecast: true });
    await source.update(jobId, { status: 'done' });
    expect(fake.records.get(jobId)?.fields.Status).toBe('Done');
    expect(patches(fake.requests)[0]!.body).toMatchObject({ typecast: true });
  });

  it('accepts URLs in a URL column and refuses them in a number column', async () => {
    const ok = setup(server, {}, { fields: { urls: { youtube: 'YouTube URL' } } });
    await ok.source.update(jobId, { urls: { youtube: 'https://www.youtube.com/shorts/abc123' } });
    expect(ok.fake.records.get(jobId)?.fields['YouTube URL']).toBe('https://www.youtube.com/shorts/abc123');

    const bad = setup(server, {}, { fields: { urls: { youtube: 'Cost (USD)' } } });
    const error = schemaError(
      await rejection(bad.source.update(jobId, { urls: { youtube: 'https://youtu.be/x' } })),
    );
    expect(error.message).toContain('field "Cost (USD)" (`fields.urls.youtube`) is a currency field');
    expect(error.message).toContain('the value is a URL');
  });

  it('names an unknown column with similar names', async () => {
    const { source } = setup(server, {}, { fields: { urls: { youtube: 'Youtube URL' } } });
    const error = schemaError(
      await rejection(source.update(jobId, { urls: { youtube: 'https://youtu.be/x' } })),
    );
    expect(error.message).toContain('field "Youtube URL" (`fields.urls.youtube`) does not exist');
    expect(error.message).toContain('Similar names: "YouTube URL"');
  });

  it('refuses to write a computed column', async () => {
    const { source } = setup(server, {}, { fields: { progress: 'Score' } });
    const error = schemaError(await rejection(source.update(jobId, { progress: 'render 40%' })));
    expect(error.message).toContain('is a formula field that Airtable computes');
  });

  it('reads the schema once per source', async () => {
    const { fake, source } = setup(server);
    await source.update(jobId, { progress: 'one' });
    await source.update(jobId, { progress: 'two' });
    expect(fake.requests.filter((request) => request.path.includes('/meta/'))).toHaveLength(1);
  });

  it('writes unchecked after one warning when the token may not read the schema (403)', async () => {
    const metaAnswer = envelope(403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', 'Invalid permissions');
    const { fake, source, warnings } = setup(server, { metaAnswer });
    await source.update(jobId, { progress: 'one' });
    await source.update(jobId, { progress: 'two' });
    expect(warnings.map((warning) => warning.type)).toEqual(['schema-check-disabled']);
    expect(warnings[0]?.message).toContain('schema.bases:read');
    expect(fake.records.get(jobId)?.fields.Progress).toBe('two');
  });

  it('names the tables of the base when the table is not among them', async () => {
    const { source } = setup(server, { tableName: 'Videos' }, { schemaCheck: true });
    const error = await rejection(source.update(jobId, { progress: 'x' }));
    expect(ProviderError.isInstance(error) && error.code).toBe('TABLE_NOT_FOUND');
    expect(String((error as Error).message)).toContain('tables: "Videos"');
  });

  it('skips the check with schemaCheck: false (no metadata request)', async () => {
    const { fake, source } = setup(server, {}, { schemaCheck: false });
    await source.update(jobId, { progress: 'x' });
    expect(fake.requests.some((request) => request.path.includes('/meta/'))).toBe(false);
  });
});
