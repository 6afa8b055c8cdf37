/**
 * What the scale benchmark counts, besides BullMQ's own job records:
 *
 * - a meter the fakes report to: voice calls in flight (INCR/DECR, keeping the maximum), publish
 *   calls started per one-second window of the Redis server's clock, posts by draft marker (a
 *   marker posted twice is a duplicate publish) and injected faults. `createRedisMeter` keeps them
 *   in Redis under `<prefix>:bench:*`, so both worker processes add to the same figures;
 *   `createMemoryMeter` keeps them in the process, for the in-process baseline;
 * - `watchLimiterSlots`: the slots the shared Redis limiter granted, to check its window exactly;
 * - `countRedisRequests`: requests each process sends to Redis, by wrapping ioredis's
 *   `Redis.prototype.sendCommand` (a pipeline or MULTI batch counts once — it is one round trip),
 *   split into the SDK's clients and the bench's own instrumentation (clients passed to
 *   `markBenchClient`). The server-side figure (`INFO stats` total_commands_processed) counts
 *   every command of every client, script-internal calls and MULTI members included.
 */
import { Redis } from 'ioredis';

/** The meter the fakes report to, in Redis (shared by every worker of one load). */
export function createRedisMeter(redis, prefix) {
  const key = (name) => `${prefix}:bench:${name}`;
  redis.defineCommand('benchEnter', {
    numberOfKeys: 2,
    lua: `local n = redis.call('INCR', KEYS[1])
if n > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], n) end
return n`,
  });
  redis.defineCommand('benchTick', {
    numberOfKeys: 1,
    lua: `local t = redis.call('TIME')
return redis.call('HINCRBY', KEYS[1], t[1], 1)`,
  });
  return {
    enter: (name) => redis.benchEnter(key(`${name}:in-flight`), key(`${name}:max-in-flight`)),
    leave: (name) => redis.decr(key(`${name}:in-flight`)),
    publishStarted: () => redis.benchTick(key('publish:per-second')),
    post: (marker) => redis.hincrby(key('posts'), marker, 1),
    hasPost: async (marker) => (await redis.hexists(key('posts'), marker)) === 1,
    fault: (what) => redis.hincrby(key('faults'), what, 1),
  };
}

/** Reads what {@link createRedisMeter} counted under `prefix`. */
export async function readRedisMeter(redis, prefix) {
  const key = (name) => `${prefix}:bench:${name}`;
  const [maxVoice, perSecond, postCounts, faults] = await Promise.all([
    redis.get(key('voice:max-in-flight')),
    redis.hvals(key('publish:per-second')),
    redis.hvals(key('posts')),
    redis.hgetall(key('faults')),
  ]);
  return summarize({
    maxVoice: Number(maxVoice ?? 0),
    perSecond: perSecond.map(Number),
    postCounts: postCounts.map(Number),
    faults: Object.fromEntries(Object.entries(faults).map(([what, count]) => [what, Number(count)])),
  });
}

/** The same meter in the process (no Redis), with `read()` and `reset()`. */
export function createMemoryMeter() {
  const inFlight = new Map();
  const maxInFlight = new Map();
  const perSecond = new Map();
  const posts = new Map();
  let faults = {};
  return {
    /** Forgets everything counted so far (after a warm-up). */
    reset() {
      for (const map of [inFlight, maxInFlight, perSecond, posts]) map.clear();
      faults = {};
    },
    async enter(name) {
      const now = (inFlight.get(name) ?? 0) + 1;
      inFlight.set(name, now);
      maxInFlight.set(name, Math.max(now, maxInFlight.get(name) ?? 0));
    },
    async leave(name) {
      inFlight.set(name, inFlight.get(name) - 1);
    },
    async publishStarted() {
      const second = Math.floor(Date.now() / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    },
    async post(marker) {
      posts.set(marker, (posts.get(marker) ?? 0) + 1);
      return posts.get(marker);
    },
    async hasPost(marker) {
      return posts.has(marker);
    },
    async fault(what) {
      faults[what] = (faults[what] ?? 0) + 1;
    },
    read: () =>
      summarize({
        maxVoice: maxInFlight.get('voice') ?? 0,
        perSecond: [...perSecond.values()],
        postCounts: [...posts.values()],
        faults,
      }),
  };
}

function summarize({ maxVoice, perSecond, postCounts, faults }) {
  const posts = postCounts.reduce((sum, count) => sum + count, 0);
  return {
    maxVoiceInFlight: maxVoice,
    maxPublishesPerSecond: Math.max(0, ...perSecond),
    publishCalls: perSecond.reduce((sum, count) => sum + count, 0),
    posts,
    distinctMarkers: postCounts.length,
    duplicatePublishes: posts - postCounts.length,
    faults,
    faultsTotal: Object.values(faults).reduce((sum, count) => sum + count, 0),
  };
}

/** The most timestamps (ms, sorted) falling in any window `[t, t + windowMs)`. */
export function maxInSlidingWindow(sorted, windowMs) {
  let best = 0;
  for (let end = 0, start = 0; end < sorted.length; end += 1) {
    while (sorted[end] - sorted[start] >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/**
 * Watches the slots a Redis limiter grants to `provider`: `createRedisLimiters` records each
 * admission's time (the Redis server's clock) in `<prefix>:limit:<provider>:starts` and drops it
 * only once it is older than the window, so polling every 200 ms sees every admission. `stop()`
 * resolves with their count and the most admissions in any window of `windowMs` — the exact
 * figure the limit bounds. (The key is internal to store-redis; the bench reads it to check the
 * limiter where it applies: a call starts a little after its slot is granted, so call starts
 * counted by the fake can crowd a second a little more than the slots did.)
 */
export function watchLimiterSlots(redis, prefix, provider, windowMs) {
  const key = `${prefix}:limit:${provider}:starts`;
  const seen = new Map();
  let watching = true;
  const poll = async () => {
    while (watching) {
      const entries = await redis.zrange(key, 0, -1, 'WITHSCORES');
      for (let index = 0; index < entries.length; index += 2)
        seen.set(entries[index], Number(entries[index + 1]));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const polling = poll();
  return {
    async stop() {
      watching = false;
      await polling;
      const times = [...seen.values()].sort((a, b) => a - b);
      return { slots: times.length, maxSlotsInWindow: maxInSlidingWindow(times, windowMs) };
    },
  };
}

const benchClients = new WeakSet();

/** Marks a client as the bench's own, so its requests are counted apart from the SDK's. */
export function markBenchClient(client) {
  benchClients.add(client);
  return client;
}

/**
 * Counts the requests this process sends to Redis from now on: `{ sdk, bench }`, live. Call it
 * before any client is made. Returns undefined when ioredis no longer has `sendCommand`.
 */
export function countRedisRequests() {
  const original = Redis.prototype.sendCommand;
  if (typeof original !== 'function') return undefined;
  const tally = { sdk: 0, bench: 0 };
  const batches = new WeakSet();
  Redis.prototype.sendCommand = function countedSendCommand(command, stream, ...rest) {
    // A pipeline (and MULTI) passes one `stream` object for all its commands: one round trip.
    const batched = typeof stream === 'object' && stream !== null;
    if (!batched || !batches.has(stream)) {
      if (batched) batches.add(stream);
      tally[benchClients.has(this) ? 'bench' : 'sdk'] += 1;
    }
    return original.call(this, command, stream, ...rest);
  };
  return tally;
}

/** The server's `total_commands_processed` (every client's commands). */
export async function serverCommands(redis) {
  const stats = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(stats)?.[1] ?? Number.NaN);
}
