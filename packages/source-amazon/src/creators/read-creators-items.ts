import { ProviderError } from '@reelsmith/core';

type Raw = Record<string, unknown>;

/** The items and per-item errors of a `getItems` or `searchItems` answer. */
export interface CreatorsItems {
  items: Raw[];
  errors: Array<{ code: string; message: string }>;
}

/**
 * Reads `itemsResult.items` (`getItems`; `itemResults` is accepted too, the docs spell it both
 * ways) or `searchResult.items` (`searchItems`), and the `errors[]` that arrive beside them in a 200.
 */
export function readCreatorsItems(body: Raw, operation: 'getItems' | 'searchItems'): CreatorsItems {
  const envelope = (operation === 'getItems' ? (body.itemsResult ?? body.itemResults) : body.searchResult) as
    | Raw
    | undefined;
  const items = Array.isArray(envelope?.items) ? (envelope.items as unknown[]).filter(isRecord) : [];
  const rawErrors = Array.isArray(body.errors) ? body.errors : [];
  const errors = rawErrors.filter(isRecord).map((error) => ({
    code: typeof error.code === 'string' ? error.code : 'Unknown',
    message: typeof error.message === 'string' ? error.message : '',
  }));
  return { items, errors };
}

/**
 * The error for one ASIN that a 200 answered without its item (row S8): `invalid_input`, so the
 * job is skipped; the message carries the service's code and words.
 */
export function missingItemError(
  provider: string,
  asin: string,
  errors: CreatorsItems['errors'],
): ProviderError {
  const own =
    errors.find((error) => error.message.toUpperCase().includes(asin)) ??
    (errors.length === 1 ? errors[0] : undefined);
  const said = own ? ` (${own.code}: ${own.message})` : '';
  return new ProviderError({
    kind: 'invalid_input',
    provider,
    status: 200,
    code: own?.code ?? 'not_found',
    message: `product ${asin} not found or not accessible on this marketplace${said}; skipped. Fix: check the ASIN and the marketplace`,
  });
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
