import type { EventLog, EventRecord, ReelsmithEventName } from '@reelsmith/core';
import { assertPrefix, connect, type RedisConnection } from './redis-connection.js';

/** Options of {@link createRedisEventLog}. */
export interface RedisEventLogOptions {
  connection: RedisConnection;
  /** Namespace; default `reelsmith`. */
  prefix?: string;
  /** Keep about this many events (older ones are trimmed). Default 1,000,000. */
  maxEvents?: number;
}

/** A Redis event log; `close()` quits the connection it opened. */
export interface RedisEventLog extends EventLog {
  close(): Promise<void>;
}

// One atomic step: the next sequence number, and the event stored under the stream id `<seq>-1`.
const appendScript = `
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], seq .. '-1', 'name', ARGV[1], 'at', ARGV[2], 'payload', ARGV[3])
return seq`;

const pageSize = 1000;

/**
 * An {@link EventLog} in a Redis stream (`<prefix>:events`), shared by every worker and the
 * dashboard: each event gets the next sequence number (`seq`) atomically, so `read({ afterSeq })`
 * follows the log across processes and restarts.
 */
export function createRedisEventLog(options: RedisEventLogOptions): RedisEventLog {
  const prefix = options.prefix ?? 'reelsmith';
  assertPrefix(prefix, 'createRedisEventLog');
  const { client, owned } = connect(options.connection, 'createRedisEventLog');
  const streamKey = `${prefix}:events`;
  const seqKey = `${prefix}:events:seq`;
  const maxEvents = String(options.maxEvents ?? 1_000_000);
  return {
    id: `redis:${streamKey}`,
    async append(name, payload, at = new Date().toISOString()) {
      await client.eval(
        appendScript,
        2,
        streamKey,
        seqKey,
        name,
        at,
        JSON.stringify(payload ?? null),
        maxEvents,
      );
    },
    async read(readOptions = {}) {
      const records: EventRecord[] = [];
      let start = `${(readOptions.afterSeq ?? 0) + 1}-0`;
      for (;;) {
        const entries = await client.xrange(streamKey, start, '+', 'COUNT', pageSize);
        for (const [entryId, fields] of entries) {
          const values = new Map<string, string>();
          for (let index = 0; index + 1 < fields.length; index += 2)
            values.set(fields[index]!, fields[index + 1]!);
          const at = values.get('at') ?? '';
          if (readOptions.since !== undefined && at < readOptions.since) continue;
          records.push({
            seq: Number(entryId.split('-')[0]),
            name: values.get('name') as ReelsmithEventName,
            at,
            payload: JSON.parse(values.get('payload') ?? 'null'),
          });
          if (readOptions.limit !== undefined && records.length >= readOptions.limit) return records;
        }
        if (entries.length < pageSize) return records;
        start = `(${entries.at(-1)![0]}`;
      }
    },
    async close() {
      if (owned) await client.quit();
    },
  };
}
