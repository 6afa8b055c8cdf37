import { EventEmitter } from 'eventemitter3';
import { summarizeError } from '../errors/summarize-error.js';
import { redactValue } from '../secrets/redact.js';
import type { ReelsmithEventName, ReelsmithEvents } from './event-map.js';

/** A listener of one event. */
export type Listener<E extends ReelsmithEventName> = (payload: ReelsmithEvents[E]) => void;

/**
 * The typed event stream of Reelsmith. Listeners cannot break a run: a listener that throws
 * is reported as `listener:error` and the run goes on. Payloads are redacted before delivery.
 *
 * @example
 * ```ts
 * const events = createEventBus();
 * events.on('provider:fallback', (e) => console.log(`${e.from} → ${e.to}: ${e.reason}`));
 * ```
 */
export interface EventBus {
  on<E extends ReelsmithEventName>(event: E, listener: Listener<E>): this;
  once<E extends ReelsmithEventName>(event: E, listener: Listener<E>): this;
  off<E extends ReelsmithEventName>(event: E, listener?: Listener<E>): this;
  /** Listens to every event; the listener gets the name and the payload. */
  onAny(listener: (event: ReelsmithEventName, payload: unknown) => void): () => void;
  emit<E extends ReelsmithEventName>(event: E, payload: ReelsmithEvents[E]): void;
}

/** Options of {@link createEventBus}. */
export interface EventBusOptions {
  /** Extra values to redact from payloads, beyond the registered secrets. */
  secrets?: readonly string[];
}

class SafeEventBus implements EventBus {
  readonly #emitter = new EventEmitter();
  readonly #any = new Set<(event: ReelsmithEventName, payload: unknown) => void>();
  readonly #secrets: readonly string[];

  constructor(options: EventBusOptions) {
    this.#secrets = options.secrets ?? [];
  }

  on<E extends ReelsmithEventName>(event: E, listener: Listener<E>): this {
    this.#emitter.on(event, listener as (payload: unknown) => void);
    return this;
  }

  once<E extends ReelsmithEventName>(event: E, listener: Listener<E>): this {
    this.#emitter.once(event, listener as (payload: unknown) => void);
    return this;
  }

  off<E extends ReelsmithEventName>(event: E, listener?: Listener<E>): this {
    this.#emitter.off(event, listener as ((payload: unknown) => void) | undefined);
    return this;
  }

  onAny(listener: (event: ReelsmithEventName, payload: unknown) => void): () => void {
    this.#any.add(listener);
    return () => this.#any.delete(listener);
  }

  emit<E extends ReelsmithEventName>(event: E, payload: ReelsmithEvents[E]): void {
    const listeners = this.#emitter.listeners(event);
    if (listeners.length === 0 && this.#any.size === 0) return;
    const safe = redactValue(payload, this.#secrets);
    for (const listener of listeners) this.#deliver(event, () => listener(safe));
    for (const listener of this.#any) this.#deliver(event, () => listener(event, safe));
  }

  #deliver(event: ReelsmithEventName, call: () => unknown): void {
    try {
      const result = call();
      if (result instanceof Promise) result.catch((error: unknown) => this.#listenerFailed(event, error));
    } catch (error) {
      this.#listenerFailed(event, error);
    }
  }

  #listenerFailed(event: ReelsmithEventName, error: unknown): void {
    if (event === 'listener:error') return;
    this.emit('listener:error', { event, error: summarizeError(error) });
  }
}

/** Creates an {@link EventBus}. */
export function createEventBus(options: EventBusOptions = {}): EventBus {
  return new SafeEventBus(options);
}
