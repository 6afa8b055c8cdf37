import { type Job, type JobUpdate, redactText } from '@reelsmith/core';
import type { ResolvedAirtableOptions } from './airtable-source-options.js';

/** One record as Airtable returns it (empty cells are missing from `fields`). */
export interface AirtableRecord {
  id: string;
  createdTime?: string;
  fields: Record<string, unknown>;
}

/** What a value written to a column is, for the schema check. */
export type ValueKind = 'text' | 'url' | 'number' | 'status' | 'date';

/** One column written by an update, with the kind of value it receives. */
export interface WrittenField {
  /** The option that names the column, e.g. `fields.costUsd` or `fields.urls.youtube`. */
  role: string;
  field: string;
  value: unknown;
  kind: ValueKind;
}

/** A record turned into a job, or the reason it was skipped. */
export type MappedRecord = { job: Job } | { skipped: string };

/** Maps a record to a job: id, title, ASIN and URL from their columns; every other column in `fields`. */
export function recordToJob(record: AirtableRecord, options: ResolvedAirtableOptions): MappedRecord {
  const names = options.fields;
  const title = cellText(record.fields[names.title]);
  const asin = cellText(record.fields[names.asin]);
  const url = cellText(record.fields[names.url]);
  if (title === undefined && asin === undefined && url === undefined) {
    return {
      skipped:
        `record ${record.id} has no "${names.title}", "${names.asin}" or "${names.url}"; ` +
        'fill one of them (or map other columns in `fields`)',
    };
  }
  const mapped = new Set([names.title, names.asin, names.url]);
  const rest = Object.fromEntries(Object.entries(record.fields).filter(([key]) => !mapped.has(key)));
  return {
    job: {
      id: record.id,
      ...(title === undefined ? {} : { title }),
      ...(asin === undefined ? {} : { asin }),
      ...(url === undefined ? {} : { url }),
      fields: rest,
    },
  };
}

/** The result of {@link updateToFields}: the columns to write, and platforms without a URL column. */
export interface FieldsForUpdate {
  written: WrittenField[];
  unmappedPlatforms: string[];
}

/** Maps a `JobUpdate` to the columns it writes. Only the keys present in the update are written. */
export function updateToFields(
  update: JobUpdate,
  options: ResolvedAirtableOptions,
  now: Date = new Date(),
): FieldsForUpdate {
  const names = options.fields;
  const written: WrittenField[] = [];
  const unmappedPlatforms: string[] = [];
  if (update.status !== undefined) {
    written.push({
      role: 'fields.status',
      field: names.status,
      value: options.statusValues[update.status],
      kind: 'status',
    });
  }
  if (update.runId !== undefined)
    written.push({ role: 'fields.runId', field: names.runId, value: update.runId, kind: 'text' });
  if (update.progress !== undefined) {
    written.push({
      role: 'fields.progress',
      field: names.progress,
      value: update.progress.slice(0, 1000),
      kind: 'text',
    });
  }
  if (update.urls !== undefined) {
    if (typeof names.urls === 'string') {
      const lines = Object.entries(update.urls).map(([platform, url]) => `${platform}: ${url}`);
      written.push({ role: 'fields.urls', field: names.urls, value: lines.join('\n'), kind: 'text' });
    } else {
      for (const [platform, url] of Object.entries(update.urls)) {
        const field = names.urls[platform];
        if (field === undefined) unmappedPlatforms.push(platform);
        else written.push({ role: `fields.urls.${platform}`, field, value: url, kind: 'url' });
      }
    }
  }
  if (update.costUsd !== undefined) {
    written.push({
      role: 'fields.costUsd',
      field: names.costUsd,
      value: Math.round(update.costUsd * 10_000) / 10_000,
      kind: 'number',
    });
  }
  if (update.error !== undefined) {
    written.push({
      role: 'fields.error',
      field: names.error,
      value: truncate(redactText(update.error), options.maxErrorLength),
      kind: 'text',
    });
  }
  if (names.updatedAt !== undefined && written.length > 0) {
    written.push({
      role: 'fields.updatedAt',
      field: names.updatedAt,
      value: now.toISOString(),
      kind: 'date',
    });
  }
  return { written, unmappedPlatforms };
}

/** A cell as trimmed text: strings, numbers, and a lookup's one-element array; otherwise `undefined`. */
export function cellText(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 1) return cellText(value[0]);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
