import { ProviderError } from '@reelsmith/core';
import type { ValueKind, WrittenField } from './field-mapping.js';
import { similarNames } from './similar-names.js';

/** One column of a table, from `GET /v0/meta/bases/{baseId}/tables`. */
export interface SchemaField {
  id: string;
  name: string;
  /** Airtable field type: `singleLineText`, `number`, `singleSelect`, `url`, `formula`, … */
  type: string;
  options?: { choices?: Array<{ name: string }> };
}

/** One table of the base schema. */
export interface TableSchema {
  id: string;
  name: string;
  fields: SchemaField[];
}

/** What a check needs besides the schema. */
export interface SchemaCheckContext {
  provider: string;
  typecast: boolean;
}

const textTypes = ['singleLineText', 'multilineText', 'richText'];

/** The column types each kind of value may go into. */
const accepted: Record<ValueKind, string[]> = {
  text: textTypes,
  url: ['url', ...textTypes],
  number: ['number', 'currency', 'percent'],
  status: ['singleSelect', ...textTypes],
  date: ['dateTime', 'date', ...textTypes],
};

/** What each kind of value is, in messages. */
const described: Record<ValueKind, string> = {
  text: 'text',
  url: 'a URL',
  number: 'a number',
  status: 'a status option',
  date: 'an ISO date-time',
};

const computedTypes = new Set([
  'formula',
  'rollup',
  'count',
  'multipleLookupValues',
  'autoNumber',
  'createdTime',
  'lastModifiedTime',
  'createdBy',
  'lastModifiedBy',
  'button',
]);

/** Finds the table (by name or `tbl…` id) in a metadata answer `{ tables: [...] }`. */
export function findTable(body: Record<string, unknown>, table: string): TableSchema | undefined {
  const tables = Array.isArray(body.tables) ? (body.tables as TableSchema[]) : [];
  return tables.find((candidate) => candidate.id === table || candidate.name === table);
}

/** The table names of a metadata answer, for a "no such table" message. */
export function tableNames(body: Record<string, unknown>): string[] {
  const tables = Array.isArray(body.tables) ? (body.tables as TableSchema[]) : [];
  return tables.map((table) => table.name);
}

/**
 * Checks every written value against the table's columns: the column exists, can be written,
 * takes that kind of value, and (without `typecast`) has the select option. Throws a
 * `ProviderError` of kind `invalid_input` (code `SCHEMA_MISMATCH`) naming the column, the
 * value's type, the expected type and the fix; nothing has been written then.
 */
export function checkWrites(
  schema: TableSchema,
  written: readonly WrittenField[],
  context: SchemaCheckContext,
): void {
  const problems = written.map((entry) => problemOf(schema, entry, context)).filter(Boolean);
  if (problems.length === 0) return;
  throw new ProviderError({
    kind: 'invalid_input',
    provider: context.provider,
    code: 'SCHEMA_MISMATCH',
    message: `the table "${schema.name}" cannot take this update (nothing was written):\n${problems.join('\n')}`,
  });
}

function problemOf(
  schema: TableSchema,
  entry: WrittenField,
  context: SchemaCheckContext,
): string | undefined {
  const column = schema.fields.find((field) => field.name === entry.field);
  const role = `\`${entry.role}\``;
  if (!column) {
    const similar = similarNames(
      entry.field,
      schema.fields.map((field) => field.name),
    );
    const hint =
      similar.length > 0 ? ` Similar names: ${similar.map((name) => `"${name}"`).join(', ')}.` : '';
    return (
      `  - field "${entry.field}" (${role}) does not exist.${hint} Fix: set ${role} to an existing column ` +
      '(names are case-sensitive) or add the column.'
    );
  }
  if (computedTypes.has(column.type)) {
    return (
      `  - field "${entry.field}" (${role}) is a ${column.type} field that Airtable computes; it cannot be ` +
      `written. Fix: point ${role} at a plain column.`
    );
  }
  const allowed = [
    ...accepted[entry.kind],
    ...(context.typecast && entry.kind === 'number' ? textTypes : []),
  ];
  if (!allowed.includes(column.type)) {
    return (
      `  - field "${entry.field}" (${role}) is a ${column.type} field, but the value is ${described[entry.kind]} ` +
      `(${JSON.stringify(entry.value)}); expected a ${accepted[entry.kind].join(', ')} field. Fix: change ` +
      `the column's type or point ${role} at a column of one of those types.`
    );
  }
  if (column.type === 'singleSelect' && !context.typecast) {
    const choices = (column.options?.choices ?? []).map((choice) => choice.name);
    if (!choices.includes(String(entry.value))) {
      return (
        `  - field "${entry.field}" (${role}) has no option "${String(entry.value)}" (options: ` +
        `${choices.map((choice) => `"${choice}"`).join(', ') || 'none'}). Fix: add the option in Airtable, ` +
        'set `statusValues` to existing options, or enable `typecast: true` so Airtable creates it.'
      );
    }
  }
  return undefined;
}
