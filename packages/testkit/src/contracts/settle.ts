/** @internal How a promise ended within a time limit. */
export type Settled<T> =
  | { state: 'resolved'; value: T; elapsedMs: number }
  | { state: 'rejected'; error: unknown; elapsedMs: number }
  | { state: 'pending'; elapsedMs: number };

/** @internal Waits for `promise` at most `limitMs`; never rejects. */
export async function settleWithin<T>(promise: Promise<T>, limitMs: number): Promise<Settled<T>> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), limitMs);
  });
  try {
    const outcome = await Promise.race([
      promise.then(
        (value) => ({ state: 'resolved' as const, value }),
        (error: unknown) => ({ state: 'rejected' as const, error }),
      ),
      pending,
    ]);
    const elapsedMs = Date.now() - started;
    return outcome === 'pending' ? { state: 'pending', elapsedMs } : { ...outcome, elapsedMs };
  } finally {
    clearTimeout(timer);
  }
}
