import type { PublishState } from '@reelsmith/core';

/** A `PublishState` in memory (JSON round-tripped like the checkpoint store), with its entries visible. */
export function createMemoryState(): PublishState & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (key) => (entries.has(key) ? JSON.parse(JSON.stringify(entries.get(key))) : undefined),
    set: async (key, value) => {
      entries.set(key, JSON.parse(JSON.stringify(value)));
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}
