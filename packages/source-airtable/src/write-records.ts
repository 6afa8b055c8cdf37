import { ProviderError } from '@reelsmith/core';
import type { AirtableClient } from './airtable-client.js';
import type { ErrorContext } from './airtable-error.js';
import type { WrittenField } from './field-mapping.js';

/** One record's new cell values. */
export interface RecordWrite {
  id: string;
  fields: readonly WrittenField[];
}

/** Airtable takes at most this many records per create or update request. */
export const maxRecordsPerRequest = 10;

/**
 * Writes records with `PATCH /v0/{baseId}/{table}` (only the listed cells change), in
 * requests of at most 10 records, one after another. Rejects at the first failed request;
 * the requests before it have been applied.
 */
export async function writeRecords(
  client: AirtableClient,
  table: string,
  writes: readonly RecordWrite[],
  typecast: boolean,
  context: ErrorContext,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (let start = 0; start < writes.length; start += maxRecordsPerRequest) {
    const batch = writes.slice(start, start + maxRecordsPerRequest);
    const records = batch.map((write) => ({
      id: write.id,
      fields: Object.fromEntries(write.fields.map((entry) => [entry.field, entry.value])),
    }));
    const written = Object.assign({}, ...records.map((record) => record.fields)) as Record<string, unknown>;
    const body = await client.request(
      { method: 'PATCH', path: `/${encodeURIComponent(table)}`, body: { records, typecast } },
      { ...context, written, ...(batch.length === 1 ? { recordId: batch[0]!.id } : {}) },
      signal,
    );
    if (!Array.isArray(body.records)) {
      throw new ProviderError({
        kind: 'transient',
        provider: context.provider,
        code: 'malformed_response',
        message: 'Airtable answered an update without `records`; check the row, then retry',
      });
    }
  }
}
