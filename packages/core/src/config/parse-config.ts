import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors/config-error.js';

/** Hints for fields, by dotted path, used as the "fix" of an issue. */
export type FixHints = Record<string, string>;

/**
 * Parses `value` with a zod schema; on failure throws a `ConfigError` whose issues name each
 * field, what was wrong and how to fix it. `hints` supply field-specific fixes.
 */
export function parseConfig<S extends z.ZodType>(
  source: string,
  schema: S,
  value: unknown,
  hints: FixHints = {},
  prefix = '',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ConfigIssue[] = result.error.issues.map((issue) => {
    const field = formatPath(prefix, issue.path);
    return {
      field,
      problem: issue.message,
      fix: hints[field] ?? hints[stripIndexes(field)] ?? defaultFix(issue),
    };
  });
  throw new ConfigError(source, issues);
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function stripIndexes(field: string): string {
  return field.replace(/\[\d+\]/g, '[]');
}

function defaultFix(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `provide a value of type ${issue.expected}`;
    case 'too_small':
      return `use a value of at least ${String(issue.minimum)}`;
    case 'too_big':
      return `use a value of at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((key) => `\`${key}\``).join(', ')} (check the spelling against the docs)`;
    case 'invalid_value':
      return `use one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return 'see the TSDoc of this option';
  }
}
