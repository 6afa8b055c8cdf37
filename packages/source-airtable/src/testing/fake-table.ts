import type { AirtableRecord } from '../field-mapping.js';
import type { SchemaField, TableSchema } from '../table-schema.js';

/** An Airtable error answer: status and body, in either envelope form. */
export interface ErrorAnswer {
  status: number;
  body: { error: { type: string; message: string } } | { error: string };
}

/** Builds the usual envelope `{"error":{"type","message"}}`. */
export function envelope(status: number, type: string, message: string): ErrorAnswer {
  return { status, body: { error: { type, message } } };
}

/** The columns of the default job table (the source's default field names). */
export function defaultJobFields(): SchemaField[] {
  const choices = ['Ready', 'Processing', 'Published', 'Failed'].map((name) => ({ name }));
  return [
    { id: 'fldTitle000000001', name: 'Title', type: 'singleLineText' },
    { id: 'fldAsin0000000002', name: 'ASIN', type: 'singleLineText' },
    { id: 'fldProductUrl0003', name: 'Product URL', type: 'url' },
    { id: 'fldStatus00000004', name: 'Status', type: 'singleSelect', options: { choices } },
    { id: 'fldRunId000000005', name: 'Run ID', type: 'singleLineText' },
    { id: 'fldProgress000006', name: 'Progress', type: 'singleLineText' },
    { id: 'fldPublished00007', name: 'Published URLs', type: 'multilineText' },
    { id: 'fldCostUsd0000008', name: 'Cost (USD)', type: 'currency' },
    { id: 'fldError000000009', name: 'Error', type: 'multilineText' },
    { id: 'fldYouTubeUrl0010', name: 'YouTube URL', type: 'url' },
    { id: 'fldUpdated0000011', name: 'Updated', type: 'dateTime' },
    { id: 'fldScore000000012', name: 'Score', type: 'formula' },
  ];
}

/**
 * Evaluates the formulas the fake understands: `{Field}='value'` (what the source sends by
 * default), `AND(a, b)` of those, and `TRUE()`. Anything else is a 422 like Airtable's for an
 * unknown field, or `undefined` when the formula is not understood (every record matches).
 */
export function matchFormula(
  formula: string | null,
  record: AirtableRecord,
  schema: TableSchema,
): boolean | ErrorAnswer {
  if (!formula || formula === 'TRUE()') return true;
  const and = /^AND\((.*)\)$/s.exec(formula.trim());
  const parts = and?.[1] ? splitTopLevel(and[1]) : [formula];
  for (const part of parts) {
    const match = /^\s*\{([^}]+)\}\s*=\s*'((?:[^'\\]|\\.)*)'\s*$/.exec(part);
    if (!match) continue;
    const [, field = '', raw = ''] = match;
    if (!schema.fields.some((candidate) => candidate.name === field)) {
      return envelope(
        422,
        'INVALID_FILTER_BY_FORMULA',
        `The formula for filtering records is invalid: Unknown field names: ${field.toLowerCase()}`,
      );
    }
    const value = raw.replace(/\\(.)/g, '$1');
    if (String(record.fields[field] ?? '') !== value) return false;
  }
  return true;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === "'" && !current.endsWith('\\')) quoted = !quoted;
    if (!quoted && char === '(') depth += 1;
    if (!quoted && char === ')') depth -= 1;
    if (!quoted && depth === 0 && char === ',') {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

const textTypes = new Set(['singleLineText', 'multilineText', 'richText', 'url', 'email']);
const numberTypes = new Set(['number', 'currency', 'percent']);
const computed = new Set(['formula', 'rollup', 'count', 'multipleLookupValues', 'autoNumber', 'createdTime']);

/**
 * Checks cell values like Airtable does, converting them under `typecast` (select options are
 * created, numbers become text). Returns the fields to store, or Airtable's 422 as `error`.
 */
export function coerceFields(
  fields: Record<string, unknown>,
  schema: TableSchema,
  typecast: boolean,
): { fields: Record<string, unknown> } | { error: ErrorAnswer } {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const column = schema.fields.find((field) => field.name === name);
    if (!column) return { error: envelope(422, 'UNKNOWN_FIELD_NAME', `Unknown field name: "${name}"`) };
    const invalid = envelope(
      422,
      'INVALID_VALUE_FOR_COLUMN',
      `Field "${name}" cannot accept the provided value`,
    );
    if (computed.has(column.type)) {
      const message = `Field "${name}" cannot accept a value because the field is computed`;
      return { error: envelope(422, 'INVALID_VALUE_FOR_COLUMN', message) };
    }
    if (value === null || value === '') {
      out[name] = undefined;
    } else if (column.type === 'singleSelect') {
      if (typeof value !== 'string') return { error: invalid };
      column.options = column.options ?? {};
      const choices = column.options.choices ?? [];
      if (!choices.some((choice) => choice.name === value)) {
        if (!typecast) {
          const message = `Insufficient permissions to create new select option ""${value}""`;
          return { error: envelope(422, 'INVALID_MULTIPLE_CHOICE_OPTIONS', message) };
        }
        column.options.choices = [...choices, { name: value }];
      }
      out[name] = value;
    } else if (numberTypes.has(column.type)) {
      const number = typeof value === 'string' && typecast ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) return { error: invalid };
      out[name] = number;
    } else if (textTypes.has(column.type) || column.type === 'dateTime' || column.type === 'date') {
      if (typeof value === 'number' && typecast) out[name] = String(value);
      else if (typeof value !== 'string') return { error: invalid };
      else out[name] = value;
    } else out[name] = value;
  }
  return { fields: out };
}
