import { ConfigError, ProviderError, ReelsmithError } from '@reelsmith/core';

const permissionCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR']);
const transientCodes = new Set(['EMFILE', 'ENFILE', 'EBUSY', 'EAGAIN', 'EINTR', 'ETIMEDOUT']);

/** The `code` of a Node.js file system error, if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A `ConfigError` naming `outDir` for a folder this process cannot write to. */
export function unwritableOutDir(outDir: string, error: unknown): ConfigError {
  return new ConfigError(
    'createLocalPublisher',
    [
      {
        field: 'outDir',
        problem: `cannot write to ${JSON.stringify(outDir)} (${errorCode(error) ?? 'error'})`,
        fix: 'choose a folder this process can create and write to (check it is not a file, read-only or owned by another user)',
      },
    ],
    { cause: error },
  );
}

/**
 * Turns a file system failure while `doing` something into the error the engine acts on:
 * permissions and wrong paths become a `ConfigError` on `outDir`; a full disk an `unknown`
 * `ProviderError` saying so; busy or exhausted handles a `transient` one. Reelsmith errors and
 * aborts pass through unchanged.
 */
export function fileSystemError(provider: string, outDir: string, doing: string, error: unknown): unknown {
  if (ReelsmithError.isInstance(error) || (error instanceof Error && error.name === 'AbortError'))
    return error;
  const code = errorCode(error);
  if (code === undefined) return error;
  if (permissionCodes.has(code)) return unwritableOutDir(outDir, error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ProviderError({
      kind: 'unknown',
      provider,
      code,
      message: `the disk under ${outDir} is full while trying to ${doing}. Fix: free some space or choose another outDir.`,
      cause: error,
    });
  }
  return new ProviderError({
    kind: transientCodes.has(code) ? 'transient' : 'unknown',
    provider,
    code,
    message: `could not ${doing} under ${outDir} (${code})`,
    cause: error,
  });
}
