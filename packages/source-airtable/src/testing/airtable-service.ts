import { type HttpHandler, HttpResponse, type HttpResponseResolver, http } from 'msw';
import type { AirtableRecord } from '../field-mapping.js';
import type { SchemaField, TableSchema } from '../table-schema.js';
import { coerceFields, defaultJobFields, type ErrorAnswer, envelope, matchFormula } from './fake-table.js';

/** The token the fake accepts (obviously fake). */
export const fakeToken = 'patFAKE.test-token-for-reelsmith';
export const fakeEndpoint = 'https://api.airtable.com';

/** One request the fake received, with the time (`Date.now()`) it arrived. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  at: number;
}

/** Options of {@link createFakeAirtable}. */
export interface FakeAirtableOptions {
  /** Base id answered; any `app…` id when left out. */
  baseId?: string;
  tableName?: string;
  tableId?: string;
  fields?: SchemaField[];
  records?: AirtableRecord[];
  /** Largest page the fake sends, whatever `pageSize` asks (to force pagination). Default 100. */
  maxPageSize?: number;
  /** Answer of the metadata endpoint instead of the schema, e.g. 403 when the token lacks schema.bases:read. */
  metaAnswer?: ErrorAnswer;
  endpointUrl?: string;
}

/** A stateful fake of Airtable's REST API for one table. */
export interface FakeAirtable {
  handlers: HttpHandler[];
  /** The table's rows, by id; tests read and change them. */
  records: Map<string, AirtableRecord>;
  schema: TableSchema;
  requests: FakeRequest[];
  /** Makes every offset handed out so far stale (422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE). */
  expireOffsets(): void;
}

/** Jobs `recJob000000000N` in status Ready with titles, for tests. */
export function readyRecords(...titles: string[]): AirtableRecord[] {
  return titles.map((title, index) => ({
    id: `recJob${String(index + 1).padStart(11, '0')}`,
    createdTime: '2026-05-01T10:00:00.000Z',
    fields: { Title: title, Status: 'Ready' },
  }));
}

let baseCounter = 0;

/** A base id not used before in this test file, so each test gets its own pacer. */
export function uniqueBaseId(): string {
  baseCounter += 1;
  return `appTest${String(baseCounter).padStart(10, '0')}`;
}

function answer(error: ErrorAnswer): Response {
  return HttpResponse.json(error.body as Record<string, unknown>, { status: error.status });
}

/** A resolver answering with Airtable's error envelope (or the bare `{"error":"NOT_FOUND"}` form with `bare`). */
export function airtableError(status: number, type: string, message?: string): HttpResponseResolver {
  return () =>
    message === undefined
      ? HttpResponse.json({ error: type }, { status })
      : HttpResponse.json({ error: { type, message } }, { status });
}

/** The list endpoint (`GET /v0/{baseId}/{table}`) for any base and table, with `resolver`. */
export function listRoute(resolver: HttpResponseResolver, endpointUrl = fakeEndpoint): HttpHandler[] {
  return [http.get(`${endpointUrl}/v0/:baseId/:table`, resolver)];
}

/**
 * Creates a fake that answers like Airtable: list with `pageSize`/`offset`/`filterByFormula`/`view`
 * (GET, and POST `listRecords`), GET one record (bare 404 `{"error":"NOT_FOUND"}` when unknown),
 * PATCH of at most 10 records with Airtable's field checks (`typecast` honoured), the metadata
 * endpoint, and 401 for any other token.
 */
