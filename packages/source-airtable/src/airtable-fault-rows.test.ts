// Section 13.9 of the contracts sheet: one named test per fault row (A1–A12).
import { ProviderError, withRetry } from '@reelsmith/core';
import { installTestServer, sequence } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAirtableJobSource } from './airtable-job-source.js';
import {
  airtableError,
  fakeEndpoint,
  fakeToken,
  listRoute,
  readyRecords,
} from './testing/airtable-service.js';
import { rejection, setup } from './testing/setup.js';

const server = installTestServer();
const patchRoute = `${fakeEndpoint}/v0/:baseId/:table`;

afterEach(() => {
  vi.useRealTimers();
});

function providerError(error: unknown): ProviderError {
  expect(ProviderError.isInstance(error), String(error)).toBe(true);
  return error as ProviderError;
}

describe('A1: 429 TOO_MANY_REQUESTS', () => {
  it('rejects with rate_limit and retryAfterMs ≥ 30 000, and pauses every source of the base', async () => {
    const { fake, source, baseId } = setup(server);
    server.use(...listRoute(airtableError(429, 'TOO_MANY_REQUESTS', 'You have made too many requests.')));
    const error = providerError(await rejection(source.listPending()));
    expect(error.kind).toBe('rate_limit');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(error.retryable).toBe(true);

    // Another source (another worker) of the same base is held back without sending anything.
    server.resetHandlers();
    server.use(...fake.handlers);
    const sent = fake.requests.length;
    const other = createAirtableJobSource({ apiKey: fakeToken, baseId, table: 'Jobs' });
    const held = providerError(await rejection(other.listPending()));
    expect(held.kind).toBe('rate_limit');
    expect(held.retryAfterMs).toBeGreaterThan(0);
    expect(held.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect(fake.requests.length).toBe(sent);
  });

  it('waits the 30 s out in-process when maxRateLimitWaitMs allows it, then succeeds', async () => {
    const realSetTimeout = globalThis.setTimeout;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fake, source } = setup(server, {}, { maxRateLimitWaitMs: 60_000 });
    let throttledAt = 0;
    server.use(
      ...listRoute(
        sequence(() => {
          throttledAt = Date.now();
          return HttpResponse.json(
            { error: { type: 'TOO_MANY_REQUESTS', message: 'slow down' } },
            { status: 429 },
          );
        }),
      ),
    );
    const call = source.listPending();
    await pollReal(realSetTimeout, () => throttledAt !== 0);
    server.resetHandlers();
    server.use(...fake.handlers);
    await vi.advanceTimersByTimeAsync(30_000);
    const jobs = await call;
    expect(jobs.map((job) => job.title)).toEqual(['Kettle', 'Toaster']);
    expect(fake.requests[0]!.at - throttledAt).toBeGreaterThanOrEqual(30_000);
  });

  it('keeps two sources sharing a base at ≤ 5 requests in any second (msw arrival times, fake clock)', async () => {
    const realSetTimeout = globalThis.setTimeout;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fake, source, baseId } = setup(server);
    const twin = createAirtableJobSource({ apiKey: fakeToken, baseId, table: 'Jobs' });
    const calls = Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? source : twin).listPending());
    // The clock moves only after each request has reached the server, so arrival times are exact.
    for (let arrived = 1; arrived <= calls.length; arrived += 1) {
      await pollReal(realSetTimeout, () => fake.requests.length >= arrived);
      if (arrived < calls.length) vi.advanceTimersToNextTimer();
    }
    await Promise.all(calls);
    const times = fake.requests.map((request) => request.at);
    expect(times).toHaveLength(12);
    for (let index = 0; index + 5 < times.length; index += 1) {
      expect(times[index + 5]! - times[index]!).toBeGreaterThanOrEqual(1000);
    }
  });
});

