import { parseConfig, registerSecret } from '@reelsmith/core';
import { z } from 'zod';

/** Column names of the job table, by role. Every entry has a default (see the README). */
export interface AirtableFieldNames {
  /** Product title column. Default `Title`. */
  title?: string;
  /** ASIN column. Default `ASIN`. */
  asin?: string;
  /** Product URL column. Default `Product URL`. */
  url?: string;
  /** Single select (or text) column holding the job's status. Default `Status`. */
  status?: string;
  /** Text column holding the run that claimed the job. Default `Run ID`. */
  runId?: string;
  /** Text column for short progress notes (`render 40%`). Default `Progress`. */
  progress?: string;
  /**
   * Where published links go: one long-text column for all of them, written as one
   * `platform: url` line each (default `Published URLs`), or one URL/text column per platform,
   * e.g. `{ youtube: 'YouTube URL', instagram: 'Instagram URL' }`.
   */
  urls?: string | Record<string, string>;
  /** Number/currency column for the run's cost in USD. Default `Cost (USD)`. */
  costUsd?: string;
  /** Long-text column for the failure message. Default `Error`. */
  error?: string;
  /** Optional date/time column set to the time of every write. Not written by default. */
  updatedAt?: string;
}

/** The status option written for each job status. Every entry has a default. */
export interface AirtableStatusValues {
  /** Default `Ready`. Rows in this status are listed by the default formula. */
  pending?: string;
  /** Default `Processing`. */
  processing?: string;
  /** Default `Published`. */
  done?: string;
  /** Default `Failed`. */
  failed?: string;
}

/** A non-fatal note from the source; see {@link AirtableJobSourceOptions.onWarning}. */
export interface AirtableSourceWarning {
  /**
   * `skipped-row`: a listed row has no title, ASIN or product URL and was not returned as a job.
   * `unmapped-url`: an update carried a URL for a platform with no column in `fields.urls`.
   * `schema-check-disabled`: the token may not read the base schema; writes go unchecked.
   */
  type: 'skipped-row' | 'unmapped-url' | 'schema-check-disabled';
  message: string;
  /** The record concerned, when there is one. */
  recordId?: string;
}

/** Options of `createAirtableJobSource`. */
export interface AirtableJobSourceOptions {
  /** Personal access token (`pat…`) with data.records:read, data.records:write and schema.bases:read, and access to the base. */
  apiKey: string;
  /** Base id, `app` followed by 14 characters (from the base's URL). */
  baseId: string;
  /** Table name or id (`tbl…`). */
  table: string;
  /** View name or id whose filters and sort apply to the listing. */
  view?: string;
  /** Formula selecting pending rows. Default `{<status column>}='<pending value>'`. */
  filterByFormula?: string;
  /** Column names, by role. */
  fields?: AirtableFieldNames;
  /** Status options, by job status. */
  statusValues?: AirtableStatusValues;
  /** Sends `typecast: true`: Airtable converts values and creates missing select options. Default false. */
  typecast?: boolean;
  /** Requests per second to the base, shared by every source of the same base in the process. Default 5 (Airtable's limit). */
  requestsPerSecond?: number;
  /** Time limit of each request, in ms. Default 30 000. */
  timeoutMs?: number;
  /** How long the base is left alone after a 429 `TOO_MANY_REQUESTS`, in ms. Default 30 000 (Airtable asks for 30 s). */
  rateLimitPauseMs?: number;
  /**
   * How long one call may wait for such a pause to end before rejecting with `rate_limit`, in ms.
   * Default 0: never wait in-process; the caller (the core's retry) waits `retryAfterMs`.
   */
  maxRateLimitWaitMs?: number;
  /** How many times one call sends a request again after waiting out a pause. Default 2. */
  maxRateLimitRetries?: number;
  /** API origin. Default `https://api.airtable.com`. */
  endpointUrl?: string;
  /** Checks every written value against the table schema before writing. Default true. */
  schemaCheck?: boolean;
  /** Longest error text written to the error column, in characters. Default 1000. */
  maxErrorLength?: number;
  /** Receives non-fatal notes. Default: `process.emitWarning`, skipped rows once per record. */
  onWarning?: (warning: AirtableSourceWarning) => void;
}

