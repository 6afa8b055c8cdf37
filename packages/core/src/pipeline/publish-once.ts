import { CheckpointCorruptError } from '../errors/checkpoint-corrupt-error.js';
import { ConfigError } from '../errors/config-error.js';
import type { EventBus } from '../events/event-bus.js';
import { isRetryableError, type RetrySettings, withRetry } from '../resilience/with-retry.js';
import type { CheckpointStore } from '../spec/checkpoint-store.js';
import type { MediaStore } from '../spec/media-store.js';
import type { PublishDraft, PublishedPost, Publisher, PublishState } from '../spec/publisher.js';
import { assertJsonValue } from '../stores/json-value.js';
import { publishMarker } from './marker.js';
import type { DraftWithoutMarker } from './phase.js';

/** The record written before a publish call. */
export interface PublishIntent {
  platform: string;
  provider: string;
  marker: string;
  startedAt: string;
}

/** What {@link publishOnce} needs. */
export interface PublishOnceOptions {
  runId: string;
  /** The publisher as configured (for `validate`). */
  publisher: Publisher;
  /** The same publisher wrapped by the run's runtime (events, breaker, budget). */
  wrapped: Publisher;
  draft: DraftWithoutMarker;
  checkpoints: CheckpointStore;
  media: MediaStore;
  events: EventBus;
  signal: AbortSignal;
  retry: RetrySettings | false;
}

/** Checkpoint keys of a publisher's intent and result records. */
export function publishKeys(publisher: Publisher): { intent: string; result: string } {
  return { intent: `publish-intent:${publisher.id}`, result: `publish-result:${publisher.id}` };
}

/**
 * Publishes exactly once per run and publisher:
 * 1. a saved result → return it, no call;
 * 2. an intent without a result (a crash after or during the call) → `findExisting(marker)`
 *    first, and adopt the post when it exists;
 * 3. otherwise `validate`, write the intent, `publish`, write the result. A retryable failure
 *    is retried only after `findExisting` confirms no post was made.
 */
export async function publishOnce(options: PublishOnceOptions): Promise<PublishedPost> {
  const { runId, publisher, wrapped, checkpoints, events, signal } = options;
  const keys = publishKeys(publisher);
  const saved = (await readQuietly(checkpoints, runId, keys.result)) as { post?: PublishedPost } | undefined;
  if (saved?.post) return saved.post;

  const marker = publishMarker(runId, publisher.platform);
  const draft: PublishDraft = { ...options.draft, marker };
  const done = async (post: PublishedPost, reconciled: boolean) => {
    await checkpoints.set(runId, keys.result, { post, reconciled });
    events.emit('publish:done', { runId, platform: publisher.platform, post, reconciled });
    return post;
  };

  const state = checkpointPublishState(checkpoints, runId, publisher.id);
  const intent = await readQuietly(checkpoints, runId, keys.intent, true);
  if (intent !== undefined) {
    const existing = await wrapped.findExisting(marker, { signal, state });
    if (existing) return done(existing, true);
  }

  const validation = await publisher.validate(draft);
  if (!validation.ok) throw new ConfigError(`${publisher.id} draft`, validation.issues);

  const record: PublishIntent = {
    platform: publisher.platform,
    provider: publisher.id,
    marker,
    startedAt: new Date().toISOString(),
  };
  await checkpoints.set(runId, keys.intent, record);

  const attemptPublish = async (attempt: number): Promise<{ post: PublishedPost; reconciled: boolean }> => {
    if (attempt > 1) {
      const existing = await wrapped.findExisting(marker, { signal, state });
      if (existing) return { post: existing, reconciled: true };
    }
    const { post } = await wrapped.publish(draft, { media: options.media, signal, state });
    return { post, reconciled: false };
  };
  const outcome =
    options.retry === false
      ? await attemptPublish(1)
      : await withRetry(attemptPublish, {
          ...options.retry,
          signal,
          shouldRetry: isRetryableError,
          label: `${publisher.id}.publish`,
        });
  return done(outcome.post, outcome.reconciled);
}

/** The {@link PublishState} of a run's publisher, kept in the checkpoint store. */
export function checkpointPublishState(
  checkpoints: CheckpointStore,
  runId: string,
  publisherId: string,
): PublishState {
  const keyOf = (key: string) => {
    if (typeof key !== 'string' || key === '') {
      throw new TypeError('[reelsmith] publish state keys are non-empty strings, e.g. "upload-session"');
    }
    return `publish-state:${publisherId}:${key}`;
  };
  return {
    get: (key) => checkpoints.get(runId, keyOf(key)),
    set: async (key, value) => {
      assertJsonValue(value, `${publisherId} publish state`, key);
      await checkpoints.set(runId, keyOf(key), value);
    },
    delete: (key) => checkpoints.delete(runId, keyOf(key)),
  };
}

/** Reads a record; a corrupt one counts as present (`true`) for intents, absent otherwise. */
async function readQuietly(
  checkpoints: CheckpointStore,
  runId: string,
  key: string,
  corruptMeansPresent = false,
): Promise<unknown> {
  try {
    return await checkpoints.get(runId, key);
  } catch (error) {
    if (CheckpointCorruptError.isInstance(error)) return corruptMeansPresent ? { corrupt: true } : undefined;
    throw error;
  }
}
