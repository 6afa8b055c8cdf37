import { ReelsmithError } from '../errors/reelsmith-error.js';

/** True for a file-system error that means "no such file or directory". */
export function isNotFoundError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Wraps a file-system failure of a store in a {@link ReelsmithError} that names the store and what it
 * was doing, but not the file path (messages reach events and logs). The original error is the `cause`.
 * Abort errors pass through unchanged.
 */
export function storageError(source: string, action: string, error: unknown): unknown {
  if (ReelsmithError.isInstance(error) || (error as { name?: unknown } | null)?.name === 'AbortError')
    return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  const hint =
    code === 'EACCES' || code === 'EPERM'
      ? ' Check that the process may write to the store directory.'
      : code === 'ENOSPC'
        ? ' The disk is full; free some space.'
        : '';
  return new ReelsmithError(`[reelsmith] [${source}] cannot ${action} (${reason}).${hint}`, { cause: error });
}
