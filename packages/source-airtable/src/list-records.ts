import { ProviderError } from '@reelsmith/core';
import type { AirtableClient, AirtableRequest } from './airtable-client.js';
import type { ErrorContext } from './airtable-error.js';
import type { AirtableRecord } from './field-mapping.js';

/** What to list. */
export interface ListQuery {
  table: string;
  filterByFormula: string;
  view: string | undefined;
  /** Stop once `accept` has taken this many records. */
  limit: number | undefined;
  /** Returns true to keep the record (it counts towards `limit`), false to skip it. */
  accept: (record: AirtableRecord) => boolean;
}

/** Formulas longer than this are sent in a POST `listRecords` body (URLs over ~16k characters are refused). */
const longFormula = 8_000;

/**
 * Lists records page by page (`pageSize` ≤ 100, following `offset` until Airtable returns none or
 * `limit` is reached). When an offset has expired (422 `LIST_RECORDS_ITERATOR_NOT_AVAILABLE`), the
 * listing restarts once from the first page; a second expiry rejects as `transient`. Resolves
 * the kept records, each once, in Airtable's order.
 */
export async function listRecords(
  client: AirtableClient,
  query: ListQuery,
  context: ErrorContext,
  signal: AbortSignal | undefined,
): Promise<AirtableRecord[]> {
  for (let restart = 0; ; restart += 1) {
    try {
      return await listOnce(client, query, context, signal);
    } catch (error) {
      if (!(ProviderError.isInstance(error) && error.code === 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE'))
        throw error;
      if (restart === 0) continue;
      throw new ProviderError({
        kind: 'transient',
        provider: context.provider,
        status: error.status,
        code: error.code,
        message: 'the listing expired twice in a row (422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE); retry later',
        cause: error,
      });
    }
  }
}

async function listOnce(
  client: AirtableClient,
  query: ListQuery,
  context: ErrorContext,
  signal: AbortSignal | undefined,
): Promise<AirtableRecord[]> {
  const seen = new Set<string>();
  const kept: AirtableRecord[] = [];
  let offset: string | undefined;
  do {
    const pageSize = Math.min(100, Math.max(1, query.limit ?? 100));
    const body = await client.request(pageRequest(query, pageSize, offset), context, signal);
    const records = body.records;
    if (!Array.isArray(records)) {
      throw new ProviderError({
        kind: 'transient',
        provider: context.provider,
        code: 'malformed_response',
        message: 'Airtable answered a listing without `records`; retry later',
      });
    }
    for (const record of records as AirtableRecord[]) {
      if (typeof record?.id !== 'string' || seen.has(record.id)) continue;
      seen.add(record.id);
      const normalized = { ...record, fields: record.fields ?? {} };
      if (query.accept(normalized)) kept.push(normalized);
      if (query.limit !== undefined && kept.length >= query.limit) return kept;
    }
    offset = typeof body.offset === 'string' && body.offset !== '' ? body.offset : undefined;
  } while (offset !== undefined);
  return kept;
}

function pageRequest(query: ListQuery, pageSize: number, offset: string | undefined): AirtableRequest {
  const parameters = {
    pageSize,
    filterByFormula: query.filterByFormula,
    ...(query.view === undefined ? {} : { view: query.view }),
    ...(offset === undefined ? {} : { offset }),
  };
  const table = `/${encodeURIComponent(query.table)}`;
  if (query.filterByFormula.length > longFormula) {
    return { method: 'POST', path: `${table}/listRecords`, body: parameters };
  }
  return { method: 'GET', path: table, qs: parameters };
}