it('A1b: 429 PUBLIC_API_BILLING_LIMIT_EXCEEDED → quota at once: one request, no retry, no pause', async () => {
  const { fake, source } = setup(server, {}, { maxRateLimitWaitMs: 60_000 });
  let sent = 0;
  server.use(
    ...listRoute(() => {
      sent += 1;
      return HttpResponse.json(
        { error: { type: 'PUBLIC_API_BILLING_LIMIT_EXCEEDED', message: 'API billing plan limit exceeded' } },
        { status: 429 },
      );
    }),
  );
  const error = providerError(await rejection(source.listPending()));
  expect(error.kind).toBe('quota');
  expect(error.retryable).toBe(false);
  expect(error.message).toMatch(/monthly Airtable API call limit/);
  expect(sent).toBe(1);
  server.resetHandlers();
  server.use(...fake.handlers);
  await expect(source.listPending()).resolves.toHaveLength(2); // the base was not paused
});

it('A2: 422 UNKNOWN_FIELD_NAME → invalid_input naming the field', async () => {
  const { source } = setup(server, {}, { schemaCheck: false, fields: { urls: { youtube: 'Youtube URL' } } });
  const error = providerError(
    await rejection(source.update('recJob00000000001', { urls: { youtube: 'https://youtu.be/abc' } })),
  );
  expect(error.kind).toBe('invalid_input');
  expect(error.code).toBe('UNKNOWN_FIELD_NAME');
  expect(error.message).toContain('"Youtube URL"');
  expect(error.message).toMatch(/case-sensitive/);
});

it('A3: 422 INVALID_VALUE_FOR_COLUMN → invalid_input naming the field and the value type', async () => {
  const { source } = setup(server, {}, { schemaCheck: false, fields: { costUsd: 'Title' } });
  const error = providerError(await rejection(source.update('recJob00000000001', { costUsd: 0.42 })));
  expect(error.kind).toBe('invalid_input');
  expect(error.code).toBe('INVALID_VALUE_FOR_COLUMN');
  expect(error.message).toContain('field "Title"');
  expect(error.message).toContain('a number was sent');
});

it('A4: 422 INVALID_MULTIPLE_CHOICE_OPTIONS → invalid_input naming field and option, hinting typecast', async () => {
  const { source } = setup(server, {}, { schemaCheck: false, statusValues: { done: 'Done' } });
  const error = providerError(await rejection(source.update('recJob00000000001', { status: 'done' })));
  expect(error.kind).toBe('invalid_input');
  expect(error.message).toContain('field "Status"');
  expect(error.message).toContain('"Done"');
  expect(error.message).toContain('typecast: true');
});

it('A5: 422 INVALID_FILTER_BY_FORMULA → invalid_input pointing at the formula', async () => {
  const { source } = setup(server, {}, { fields: { status: 'State' } });
  const error = providerError(await rejection(source.listPending()));
  expect(error.kind).toBe('invalid_input');
  expect(error.code).toBe('INVALID_FILTER_BY_FORMULA');
  expect(error.message).toContain('filterByFormula');
  expect(error.message).toContain('state');
});

it('A6: 401 AUTHENTICATION_REQUIRED → auth, without the token in the message', async () => {
  const apiKey = 'patWRONG.not-a-real-token-0000';
  const { source } = setup(server, {}, { apiKey });
  const error = providerError(await rejection(source.listPending()));
  expect(error.kind).toBe('auth');
  expect(error.status).toBe(401);
  expect(error.message).toContain('airtable.com/create/tokens');
  expect(error.message).not.toContain(apiKey);
  expect(JSON.stringify(error.body)).not.toContain(apiKey);
});

it('A7: 403 INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND → auth: grant the PAT access to the base', async () => {
  const { source, baseId } = setup(server);
  server.use(
    ...listRoute(
      airtableError(
        403,
        'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND',
        'Invalid permissions, or the requested model was not found.',
      ),
    ),
  );
  const error = providerError(await rejection(source.listPending()));
  expect(error.kind).toBe('auth');
  expect(error.code).toBe('INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
  expect(error.message).toContain(`grant the PAT access to base ${baseId}`);
});

describe('A8: 404 {"error":"NOT_FOUND"} (bare envelope)', () => {
  it('listing an unknown base → invalid_input (check baseId and table)', async () => {
    const { source } = setup(server, { baseId: 'appSomeOtherBase01' });
    const error = providerError(await rejection(source.listPending()));
    expect(error.kind).toBe('invalid_input');
    expect(error.status).toBe(404);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/Check `baseId` and `table`/);
  });

  it('claiming an unknown record → invalid_input naming the record', async () => {
    const { source } = setup(server);
    const error = providerError(await rejection(source.claim('recMissing0000001', 'run-1')));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain('recMissing0000001');
  });

  it('the full envelope form of a 404 maps the same way', async () => {
    const { source } = setup(server);
    server.use(
      ...listRoute(airtableError(404, 'TABLE_NOT_FOUND', 'Could not find table Jobs in application')),
    );
    const error = providerError(await rejection(source.listPending()));
    expect(error.kind).toBe('invalid_input');
    expect(error.code).toBe('TABLE_NOT_FOUND');
  });
});

