import { withRetry } from '@reelsmith/core';
import type { DriveErrorContext } from './drive-error.js';
import { createDriveHttp, type DriveHttp } from './drive-http.js';
import type { ResolvedDriveOptions } from './drive-settings.js';

/** What every Drive step shares: the transport, the options, error contexts and the retry policy. */
export interface DriveContext {
  http: DriveHttp;
  options: ResolvedDriveOptions;
  /** The error context of one step. */
  describe(operation: string, target: DriveErrorContext['target']): DriveErrorContext;
  /**
   * Runs a step that is safe to repeat, retrying `transient` and `rate_limit` failures with backoff
   * (honouring `Retry-After`). Only idempotent or verified steps may go through it.
   */
  retry<T>(step: (attempt: number) => Promise<T>, signal: AbortSignal | undefined, label: string): Promise<T>;
  /** Query parameters every call sends for shared drives. */
  drives(): Record<string, string | undefined>;
}

/** Creates the {@link DriveContext} of one store. */
export function createDriveContext(options: ResolvedDriveOptions): DriveContext {
  const http = createDriveHttp(options);
  return {
    http,
    options,
    describe: (operation, target) => ({
      provider: options.id,
      folderId: options.folderId,
      supportsAllDrives: options.supportsAllDrives,
      operation,
      target,
    }),
    retry: (step, signal, label) =>
      withRetry(step, { ...options.retry, ...(signal ? { signal } : {}), label: `${options.id} ${label}` }),
    drives: () => (options.supportsAllDrives ? { supportsAllDrives: 'true' } : {}),
  };
}
