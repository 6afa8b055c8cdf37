import { ProviderError, type ProviderErrorKind } from '@reelsmith/core';

/** The failure the `airtable` package reports: an `AirtableError`, or any other thrown value. */
export interface AirtableFailure {
  /** Airtable's error type (`INVALID_VALUE_FOR_COLUMN`, `NOT_FOUND`, `CONNECTION_ERROR`, …). */
  type: string;
  message: string;
  /** HTTP status; `undefined` when no answer arrived. */
  status: number | undefined;
}

/** What the failed request was doing, for messages that name what to change. */
export interface ErrorContext {
  provider: string;
  baseId: string;
  table: string;
  /** The fields the request wrote, so a rejected select option can be traced to its column. */
  written?: Record<string, unknown>;
  /** The record the request addressed. */
  recordId?: string;
  /** `retryAfterMs` of a 429 `TOO_MANY_REQUESTS`. */
  rateLimitPauseMs: number;
  typecast: boolean;
}

/** Reads an `AirtableError { error, message, statusCode }` (or anything else) into an {@link AirtableFailure}. */
export function readFailure(error: unknown): AirtableFailure {
  if (typeof error === 'object' && error !== null && 'error' in error && 'statusCode' in error) {
    const { error: type, message, statusCode } = error as Record<string, unknown>;
    return {
      type: typeof type === 'string' ? type : 'UNEXPECTED_ERROR',
      message: typeof message === 'string' ? message : '',
      status: typeof statusCode === 'number' ? statusCode : undefined,
    };
  }
  return {
    type: 'UNEXPECTED_ERROR',
    message: error instanceof Error ? error.message : String(error),
    status: undefined,
  };
}

/** Maps a failed Airtable request to a `ProviderError` (the README's error table). */
export function airtableProviderError(failure: AirtableFailure, context: ErrorContext): ProviderError {
  const { kind, message, retryAfterMs } = classify(failure, context);
  return new ProviderError({
    kind,
    provider: context.provider,
    status: failure.status,
    code: failure.type,
    retryAfterMs,
    message,
    body: { error: { type: failure.type, message: failure.message } },
  });
}

interface Classified {
  kind: ProviderErrorKind;
  message: string;
  retryAfterMs?: number;
}

const scopes = 'data.records:read, data.records:write and schema.bases:read';

function classify(failure: AirtableFailure, context: ErrorContext): Classified {
  const { type, status } = failure;
  const tag = status === undefined ? ` (${type})` : ` (${status} ${type})`;
  const said = failure.message ? `: ${failure.message}` : '';
  const where = `base ${context.baseId}, table "${context.table}"`;
  if (type === 'PUBLIC_API_BILLING_LIMIT_EXCEEDED') {
    return {
      kind: 'quota',
      message:
        `the workspace's monthly Airtable API call limit is used up${tag}. Do not retry: wait for the ` +
        'next billing month or upgrade the Airtable plan (the token is fine).',
    };
  }
  if (status === 429 || type === 'TOO_MANY_REQUESTS') {
    return {
      kind: 'rate_limit',
      retryAfterMs: context.rateLimitPauseMs,
      message:
        `Airtable is throttling ${where}${tag}; it refuses requests for 30 s. Keep requestsPerSecond ` +
        '≤ 5 per base and share one process per base, or raise maxRateLimitWaitMs to wait in-process.',
    };
  }
  if (status === 401 || type === 'AUTHENTICATION_REQUIRED') {
    return {
      kind: 'auth',
      message:
        `Airtable rejected the personal access token${tag}. Create a token at airtable.com/create/tokens ` +
        `with scopes ${scopes}, grant it access to base ${context.baseId}, and pass it as \`apiKey\`.`,
    };
  }
  if (status === 403 || type.startsWith('INVALID_PERMISSIONS') || type === 'NOT_AUTHORIZED') {
    return {
      kind: 'auth',
      message:
        `the token may not use ${where}${tag}. Fix: grant the PAT access to base ${context.baseId} ` +
        `(airtable.com/create/tokens → the token → Access) with scopes ${scopes}, and check baseId and table.`,
    };
  }
  if (status === 404 || type === 'NOT_FOUND' || type.endsWith('_NOT_FOUND')) {
    const record = context.recordId ? `record ${context.recordId} or ` : '';
    return {
      kind: 'invalid_input',
      message:
        `Airtable found no ${record}${where}${tag}${said}. Check \`baseId\` and \`table\` (name or tbl… id, ` +
        'case-sensitive) and that the token has access to the base.',
    };
  }
  if (status === 402) return { kind: 'billing', message: `Airtable asks for payment${tag}${said}` };
  if (status === 400 || status === 413 || status === 422) return validation(failure, context, tag, said);
  if (status === undefined || status >= 500 || status < 400 || type === 'CONNECTION_ERROR') {
    const what = status === undefined ? 'no answer from Airtable' : `Airtable failed`;
    return { kind: 'transient', message: `${what}${tag}${said}. Retry later.` };
  }
  return { kind: 'unknown', message: `Airtable answered${tag}${said}` };
}

