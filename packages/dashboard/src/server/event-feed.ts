import {
  type EventBus,
  type EventLog,
  type EventRecord,
  type ReelsmithEventName,
  recordEvents,
} from '@reelsmith/core';

/** Where new events come from, and how. */
export interface EventFeed {
  /** Stops listening or polling; resolves when pending log writes are done. */
  stop(): Promise<void>;
}

/** Options of {@link startEventFeed}. */
export interface EventFeedOptions {
  log: EventLog;
  events: EventBus | undefined;
  record: boolean;
  pollMs: number;
  /** Start of history to read, ISO. */
  since: string;
  now: () => number;
  /** Gets every record, history first, in order. */
  onRecord: (record: EventRecord) => void;
  /** Reports a failed log read (the feed keeps going). */
  onError: (error: unknown) => void;
}

const key = (name: string, payload: unknown) => `${name}\u0000${JSON.stringify(payload)}`;

/**
 * Reads history from the log, then delivers new events:
 * - with a bus: from the bus (appended to the log when `record`). Bus events that arrive while
 *   history is read are held, and dropped when the log already had them (same name and payload),
 *   so nothing is applied twice;
 * - without a bus: by polling `log.read({ afterSeq })` every `pollMs`.
 */
export async function startEventFeed(options: EventFeedOptions): Promise<EventFeed> {
  const { log, events } = options;
  let held: { name: ReelsmithEventName; payload: unknown; at: string }[] | undefined = [];
  const deliverBus = (name: ReelsmithEventName, payload: unknown, at: string) =>
    options.onRecord({ seq: 0, name, payload, at });
  const recorder = events && options.record ? recordEvents(events, log) : undefined;
  const detach = events?.onAny((name, payload) => {
    const at = new Date(options.now()).toISOString();
    if (held) held.push({ name, payload, at });
    else deliverBus(name, payload, at);
  });

  let lastSeq = 0;
  const readNew = async (read: () => Promise<EventRecord[]>) => {
    const records = await read();
    for (const record of records) {
      if (record.seq <= lastSeq) continue;
      lastSeq = record.seq;
      options.onRecord(record);
    }
    return records;
  };

  const history = await readNew(() => log.read({ since: options.since }));
  if (events) {
    // The log may already hold some held events (recorded by us or by the app): apply the rest.
    const seen = new Map<string, number>();
    for (const record of history.slice(-1_000)) {
      const id = key(record.name, record.payload);
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const pending = held ?? [];
    held = undefined;
    for (const event of pending) {
      const id = key(event.name, event.payload);
      const count = seen.get(id) ?? 0;
      if (count > 0) seen.set(id, count - 1);
      else deliverBus(event.name, event.payload, event.at);
    }
    return {
      async stop() {
        detach?.();
        recorder?.detach();
        await recorder?.flushed();
      },
    };
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<unknown> = Promise.resolve();
  const poll = () => {
    polling = readNew(() => log.read({ afterSeq: lastSeq }))
      .catch(options.onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(poll, options.pollMs);
      });
  };
  timer = setTimeout(poll, options.pollMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await polling;
    },
  };
}
