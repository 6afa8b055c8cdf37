import { ConfigError, type ConfigIssue } from '../errors/config-error.js';

/** A value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Throws a {@link ConfigError} naming the first part of `value` that JSON cannot hold exactly:
 * functions, symbols, `BigInt`, non-finite numbers, `undefined` (at the top or in an array),
 * bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`), class instances such as `Date` or `Map`, and cycles.
 * Object properties that are `undefined` are allowed (JSON drops them).
 *
 * @param source - Where the value was given, e.g. `file-checkpoints`, used in the error.
 * @param field - The name of the value in the error, e.g. `value`.
 */
export function assertJsonValue(value: unknown, source: string, field: string): asserts value is JsonValue {
  const issue = findIssue(value, field, new Set());
  if (issue) throw new ConfigError(source, [issue]);
}

/**
 * The canonical JSON text of a value checked by {@link assertJsonValue}: object keys sorted,
 * no whitespace, `undefined` properties dropped. Equal values give equal text, so its hash
 * identifies the value.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------

const plainFix = 'use plain objects, arrays, strings, finite numbers, booleans and null';

function findIssue(value: unknown, path: string, ancestors: Set<object>): ConfigIssue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : { field: path, problem: `${value} is not a finite number and JSON cannot hold it`, fix: plainFix };
    case 'bigint':
      return { field: path, problem: 'a BigInt is not JSON', fix: 'store it as a string or a number' };
    case 'undefined':
      return { field: path, problem: 'undefined is not JSON', fix: 'use null, or leave the property out' };
    case 'function':
    case 'symbol':
      return { field: path, problem: `a ${typeof value} is not JSON`, fix: plainFix };
  }
  if (value === null) return undefined;
  const object = value as object;
  if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer || object instanceof SharedArrayBuffer) {
    return {
      field: path,
      problem: 'bytes are not JSON (checkpoints hold references, not media)',
      fix: 'store the bytes in the MediaStore with `put()` and keep the MediaRef it returns',
    };
  }
  if (ancestors.has(object))
    return { field: path, problem: 'the value refers to itself (a cycle)', fix: plainFix };
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      for (let index = 0; index < object.length; index++) {
        const issue = findIssue(object[index], `${path}[${index}]`, ancestors);
        if (issue) return issue;
      }
      return undefined;
    }
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      const name = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      const fix = object instanceof Date ? 'store `date.toISOString()` instead' : plainFix;
      return { field: path, problem: `a ${name} instance is not plain JSON`, fix };
    }
    for (const [key, member] of Object.entries(object)) {
      if (member === undefined) continue;
      const issue = findIssue(member, `${path}.${key}`, ancestors);
      if (issue) return issue;
    }
    return undefined;
  } finally {
    ancestors.delete(object);
  }
}
