import type { EventBus, EventRecord, Listener, ReelsmithEventName } from '@reelsmith/core';
import type { Alert } from '../alert.js';
import type { AlertClock } from '../delivery/clock.js';

/** What a rule passes to `raise`: an alert without the fields `createAlerts` fills in. */
export interface RaiseInput extends Omit<Alert, 'rule' | 'at' | 'repeats'> {
  /** Default: now. */
  at?: string;
  /** De-duplication window of this alert's key; default the rule's or the global window. */
  windowMs?: number;
}

/** What a rule gets when it starts. */
export interface RuleContext {
  readonly events: EventBus;
  readonly clock: AlertClock;
  /** Raises an alert (de-duplicated, redacted, sent to the channels). Never throws. */
  raise(rule: string, alert: RaiseInput): void;
}

/**
 * One alert rule. The built-in rules implement it; pass your own in `rules.custom`.
 *
 * @example
 * ```ts
 * const slowRender: AlertRule = {
 *   name: 'slow-render',
 *   start({ events, raise }) {
 *     const listener = (e: ReelsmithEvents['phase:end']) => {
 *       if (e.phase === 'render' && e.durationMs > 600_000)
 *         raise('slow-render', { key: 'slow-render', severity: 'warning', title: 'Render took over 10 min', message: `Run ${e.runId}` });
 *     };
 *     events.on('phase:end', listener);
 *     return () => events.off('phase:end', listener);
 *   },
 * };
 * ```
 */
export interface AlertRule {
  readonly name: string;
  /** Receives the event log's recent history (older than the rule's start) to rebuild counters. Raises nothing. */
  seed?(records: readonly EventRecord[]): void;
  /** Subscribes to the bus (and starts timers); returns the function that stops it. */
  start(context: RuleContext): () => void;
}

/** @internal Subscribes `listener` to `event` and returns the unsubscribe function. */
export function listen<E extends ReelsmithEventName>(
  events: EventBus,
  event: E,
  listener: Listener<E>,
): () => void {
  events.on(event, listener);
  return () => events.off(event, listener);
}