export function createFakeAirtable(options: FakeAirtableOptions = {}): FakeAirtable {
  const endpoint = options.endpointUrl ?? fakeEndpoint;
  const schema: TableSchema = {
    id: options.tableId ?? 'tblJobs0000000001',
    name: options.tableName ?? 'Jobs',
    fields: structuredClone(options.fields ?? defaultJobFields()),
  };
  const records = new Map((options.records ?? []).map((record) => [record.id, structuredClone(record)]));
  const requests: FakeRequest[] = [];
  const offsets = new Map<string, number>();
  let iterator = 0;

  async function gate(
    request: Request,
    params: Record<string, string | readonly string[] | undefined>,
  ): Promise<{ error: Response } | { body: unknown }> {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? undefined : await request.json().catch(() => undefined);
    requests.push({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body,
      at: Date.now(),
    });
    if (request.headers.get('authorization') !== `Bearer ${fakeToken}`) {
      return { error: answer(envelope(401, 'AUTHENTICATION_REQUIRED', 'Authentication required')) };
    }
    const baseId = String(params.baseId);
    if ((options.baseId && baseId !== options.baseId) || !baseId.startsWith('app')) {
      return { error: answer({ status: 404, body: { error: 'NOT_FOUND' } }) };
    }
    if (params.table !== undefined && params.table !== schema.name && params.table !== schema.id) {
      const message = `Could not find table ${String(params.table)} in application ${baseId}`;
      return { error: answer(envelope(404, 'TABLE_NOT_FOUND', message)) };
    }
    return { body };
  }

  function list(parameters: {
    pageSize?: unknown;
    offset?: unknown;
    filterByFormula?: unknown;
    view?: unknown;
  }) {
    const pageSize = Number(parameters.pageSize ?? 100);
    if (!(pageSize >= 1 && pageSize <= 100)) {
      return answer(envelope(422, 'INVALID_REQUEST_UNKNOWN', 'Invalid request: pageSize must be ≤ 100'));
    }
    if (parameters.view !== undefined && parameters.view !== 'Grid view' && parameters.view !== 'Ready') {
      return answer(envelope(422, 'VIEW_NAME_NOT_FOUND', `Could not find view ${String(parameters.view)}`));
    }
    let start = 0;
    if (typeof parameters.offset === 'string') {
      const stored = offsets.get(parameters.offset);
      if (stored === undefined) {
        return answer(
          envelope(422, 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE', 'List records iterator not available'),
        );
      }
      start = stored;
    }
    const matching: AirtableRecord[] = [];
    for (const record of records.values()) {
      const verdict = matchFormula(
        typeof parameters.filterByFormula === 'string' ? parameters.filterByFormula : null,
        record,
        schema,
      );
      if (typeof verdict === 'object') return answer(verdict);
      if (verdict) matching.push(record);
    }
    const size = Math.min(pageSize, options.maxPageSize ?? 100);
    const page = matching.slice(start, start + size);
    const response: Record<string, unknown> = { records: page.map((record) => withoutEmpty(record)) };
    if (start + size < matching.length) {
      iterator += 1;
      const offset = `itr${String(iterator).padStart(14, '0')}/${page.at(-1)?.id ?? ''}`;
      offsets.set(offset, start + size);
      response.offset = offset;
    }
    return HttpResponse.json(response);
  }

  function patch(body: unknown): Response {
    const payload = (body ?? {}) as {
      records?: Array<{ id?: string; fields?: Record<string, unknown> }>;
      typecast?: boolean;
    };
    const updates = payload.records;
    if (!Array.isArray(updates) || updates.length === 0) {
      return answer(
        envelope(422, 'INVALID_REQUEST_MISSING_FIELDS', 'Could not find field "records" in the request body'),
      );
    }
    if (updates.length > 10) {
      return answer(envelope(422, 'INVALID_RECORDS', 'You can update at most 10 records per request'));
    }
    const staged: AirtableRecord[] = [];
    for (const update of updates) {
      const record = update.id === undefined ? undefined : records.get(update.id);
      if (!record) {
        return answer(envelope(422, 'ROW_DOES_NOT_EXIST', `Record ID ${String(update.id)} does not exist`));
      }
      const coerced = coerceFields(update.fields ?? {}, schema, payload.typecast === true);
      if ('error' in coerced) return answer(coerced.error);
      staged.push({ ...record, fields: { ...record.fields, ...coerced.fields } });
    }
    for (const record of staged) records.set(record.id, record);
    return HttpResponse.json({ records: staged.map((record) => withoutEmpty(record)) });
  }

  const handlers: HttpHandler[] = [
    http.get(`${endpoint}/v0/meta/bases/:baseId/tables`, async ({ request, params }) => {
      const gated = await gate(request, { baseId: params.baseId });
      if ('error' in gated) return gated.error;
      if (options.metaAnswer) return answer(options.metaAnswer);
      return HttpResponse.json({ tables: [{ ...schema, primaryFieldId: schema.fields[0]?.id, views: [] }] });
    }),
    http.get(`${endpoint}/v0/:baseId/:table`, async ({ request, params }) => {
      const gated = await gate(request, params);
      if ('error' in gated) return gated.error;
      return list(Object.fromEntries(new URL(request.url).searchParams));
    }),
    http.post(`${endpoint}/v0/:baseId/:table/listRecords`, async ({ request, params }) => {
      const gated = await gate(request, params);
      if ('error' in gated) return gated.error;
      return list((gated.body ?? {}) as Record<string, unknown>);
    }),
    http.get(`${endpoint}/v0/:baseId/:table/:recordId`, async ({ request, params }) => {
      const gated = await gate(request, params);
      if ('error' in gated) return gated.error;
      const record = records.get(String(params.recordId));
      if (!record) return answer({ status: 404, body: { error: 'NOT_FOUND' } });
      return HttpResponse.json(withoutEmpty(record));
    }),
    http.patch(`${endpoint}/v0/:baseId/:table`, async ({ request, params }) => {
      const gated = await gate(request, params);
      if ('error' in gated) return gated.error;
      return patch(gated.body);
    }),
  ];

  return { handlers, records, schema, requests, expireOffsets: () => offsets.clear() };
}

/** Airtable leaves empty cells out of `fields`. */
function withoutEmpty(record: AirtableRecord): AirtableRecord {
  const fields = Object.fromEntries(
    Object.entries(record.fields).filter(
      ([, value]) => value !== undefined && value !== null && value !== '',
    ),
  );
  return { id: record.id, createdTime: record.createdTime ?? '2026-05-01T10:00:00.000Z', fields };
}
