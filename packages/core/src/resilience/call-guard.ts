/**
 * One call's cancellation, for plugin authors wrapping an SDK: aborts when the caller's signal
 * aborts or when the provider's timeout passes, and lets the call reject at once even while a
 * step ignores the signal (a token fetch, an SDK still unwinding).
 *
 * @example
 * ```ts
 * const guard = createCallGuard(options.signal, settings.timeoutMs);
 * try {
 *   return await guard.run(sdk.generate(input, { signal: guard.signal }));
 * } catch (error) {
 *   throw guard.timedOut() ? new ProviderError({ kind: 'transient', provider: id, message: 'timed out' }) : error;
 * } finally {
 *   guard.dispose();
 * }
 * ```
 */
export interface CallGuard {
  /** Pass it to every request of the call. */
  readonly signal: AbortSignal;
  /** True when the timeout (not the caller) aborted the call. */
  timedOut(): boolean;
  /** Settles like `promise`, or rejects as soon as the guard aborts. */
  run<T>(promise: Promise<T>): Promise<T>;
  /** Clears the timer and listeners. */
  dispose(): void;
}

/** Creates a {@link CallGuard} for a call with `timeoutMs` and the caller's optional signal. */
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
