// Where a run's events come from. In process: the pipeline runs here and its event bus feeds a
// buffer per run. Queued: BullMQ workers run it anywhere, and the events are followed in the shared
// Redis event log (`read({ afterSeq })`). Both give the same stream: `run:queued`, the run's typed
// events, and a last `run:end` carrying the published links.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { summarizeError } from '@reelsmith/core';

/** The events a client sees (besides `run:queued`, `run:retry` and the final `run:end`). */
export const streamedEvents = new Set([
  'run:start',
  'phase:start',
  'phase:end',
  'phase:skip',
  'phase:error',
  'phase:warning',
  'progress',
  'provider:retry',
  'provider:fallback',
  'publish:done',
]);

const now = () => new Date().toISOString();

/**
 * Passes a `progress` event only when its fraction moved by `step` in its phase since the last one
 * passed, or reached 1: a render reports every frame (once from the provider, once from the
 * phase), and a client needs far fewer.
 */
export function createProgressFilter(step = 0.01) {
  const last = new Map();
  return (payload) => {
    if (typeof payload.fraction !== 'number') return true;
    const key = payload.phase;
    const previous = last.get(key);
    if (previous !== undefined && payload.fraction < 1 && Math.abs(payload.fraction - previous) < step)
      return false;
    last.set(key, payload.fraction);
    return true;
  };
}

/**
 * Runs in this process, `concurrency` at a time. Each run keeps its events (for late and
 * reconnecting clients) until `retainMs` after it ended.
 */
