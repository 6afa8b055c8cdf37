import { type Progress, ProviderError, sleep } from '@reelsmith/core';
import type { GraphSession } from './graph-client.js';
import type { InstagramPollSettings } from './instagram-defaults.js';
import { providerErrorFromStatus } from './instagram-error.js';

/** A container's `status_code`. */
export type ContainerStatusCode = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

/** What `GET /{container-id}?fields=status_code,status` says. */
export interface ContainerStatus {
  code: ContainerStatusCode | 'UNKNOWN';
  /** The free text of an `ERROR`, with the subcode. */
  status?: string;
}

/** Reads a container's status. */
export async function getContainerStatus(
  session: GraphSession,
  containerId: string,
): Promise<ContainerStatus> {
  const { data } = await session.request<{ status_code?: unknown; status?: unknown }>({
    method: 'GET',
    path: `/${containerId}`,
    query: { fields: 'status_code,status' },
    step: `read the status of container ${containerId}`,
  });
  const known = ['IN_PROGRESS', 'FINISHED', 'ERROR', 'EXPIRED', 'PUBLISHED'];
  const code =
    typeof data.status_code === 'string' && known.includes(data.status_code) ? data.status_code : 'UNKNOWN';
  return {
    code: code as ContainerStatus['code'],
    ...(typeof data.status === 'string' ? { status: data.status } : {}),
  };
}

/** Options of {@link waitForContainer}. */
export interface WaitOptions {
  poll: InstagramPollSettings;
  provider: string;
  signal: AbortSignal | undefined;
  onProgress: ((progress: Progress) => void) | undefined;
  /** Progress fractions the wait reports between. */
  from: number;
  to: number;
}

/** Status reads that may fail in a row (network, 5xx) before the wait gives up. */
const toleratedFailures = 3;

/**
 * Polls a container with growing waits until it leaves `IN_PROGRESS`, within the time budget.
 * Resolves `FINISHED`, `PUBLISHED` or `EXPIRED`; rejects on `ERROR` (mapped by its subcode) and,
 * past the budget, with a `transient` error: the container id stays in the publish state, so a
 * later publish (within 24 h) continues polling it instead of creating another.
 */
export async function waitForContainer(
  session: GraphSession,
  containerId: string,
  options: WaitOptions,
): Promise<'FINISHED' | 'PUBLISHED' | 'EXPIRED'> {
  const { poll, signal } = options;
  const started = Date.now();
  let wait = poll.initialMs;
  let failures = 0;
  for (let check = 1; ; check += 1) {
    let status: ContainerStatus | undefined;
    try {
      status = await getContainerStatus(session, containerId);
      failures = 0;
    } catch (error) {
      if (!ProviderError.isInstance(error) || error.kind !== 'transient' || ++failures >= toleratedFailures) {
        throw error;
      }
    }
    if (status?.code === 'FINISHED' || status?.code === 'PUBLISHED' || status?.code === 'EXPIRED') {
      return status.code;
    }
    if (status?.code === 'ERROR') throw providerErrorFromStatus(status.status, containerId, options.provider);
    const elapsed = Date.now() - started;
    if (elapsed + wait > poll.budgetMs) {
      throw new ProviderError({
        kind: 'transient',
        provider: options.provider,
        code: 'processing_timeout',
        message:
          `container ${containerId} was still ${status?.code ?? 'unreadable'} after ${elapsed} ms of polling ` +
          `(poll.budgetMs ${poll.budgetMs}). It is kept in the publish state: publishing again within 24 h ` +
          'continues with it instead of uploading again. Raise poll.budgetMs for long videos.',
      });
    }
    const share = Math.min(1, elapsed / poll.budgetMs);
    options.onProgress?.({
      fraction: options.from + (options.to - options.from) * share,
      message: `Instagram is processing the video (check ${check}, ${status?.code ?? 'status unreadable'})`,
    });
    await sleep(wait, signal);
    wait = Math.min(poll.maxMs, Math.max(1, Math.round(wait * poll.factor)));
  }
}
