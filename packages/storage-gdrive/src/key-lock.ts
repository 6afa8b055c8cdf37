/** Runs tasks one at a time per key; different keys run in parallel. */
export type KeyLock = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * Creates a {@link KeyLock}. Two `put`s of one key in the same process then cannot both create
 * a file, and permission changes on one file are serialized (Drive applies them last-write-wins).
 */
export function createKeyLock(): KeyLock {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