export function createLocalRuns({ pipeline, concurrency = 1, retainMs = 10 * 60_000 }) {
  const runs = new Map();
  const shutdown = new AbortController();
  const limit = createLimiter(concurrency);

  const push = (run, name, payload) => {
    run.records.push({ name, payload });
    for (const wake of run.wakers.splice(0)) wake();
  };
  const detach = pipeline.events.onAny((name, payload) => {
    const run = runs.get(payload?.runId);
    if (!run || run.ended) return;
    if (name === 'run:end') run.end = payload;
    else if (streamedEvents.has(name) && (name !== 'progress' || run.progress(payload)))
      push(run, name, payload);
  });
  const finish = (runId, run, links, error) => {
    const end = run.end ?? {
      runId,
      status: shutdown.signal.aborted ? 'cancelled' : 'failed',
      costUsd: 0,
      durationMs: 0,
      at: now(),
      error: summarizeError(error),
    };
    push(run, 'run:end', { ...end, links });
    run.ended = true;
    setTimeout(() => runs.delete(runId), retainMs).unref();
  };

  return {
    has: (runId) => runs.has(runId),
    async start(request) {
      const runId = randomUUID();
      const run = { records: [], wakers: [], ended: false, end: undefined, progress: createProgressFilter() };
      runs.set(runId, run);
      push(run, 'run:queued', { runId, at: now() });
      limit(() => pipeline.run(request, { runId, signal: shutdown.signal })).then(
        (result) => finish(runId, run, result.outputs.report?.urls ?? {}),
        (error) => finish(runId, run, {}, error),
      );
      return { runId };
    },
    /** Sends the run's events after `afterId` (ids are 1-based positions), live, until the run ends. */
    async follow(runId, { afterId, signal, send }) {
      const run = runs.get(runId);
      let wake = () => undefined;
      const onAbort = () => wake();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        for (let next = afterId; run && !signal.aborted; ) {
          for (; next < run.records.length; next += 1) {
            const record = run.records[next];
            send(next + 1, record.name, record.payload);
          }
          if (run.ended) return;
          await new Promise((resolve) => {
            wake = resolve;
            run.wakers.push(resolve);
          });
        }
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    /** Cancels the running videos (each can be resumed by its run id) and ends every stream. */
    async close() {
      detach();
      shutdown.abort(new Error('the server is shutting down'));
      for (const run of runs.values()) for (const wake of run.wakers.splice(0)) wake();
    },
  };
}

/**
 * Runs on BullMQ workers. The stream follows the shared event log from where it stood when the job
 * was queued; SSE ids are the log's `seq`, so a reconnecting client resumes where it left off.
 */
export function createQueuedRuns({ queue, eventLog, pollIntervalMs = 250, settleTimeoutMs = 30_000 }) {
  const runs = new Map();
  let head = 0;

  /**
   * What a `run:end` in the log means for the job: final (with the job's links when it completed),
   * or not: attempt `attempt` failed with attempts left, or was handed back by a stopping worker.
   */
  async function settle(jobId, { succeeded, attempt }, signal) {
    const deadline = Date.now() + settleTimeoutMs;
    while (!signal.aborted && Date.now() < deadline) {
      const job = await queue.queue.getJob(jobId);
      if (!job) return { final: true };
      const state = await job.getState();
      attempt ??= job.attemptsStarted;
      // The worker is still finishing this attempt (writing its result, or failing it).
      if (state === 'active' && job.attemptsMade < attempt && job.attemptsStarted <= attempt) {
        await delay(pollIntervalMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      if (succeeded || state === 'failed') {
        return { final: true, urls: state === 'completed' ? job.returnvalue?.urls : undefined };
      }
      return { final: false };
    }
    return { final: true };
  }

  return {
    has: (runId) => runs.has(runId),
    async start(request) {
      // Where the log stands before the job exists: every event of the run comes after it.
      const afterSeq = await findLogHead(eventLog, head);
      head = Math.max(head, afterSeq);
      const { added, duplicates } = await queue.enqueue([request]);
      if (added[0]) {
        runs.set(added[0].runId, { afterSeq, jobId: added[0].jobId, queuedAt: now() });
        return { runId: added[0].runId };
      }
      // The same product is already queued or running: follow that run instead.
      const existing = await queue.queue.getJob(duplicates[0].existingJobId);
      if (!existing) throw new Error('the product was queued twice and the first job vanished; try again');
      const runId = existing.data.runId;
      if (!runs.has(runId)) runs.set(runId, { afterSeq, jobId: String(existing.id), queuedAt: now() });
      return { runId, duplicate: true };
    },
    async follow(runId, { afterId, signal, send }) {
      const run = runs.get(runId);
      if (!run) return;
      let cursor = Math.max(run.afterSeq, afterId);
      if (afterId === 0 || afterId < run.afterSeq)
        send(run.afterSeq, 'run:queued', { runId, jobId: run.jobId, at: run.queuedAt });
      const links = {};
      const progress = createProgressFilter();
      let attempts = 0;
      while (!signal.aborted) {
        for (const record of await eventLog.read({ afterSeq: cursor })) {
          cursor = record.seq;
          const payload = record.payload;
          if (payload?.runId !== runId) continue;
          if (record.name === 'run:start') attempts += 1;
          if (record.name === 'publish:done') links[payload.platform] = payload.post.url;
          if (record.name === 'run:end') {
            const succeeded = payload.status === 'succeeded';
            // Each attempt starts with run:start; a client that joined late lets the job say.
            const outcome = await settle(run.jobId, { succeeded, attempt: attempts || undefined }, signal);
            if (!outcome.final) {
              send(record.seq, 'run:retry', { ...payload, attempt: attempts || undefined });
              continue;
            }
            send(record.seq, 'run:end', { ...payload, links: outcome.urls ?? links });
            return;
          }
          if (!streamedEvents.has(record.name) || (record.name === 'progress' && !progress(payload)))
            continue;
          send(record.seq, record.name, payload);
        }
        await delay(pollIntervalMs, undefined, { signal }).catch(() => undefined);
      }
    },
    async close() {},
  };
}

/**
 * The log's last `seq`, found from `from` with reads of one record (exponential, then binary
 * search): the log's own API, no full read. Sequence numbers are consecutive.
 */
export async function findLogHead(eventLog, from = 0) {
  const hasAfter = async (seq) => (await eventLog.read({ afterSeq: seq, limit: 1 })).length > 0;
  if (!(await hasAfter(from))) return from;
  let low = from;
  let step = 1;
  while (await hasAfter(from + step)) {
    low = from + step;
    step *= 2;
  }
  let high = from + step;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await hasAfter(middle)) low = middle;
    else high = middle;
  }
  return high;
}

/** At most `max` tasks at once; a finished task hands its slot straight to the next. */
function createLimiter(max) {
  let active = 0;
  const waiting = [];
  return async (task) => {
    if (active >= max) await new Promise((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
