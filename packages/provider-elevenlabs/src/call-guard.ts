/**
 * One request's cancellation: aborts when the caller's signal aborts or when the time limit
 * passes, and lets the request reject at once even while the SDK is still unwinding.
 */
export interface CallGuard {
  /** Pass it to the request. */
  readonly signal: AbortSignal;
  /** True when the time limit (not the caller) aborted the request. */
  timedOut(): boolean;
  /** Settles like `promise`, or rejects as soon as the guard aborts. */
  run<T>(promise: Promise<T>): Promise<T>;
  /** Clears the timer and listeners. */
  dispose(): void;
}

/** Creates a {@link CallGuard} for a request with `timeoutMs` and the caller's optional signal. */
export function createCallGuard(callerSignal: AbortSignal | undefined, timeoutMs: number): CallGuard {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  return {
    signal: controller.signal,
    timedOut: () => expired,
    run<T>(promise: Promise<T>): Promise<T> {
      // The losing promise may still reject later; keep that rejection handled.
      promise.catch(() => undefined);
      if (controller.signal.aborted) return Promise.reject(controller.signal.reason);
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(controller.signal.reason);
        controller.signal.addEventListener('abort', onAbort, { once: true });
        promise.then(
          (value) => {
            controller.signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            controller.signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
