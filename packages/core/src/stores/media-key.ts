import { ConfigError, type ConfigIssue } from '../errors/config-error.js';

/** The longest media key a store accepts, in characters. */
export const maxMediaKeyLength = 1024;

/**
 * Throws a {@link ConfigError} naming `key` unless it is a relative POSIX path that stays inside
 * the store: non-empty, at most {@link maxMediaKeyLength} characters, no leading `/` or drive letter,
 * no backslash, no control character, and no empty, `.` or `..` segment.
 * Media stores call it first in every method, so keys cannot reach files outside the store.
 *
 * @example
 * ```ts
 * assertMediaKey('run-42/images/scene-1.png', 'my-store'); // fine
 * assertMediaKey('../secrets.json', 'my-store'); // throws ConfigError
 * ```
 */
export function assertMediaKey(key: unknown, source: string, field = 'key'): asserts key is string {
  const issue = mediaKeyIssue(key, field);
  if (issue) throw new ConfigError(source, [issue]);
}

// ---------------------------------------------------------------------------------------------

const fix = 'use a relative POSIX path such as `run-42/images/scene-1.png`';

function mediaKeyIssue(key: unknown, field: string): ConfigIssue | undefined {
  if (typeof key !== 'string') return { field, problem: `expected a string, got ${typeof key}`, fix };
  if (key.length === 0) return { field, problem: 'it is empty', fix };
  if (key.length > maxMediaKeyLength) return { field, problem: `it is ${key.length} characters long`, fix };
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) {
    return { field, problem: `"${key}" is an absolute path`, fix };
  }
  if (key.includes('\\')) return { field, problem: `"${key}" contains a backslash`, fix };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects.
  if (/[\u0000-\u001f\u007f]/.test(key)) return { field, problem: 'it contains a control character', fix };
  if (/\p{Cs}/u.test(key)) return { field, problem: 'it holds a lone UTF-16 surrogate', fix };
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      return { field, problem: `"${key}" has an empty, "." or ".." segment`, fix };
    }
  }
  return undefined;
}
