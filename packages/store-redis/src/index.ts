// Public API of @reelsmith/store-redis: the checkpoint store and the event log in Redis.
export {
  createRedisCheckpointStore,
  type RedisCheckpointStore,
  type RedisCheckpointStoreOptions,
} from './redis-checkpoint-store.js';
export type { RedisConnection } from './redis-connection.js';
export { createRedisEventLog, type RedisEventLog, type RedisEventLogOptions } from './redis-event-log.js';
export { createRedisLimiters, type RedisLimiters, type RedisLimitersOptions } from './redis-limiter.js';
export { type SharedBreakers, type ShareBreakersOptions, shareBreakers } from './share-breakers.js';
