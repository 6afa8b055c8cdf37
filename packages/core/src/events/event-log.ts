import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EventBus } from './event-bus.js';
import type { ReelsmithEventName } from './event-map.js';

/** One event as the log keeps it. `seq` is its 1-based position in the log. */
export interface EventRecord {
  seq: number;
  name: ReelsmithEventName;
  payload: unknown;
  /** When it was recorded, ISO 8601. */
  at: string;
}

/** Options of {@link EventLog.read}. */
export interface EventLogReadOptions {
  /** Only records after this `seq` (to follow a log). */
  afterSeq?: number;
  /** Only records at or after this ISO time. */
  since?: string;
  /** At most this many records (the oldest first). */
  limit?: number;
}

/**
 * A durable, append-only log of events: the dashboard's history and the alert rules' memory.
 * The JSONL file log is the default; `@reelsmith/store-redis` provides one shared by many
 * workers. Payloads are stored as the bus delivered them (redacted).
 */
export interface EventLog {
  readonly id: string;
  append(name: ReelsmithEventName, payload: unknown, at?: string): Promise<void>;
  read(options?: EventLogReadOptions): Promise<EventRecord[]>;
}

/**
 * An {@link EventLog} in a JSONL file (one event per line), safe to append to from several
 * processes on one machine (each line is written with one `O_APPEND` write). A torn last line
 * from a crash is skipped on read.
 *
 * @example
 * ```ts
 * const log = createJsonlEventLog('.reelsmith/events.jsonl');
 * const recorder = recordEvents(pipeline.events, log);
 * ```
 */
export function createJsonlEventLog(file: string): EventLog {
  const absolute = path.resolve(file);
  let ready: Promise<unknown> | undefined;
  return {
    id: `jsonl:${absolute}`,
    async append(name, payload, at = new Date().toISOString()) {
      ready ??= mkdir(path.dirname(absolute), { recursive: true });
      await ready;
      await appendFile(absolute, `${JSON.stringify({ at, name, payload })}\n`, { mode: 0o600 });
    },
    async read(options = {}) {
      let text: string;
      try {
        text = await readFile(absolute, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const records: EventRecord[] = [];
      const lines = text.split('\n');
      for (const [index, line] of lines.entries()) {
        const seq = index + 1;
        if (line === '' || seq <= (options.afterSeq ?? 0)) continue;
        let parsed: { at?: unknown; name?: unknown; payload?: unknown };
        try {
          parsed = JSON.parse(line) as typeof parsed;
        } catch {
          continue;
        }
        if (typeof parsed.name !== 'string' || typeof parsed.at !== 'string') continue;
        if (options.since !== undefined && parsed.at < options.since) continue;
        records.push({
          seq,
          name: parsed.name as ReelsmithEventName,
          payload: parsed.payload,
          at: parsed.at,
        });
        if (options.limit !== undefined && records.length >= options.limit) break;
      }
      return records;
    },
  };
}

/** What {@link recordEvents} returns. */
export interface EventRecorder {
  /** Resolves when every event seen so far is in the log. */
  flushed(): Promise<void>;
  /** Stops recording (pending writes still finish; await `flushed()`). */
  detach(): void;
}

/**
 * Appends every event of `events` (or only `names`) to `log`, in order. A failing write is
 * reported once as `listener:error` and recording goes on.
 */
export function recordEvents(
  events: EventBus,
  log: EventLog,
  options: { names?: readonly ReelsmithEventName[] } = {},
): EventRecorder {
  const wanted = options.names ? new Set(options.names) : undefined;
  let chain: Promise<void> = Promise.resolve();
  const detach = events.onAny((name, payload) => {
    if (name === 'listener:error' || (wanted && !wanted.has(name))) return;
    const at = new Date().toISOString();
    chain = chain
      .then(() => log.append(name, payload, at))
      .catch((error: unknown) => {
        events.emit('listener:error', {
          event: name,
          error: { name: 'EventLogError', message: `could not append to ${log.id}: ${String(error)}` },
        });
      });
  });
  return { flushed: () => chain, detach };
}
