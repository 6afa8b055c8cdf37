import path from 'node:path';
import { createJsonlEventLog, type EventLog } from '@reelsmith/core';
import { createRedisEventLog } from '@reelsmith/store-redis';

/** Flags shared by the operations commands (`worker`, `enqueue`, `queue`, `dashboard`, `report`). */
export interface OperationsFlags {
  dataDir?: string;
  /** Redis URL; default `REELSMITH_REDIS_URL` or `redis://127.0.0.1:6379` when a command needs Redis. */
  redis?: string;
  /** BullMQ queue name; default `reelsmith`. */
  queue?: string;
}

/** The Redis URL of the flags or the environment. */
export function redisUrl(flags: OperationsFlags, env: NodeJS.ProcessEnv = process.env): string {
  return flags.redis ?? env.REELSMITH_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * The event log: the Redis stream when `--redis` (or `REELSMITH_REDIS_URL`) is given, shared by
 * every worker; else `<data-dir>/events.jsonl`, the one `reelsmith run` writes.
 */
export function eventLogFrom(
  flags: OperationsFlags,
  env: NodeJS.ProcessEnv = process.env,
): EventLog & { close?: () => Promise<void> } {
  if (flags.redis ?? env.REELSMITH_REDIS_URL)
    return createRedisEventLog({ connection: redisUrl(flags, env) });
  return createJsonlEventLog(path.join(path.resolve(flags.dataDir ?? '.reelsmith'), 'events.jsonl'));
}