it('A9: a listing of three pages (offset ×2, then none) is consumed whole', async () => {
  const titles = ['Kettle', 'Toaster', 'Blender', 'Mixer', 'Grinder'];
  const { fake, source } = setup(server, { records: readyRecords(...titles), maxPageSize: 2 });
  const jobs = await source.listPending();
  expect(jobs.map((job) => job.title)).toEqual(titles);
  expect(fake.requests).toHaveLength(3);
  expect(fake.requests.map((request) => request.query.has('offset'))).toEqual([false, true, true]);
});

it('A10: 422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE mid-pagination restarts the listing once', async () => {
  const titles = ['Kettle', 'Toaster', 'Blender', 'Mixer', 'Grinder'];
  const { fake, source } = setup(server, { records: readyRecords(...titles), maxPageSize: 2 });
  let lists = 0;
  server.use(
    ...listRoute(() => {
      lists += 1;
      if (lists === 2) fake.expireOffsets(); // the offset of page 1 goes stale before page 2
      return undefined; // fall through to the fake, which answers 422 for a stale offset
    }),
  );
  const jobs = await source.listPending();
  expect(jobs.map((job) => job.title)).toEqual(titles);
  expect(fake.requests).toHaveLength(5); // page 1, stale page 2, then pages 1–3 again
});

it('A11: 11 updates are written in batches of 10 and 1 (the fake refuses 11 like Airtable)', async () => {
  const titles = Array.from({ length: 11 }, (_, index) => `Product ${index + 1}`);
  const { fake, source } = setup(server, { records: readyRecords(...titles) });
  const batches: number[] = [];
  server.use(
    http.patch(patchRoute, async ({ request }) => {
      const body = (await request.clone().json()) as { records: unknown[] };
      batches.push(body.records.length);
      return undefined;
    }),
  );
  await source.updateMany(
    [...fake.records.keys()].map((jobId) => ({ jobId, update: { status: 'done' as const, costUsd: 0.1 } })),
  );
  expect(batches).toEqual([10, 1]);
  expect([...fake.records.values()].every((record) => record.fields.Status === 'Published')).toBe(true);

  const tooMany = await fetch(`${fakeEndpoint}/v0/appTest0000000000/Jobs`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${fakeToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ records: [...fake.records.keys()].map((id) => ({ id, fields: {} })) }),
  });
  expect(tooMany.status).toBe(422);
});

it('A12: 503 SERVICE_UNAVAILABLE then 200 → transient, and the core retry succeeds', async () => {
  const { fake, source } = setup(server);
  server.use(
    ...listRoute(
      sequence(
        airtableError(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable'),
        () => undefined,
      ),
    ),
  );
  const failures: unknown[] = [];
  const jobs = await withRetry(() => source.listPending(), {
    retries: 2,
    baseDelayMs: 1,
    maxDelayMs: 1,
    onRetry: ({ error }) => failures.push(error),
  });
  expect(jobs).toHaveLength(2);
  expect(failures).toHaveLength(1);
  const error = providerError(failures[0]);
  expect(error.kind).toBe('transient');
  expect(error.status).toBe(503);
  expect(fake.requests).toHaveLength(1); // the 503 was answered before the fake
});

/** Polls `done` on the real clock (fake timers may be installed). */
async function pollReal(realSetTimeout: typeof setTimeout, done: () => boolean): Promise<void> {
  for (let tries = 0; tries < 2_000; tries += 1) {
    if (done()) return;
    await new Promise((resolve) => realSetTimeout(resolve, 2));
  }
  throw new Error('the condition was not met within 4 s');
}