const name = z.string().trim().min(1);

const optionsSchema = z.strictObject({
  apiKey: z.string().trim().min(1),
  baseId: z.string().regex(/^app[A-Za-z0-9]{14}$/, 'expected `app` followed by 14 letters or digits'),
  table: name,
  view: name.optional(),
  filterByFormula: name.optional(),
  fields: z
    .strictObject({
      title: name.default('Title'),
      asin: name.default('ASIN'),
      url: name.default('Product URL'),
      status: name.default('Status'),
      runId: name.default('Run ID'),
      progress: name.default('Progress'),
      urls: z.union([name, z.record(name, name)]).default('Published URLs'),
      costUsd: name.default('Cost (USD)'),
      error: name.default('Error'),
      updatedAt: name.optional(),
    })
    .default({
      title: 'Title',
      asin: 'ASIN',
      url: 'Product URL',
      status: 'Status',
      runId: 'Run ID',
      progress: 'Progress',
      urls: 'Published URLs',
      costUsd: 'Cost (USD)',
      error: 'Error',
    }),
  statusValues: z
    .strictObject({
      pending: name.default('Ready'),
      processing: name.default('Processing'),
      done: name.default('Published'),
      failed: name.default('Failed'),
    })
    .refine((values) => new Set(Object.values(values)).size === 4, 'the four status values must differ')
    .default({ pending: 'Ready', processing: 'Processing', done: 'Published', failed: 'Failed' }),
  typecast: z.boolean().default(false),
  requestsPerSecond: z.number().min(0.1).max(50).default(5),
  timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  rateLimitPauseMs: z.number().int().min(0).max(600_000).default(30_000),
  maxRateLimitWaitMs: z.number().int().min(0).max(3_600_000).default(0),
  maxRateLimitRetries: z.number().int().min(0).max(10).default(2),
  endpointUrl: z.url({ protocol: /^https?$/ }).default('https://api.airtable.com'),
  schemaCheck: z.boolean().default(true),
  maxErrorLength: z.number().int().min(20).max(100_000).default(1000),
  onWarning: z
    .custom<(warning: AirtableSourceWarning) => void>(
      (value) => typeof value === 'function',
      'expected a function',
    )
    .optional(),
});

/** Options after validation, with every default filled in. */
export type ResolvedAirtableOptions = z.output<typeof optionsSchema> & { filterByFormula: string };

/** Fixes shown in `ConfigError` messages, by field. */
const hints: Record<string, string> = {
  apiKey:
    'create a personal access token at airtable.com/create/tokens with scopes data.records:read, ' +
    'data.records:write and schema.bases:read, grant it access to the base, and pass it as `apiKey`',
  baseId: 'copy the id starting with `app` from the base URL (airtable.com/appXXXXXXXXXXXXXX/…)',
  table: 'pass the table name exactly as shown in Airtable, or its id starting with `tbl`',
  statusValues: 'give pending, processing, done and failed four different option names',
  requestsPerSecond: 'pass a number from 0.1 to 50; Airtable allows 5 per second per base',
  endpointUrl: 'pass an absolute http(s) origin such as `https://api.airtable.com`',
  onWarning: 'pass a function that receives `{ type, message, recordId? }`',
};

/**
 * Validates options and fills in defaults; throws a `ConfigError` naming each bad field and its
 * fix. Registers `apiKey` as a secret so it is redacted from every error, event and log.
 */
export function resolveAirtableOptions(options: AirtableJobSourceOptions): ResolvedAirtableOptions {
  if (typeof options === 'object' && options !== null && typeof options.apiKey === 'string') {
    registerSecret(options.apiKey.trim());
  }
  const parsed = parseConfig('createAirtableJobSource', optionsSchema, options, hints);
  const filterByFormula =
    parsed.filterByFormula ??
    `{${parsed.fields.status}}='${escapeFormulaString(parsed.statusValues.pending)}'`;
  return { ...parsed, endpointUrl: parsed.endpointUrl.replace(/\/+$/, ''), filterByFormula };
}

/** Escapes a value for a single-quoted Airtable formula string. */
export function escapeFormulaString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}
