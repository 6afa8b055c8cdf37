import type { FalClient, QueueStatus } from '@fal-ai/client';
import { type Progress, ProviderError, sleep } from '@reelsmith/core';

/** Options of {@link waitForCompletion}. */
export interface PollOptions {
  client: FalClient;
  provider: string;
  modelId: string;
  requestId: string;
  pollIntervalMs: number;
  maxWaitMs: number;
  signal?: AbortSignal | undefined;
  report: (progress: Progress) => void;
}

/**
 * Polls the queue status (with logs) until the request leaves `IN_QUEUE`/`IN_PROGRESS`,
 * reporting the queue position and new log lines as progress. Resolves with the final
 * status — `COMPLETED` does not mean success: the caller must fetch the result and check it.
 * Rejects with a `transient` `ProviderError` (code `queue_timeout`) after `maxWaitMs`.
 */
export async function waitForCompletion(options: PollOptions): Promise<QueueStatus> {
  const { client, modelId, requestId, signal } = options;
  const deadline = Date.now() + options.maxWaitMs;
  let logsSeen = 0;
  for (;;) {
    const status = await client.queue.status(modelId, { requestId, logs: true, abortSignal: signal });
    if (status.status === 'IN_QUEUE') {
      options.report({ message: `fal queue: position ${status.queue_position ?? '?'}` });
    } else if (status.status === 'IN_PROGRESS') {
      const logs = Array.isArray(status.logs) ? status.logs : [];
      const fresh = logs.slice(logsSeen);
      logsSeen = Math.max(logsSeen, logs.length);
      const last = fresh.at(-1)?.message;
      options.report({ message: last ? `fal: ${last}` : 'fal: generating' });
    } else {
      const seconds = status.status === 'COMPLETED' ? status.metrics?.inference_time : undefined;
      options.report({
        message: `fal: ${String(status.status).toLowerCase()}${typeof seconds === 'number' ? ` (inference ${seconds.toFixed(1)} s)` : ''}`,
      });
      return status;
    }
    if (Date.now() + options.pollIntervalMs > deadline) {
      throw new ProviderError({
        kind: 'transient',
        provider: options.provider,
        code: 'queue_timeout',
        requestId,
        message: `request ${requestId} was still ${status.status} after ${options.maxWaitMs} ms (maxWaitMs); it was cancelled.`,
      });
    }
    await sleep(options.pollIntervalMs, signal);
  }
}

/** Calls `onProgress` with each new message once (polls repeat the same status). */
export function progressReporter(
  onProgress: ((progress: Progress) => void) | undefined,
): (progress: Progress) => void {
  let last: string | undefined;
  return (progress) => {
    if (!onProgress || (progress.fraction === undefined && progress.message === last)) return;
    last = progress.message;
    try {
      onProgress(progress);
    } catch {
      // A failing progress listener must not fail the call.
    }
  };
}
