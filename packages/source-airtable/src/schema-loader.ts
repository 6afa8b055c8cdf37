import { ProviderError } from '@reelsmith/core';
import type { AirtableClient } from './airtable-client.js';
import type { ErrorContext } from './airtable-error.js';
import type { AirtableSourceWarning } from './airtable-source-options.js';
import { findTable, type TableSchema, tableNames } from './table-schema.js';

/** Settings of {@link createSchemaLoader}. */
export interface SchemaLoaderSettings {
  client: AirtableClient;
  table: string;
  context: ErrorContext;
  warn: (warning: AirtableSourceWarning) => void;
}

/**
 * Loads the table's schema once (`GET /v0/meta/bases/{baseId}/tables`, scope
 * `schema.bases:read`) and keeps it. Resolves `undefined`, after one warning, when the token
 * may not read the schema (403/404): writes then go unchecked. A failed load (network, 429) is
 * not kept, so the next write tries again.
 */
export function createSchemaLoader(
  settings: SchemaLoaderSettings,
): (signal: AbortSignal | undefined) => Promise<TableSchema | undefined> {
  let loading: Promise<TableSchema | undefined> | undefined;

  async function load(): Promise<TableSchema | undefined> {
    let body: Record<string, unknown>;
    try {
      // Without the caller's signal: the answer is shared by every caller; timeoutMs bounds it.
      body = await settings.client.request(
        { method: 'GET', path: '/tables', meta: true },
        settings.context,
        undefined,
      );
    } catch (error) {
      if (ProviderError.isInstance(error) && (error.status === 403 || error.status === 404)) {
        settings.warn({
          type: 'schema-check-disabled',
          message:
            `[reelsmith] [${settings.context.provider}] the token may not read the base schema ` +
            `(${error.status} ${error.code ?? ''}), so values are written unchecked. Add the ` +
            'schema.bases:read scope to the token, or pass `schemaCheck: false` to silence this.',
        });
        return undefined;
      }
      throw error;
    }
    const schema = findTable(body, settings.table);
    if (!schema) {
      const names = tableNames(body);
      throw new ProviderError({
        kind: 'invalid_input',
        provider: settings.context.provider,
        code: 'TABLE_NOT_FOUND',
        message:
          `base ${settings.context.baseId} has no table "${settings.table}" (tables: ` +
          `${names.map((name) => `"${name}"`).join(', ') || 'none'}). Fix: set \`table\` to one of them ` +
          '(case-sensitive) or to its tbl… id.',
      });
    }
    return schema;
  }

  return (signal) => {
    signal?.throwIfAborted();
    if (!loading) {
      loading = load();
      loading.catch(() => {
        loading = undefined;
      });
    }
    return raceAbort(loading, signal);
  };
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
