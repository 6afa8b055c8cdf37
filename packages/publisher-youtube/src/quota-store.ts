import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@reelsmith/core';

/**
 * Where the quota units a project spent today are counted. One counter per Google Cloud project
 * per Pacific day. Plug in your own (Redis, a database) to share it between machines.
 */
export interface YouTubeQuotaStore {
  /** Units spent by `project` on `day` (`YYYY-MM-DD`, Pacific); 0 when nothing is recorded. */
  used(project: string, day: string): Promise<number>;
  /** Adds `units` to the counter of `project` on `day`; resolves with the new total. */
  add(project: string, day: string, units: number): Promise<number>;
}

/**
 * A quota counter held in memory: counts what this process spent. The default of
 * `createYouTubePublisher`; pass one instance to several publishers of the same project so they
 * share it, or use {@link createFileQuotaStore} to keep the count across restarts.
 */
export function createMemoryQuotaStore(): YouTubeQuotaStore {
  const counters = new Map<string, { day: string; units: number }>();
  return {
    async used(project, day) {
      const counter = counters.get(project);
      return counter?.day === day ? counter.units : 0;
    },
    async add(project, day, units) {
      const counter = counters.get(project);
      const total = (counter?.day === day ? counter.units : 0) + units;
      counters.set(project, { day, units: total });
      return total;
    },
  };
}

type QuotaFile = Record<string, { day: string; units: number }>;

/**
 * A quota counter kept in a JSON file (`{ "<project>": { "day": "2026-05-01", "units": 1650 } }`),
 * written atomically, so the count survives restarts and crashes. Writes within one process are
 * serialized; separate processes writing the same file at the same moment can lose an update
 * (use a shared database store for many workers).
 *
 * @example
 * ```ts
 * const quota = { store: createFileQuotaStore('.reelsmith/youtube-quota.json') };
 * ```
 */
export function createFileQuotaStore(file: string): YouTubeQuotaStore {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<QuotaFile> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as QuotaFile) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      // A damaged counter must not stop publishing: start the day over (the service still enforces quota).
      if (error instanceof SyntaxError) return {};
      throw error;
    }
  };
  return {
    async used(project, day) {
      await queue;
      const entry = (await read())[project];
      return entry?.day === day ? entry.units : 0;
    },
    add(project, day, units) {
      const next = queue.then(async () => {
        const data = await read();
        const entry = data[project];
        const total = (entry?.day === day ? entry.units : 0) + units;
        data[project] = { day, units: total };
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
        return total;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
