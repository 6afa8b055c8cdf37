import { ProviderError, REDACTED, registerSecret } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { fakeEndpoint, listRoute, readyRecords } from './testing/airtable-service.js';
import { rejection, setup } from './testing/setup.js';

const server = installTestServer();
const first = 'recJob00000000001';

describe('listPending', () => {
  it('maps rows to jobs: id, title, ASIN and URL from their columns, the rest in fields', async () => {
    const { fake, source } = setup(server, {
      records: [
        { id: 'recA', fields: { Title: ' Kettle ', Status: 'Ready', Notes: 'blue' } },
        { id: 'recB', fields: { ASIN: 'B0C1234567', 'Product URL': 'https://amzn.to/x', Status: 'Ready' } },
        { id: 'recC', fields: { Title: 'Toaster', Status: 'Published' } },
      ],
    });
    const jobs = await source.listPending();
    expect(jobs).toEqual([
      { id: 'recA', title: 'Kettle', fields: { Status: 'Ready', Notes: 'blue' } },
      { id: 'recB', asin: 'B0C1234567', url: 'https://amzn.to/x', fields: { Status: 'Ready' } },
    ]);
    expect(fake.requests[0]?.query.get('filterByFormula')).toBe("{Status}='Ready'");
  });

  it('skips rows with no title, ASIN or URL and says why through onWarning', async () => {
    const { source, warnings } = setup(server, {
      records: [{ id: 'recEmpty', fields: { Status: 'Ready', Notes: 'x' } }, ...readyRecords('Kettle')],
    });
    const jobs = await source.listPending();
    expect(jobs.map((job) => job.title)).toEqual(['Kettle']);
    expect(warnings).toEqual([
      expect.objectContaining({
        type: 'skipped-row',
        recordId: 'recEmpty',
        message: expect.stringContaining('"Title"'),
      }),
    ]);
  });

  it('honours limit, asks for no more than needed, and sends view and a custom formula', async () => {
    const { fake, source } = setup(
      server,
      { records: readyRecords('A', 'B', 'C') },
      { view: 'Ready', filterByFormula: "AND({Status}='Ready', TRUE())" },
    );
    const jobs = await source.listPending({ limit: 2 });
    expect(jobs.map((job) => job.title)).toEqual(['A', 'B']);
    const query = fake.requests[0]!.query;
    expect(query.get('pageSize')).toBe('2');
    expect(query.get('view')).toBe('Ready');
    expect(query.get('filterByFormula')).toBe("AND({Status}='Ready', TRUE())");
  });

  it('sends a very long formula in a POST listRecords body', async () => {
    const long = `AND({Status}='Ready', ${Array.from({ length: 1500 }, () => 'TRUE()').join(', ')})`;
    const { fake, source } = setup(server, {}, { filterByFormula: long });
    await expect(source.listPending()).resolves.toHaveLength(2);
    expect(fake.requests[0]?.method).toBe('POST');
    expect(fake.requests[0]?.path).toMatch(/\/Jobs\/listRecords$/);
  });

  it('rejects with the abort reason at once, and sends nothing when already aborted', async () => {
    const { fake, source } = setup(server);
    await expect(source.listPending({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fake.requests).toHaveLength(0);
    let release = () => {};
    let arrived = false;
    let answered = false;
    server.use(
      ...listRoute(async () => {
        arrived = true;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        answered = true;
        return HttpResponse.json({ records: [] });
      }),
    );
    const controller = new AbortController();
    const call = source.listPending({ signal: controller.signal });
    await vi.waitFor(() => expect(arrived).toBe(true));
    controller.abort(new Error('stop now'));
    await expect(call).rejects.toThrow('stop now');
    // The airtable package cannot cancel a request it has sent: it ends on its own (here, once answered).
    release();
    await vi.waitFor(() => expect(answered).toBe(true));
  });
});

describe('claim', () => {
  it('writes processing and the run id, verifies by reading back, and refuses another run', async () => {
    const { fake, source } = setup(server);
    expect(await source.claim(first, 'run-1')).toBe(true);
    expect(fake.records.get(first)?.fields).toMatchObject({ Status: 'Processing', 'Run ID': 'run-1' });
    expect(await source.claim(first, 'run-2')).toBe(false);
    expect(await source.claim(first, 'run-1')).toBe(true);
    const methods = fake.requests.filter((request) => !request.path.includes('/meta/')).map((r) => r.method);
    expect(methods).toEqual(['GET', 'PATCH', 'GET', 'GET', 'GET']);
  });

  it('returns false when another run overwrote the run id between write and read-back', async () => {
    const { fake, source } = setup(server);
    let reads = 0;
    server.use(
      http.get(`${fakeEndpoint}/v0/:baseId/Jobs/${first}`, () => {
        reads += 1;
        // The other worker's PATCH lands just before our read-back.
        if (reads === 2) fake.records.get(first)!.fields['Run ID'] = 'run-2';
        return undefined;
      }),
    );
    expect(await source.claim(first, 'run-1')).toBe(false);
    expect(reads).toBe(2);
  });

  it('refuses jobs already done or failed', async () => {
    const { fake, source } = setup(server);
    fake.records.get(first)!.fields.Status = 'Published';
    expect(await source.claim(first, 'run-1')).toBe(false);
    expect(fake.requests.some((request) => request.method === 'PATCH')).toBe(false);
  });
});

describe('update', () => {
  it('writes status, run id, progress, one URL line per platform, cost and a redacted, shortened error', async () => {
    registerSecret('sk-live-example-secret-value');
    const { fake, source } = setup(server, {}, { fields: { updatedAt: 'Updated' }, maxErrorLength: 60 });
    await source.update(first, {
      status: 'failed',
      runId: 'run-1',
      progress: 'publish',
      urls: {
        youtube: 'https://www.youtube.com/shorts/abc',
        instagram: 'https://www.instagram.com/reel/xyz',
      },
      costUsd: 0.123456,
      error: `voice: rejected key sk-live-example-secret-value ${'x'.repeat(200)}`,
    });
    const fields = fake.records.get(first)!.fields;
    expect(fields).toMatchObject({
      Status: 'Failed',
      'Run ID': 'run-1',
      Progress: 'publish',
      'Published URLs':
        'youtube: https://www.youtube.com/shorts/abc\ninstagram: https://www.instagram.com/reel/xyz',
      'Cost (USD)': 0.1235,
    });
    expect(fields.Error).toContain(REDACTED);
    expect(String(fields.Error)).not.toContain('sk-live-example-secret-value');
    expect(String(fields.Error)).toHaveLength(60);
    expect(Date.parse(String(fields.Updated))).not.toBeNaN();
  });

  it('writes URLs to per-platform columns and warns about platforms without one', async () => {
    const { fake, source, warnings } = setup(server, {}, { fields: { urls: { youtube: 'YouTube URL' } } });
    await source.update(first, { urls: { youtube: 'https://youtu.be/abc', tiktok: 'https://tiktok.com/x' } });
    expect(fake.records.get(first)!.fields['YouTube URL']).toBe('https://youtu.be/abc');
    expect(warnings).toEqual([expect.objectContaining({ type: 'unmapped-url', recordId: first })]);
  });

  it('sends nothing for an empty update', async () => {
    const { fake, source } = setup(server);
    await source.update(first, {});
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects an unknown record with invalid_input', async () => {
    const { source } = setup(server);
    const error = await rejection(source.update('recNope0000000001', { status: 'done' }));
    expect(ProviderError.isInstance(error) && error.kind).toBe('invalid_input');
  });
});