function validation(failure: AirtableFailure, context: ErrorContext, tag: string, said: string): Classified {
  const message = failure.message;
  switch (failure.type) {
    case 'UNKNOWN_FIELD_NAME': {
      const field = quoted(/Unknown field names?:\s*(.+)$/i.exec(message)?.[1]);
      return {
        kind: 'invalid_input',
        message:
          `table "${context.table}" has no field ${field ?? '(unnamed)'}${tag}${said}. Field names are ` +
          'case-sensitive: fix the name in `fields` (createAirtableJobSource) or rename the column.',
      };
    }
    case 'INVALID_VALUE_FOR_COLUMN': {
      const field =
        quoted(/Field\s+"([^"]+)"/i.exec(message)?.[1]) ??
        quoted(/for field\s+(.+?)\.?$/i.exec(message)?.[1]);
      const value = field ? context.written?.[unquote(field)] : undefined;
      const valueType = value === undefined ? '' : ` (a ${typeof value} was sent)`;
      return {
        kind: 'invalid_input',
        message:
          `field ${field ?? '(unnamed)'} cannot take the value written${valueType}${tag}${said}. Change the ` +
          'column type to match (text, number, URL) or map that role to another column in `fields`.',
      };
    }
    case 'INVALID_MULTIPLE_CHOICE_OPTIONS': {
      const option = /option\s+"*([^"]+?)"*\s*$/i.exec(message)?.[1];
      const field = option ? fieldHolding(option, context.written) : undefined;
      return {
        kind: 'invalid_input',
        message:
          `${field ? `field "${field}"` : 'a select field'} has no option ${option ? `"${option}"` : ''}${tag}${said}. ` +
          'Add the option to the column, set `statusValues` to existing options, or enable `typecast: true` ' +
          'so Airtable creates it.',
      };
    }
    case 'INVALID_FILTER_BY_FORMULA':
      return {
        kind: 'invalid_input',
        message:
          `Airtable rejected the filter formula${tag}${said}. Check \`filterByFormula\` and the status ` +
          'column named in `fields.status` (field names in {braces} are case-sensitive).',
      };
    case 'REQUEST_TOO_LARGE':
      return { kind: 'invalid_input', message: `the request is too large${tag}. Write shorter values.` };
    default:
      return { kind: 'invalid_input', message: `Airtable rejected the request${tag}${said}` };
  }
}

function quoted(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed) return undefined;
  return `"${unquote(trimmed)}"`;
}

function unquote(name: string): string {
  return name.replace(/^"+|"+$/g, '');
}

function fieldHolding(option: string, written: Record<string, unknown> | undefined): string | undefined {
  return Object.entries(written ?? {}).find(([, value]) => value === option)?.[0];
}
