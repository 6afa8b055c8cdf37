import { parseConfig } from '@reelsmith/core';
import type { Alert } from './alert.js';
import { type AlertsOptions, alertsHints, alertsOptionsSchema } from './alerts-options.js';
import { dispatchAlert } from './channels/dispatch.js';
import { systemClock } from './delivery/clock.js';
import { Deduper } from './delivery/deduper.js';
import type { ChannelStatus, DeliveryRecord } from './delivery/delivery-record.js';
import { createLocalLogWriter } from './delivery/local-log.js';
import type { AlertRule, RaiseInput, RuleContext } from './rules/alert-rule.js';
import { breakerOpenRule } from './rules/breaker-open-rule.js';
import { budgetRule } from './rules/budget-rule.js';
import { diskSpaceRule } from './rules/disk-space-rule.js';
import { quotaRule } from './rules/quota-rule.js';
import { runFailedRule } from './rules/run-failed-rule.js';
import { successRateRule } from './rules/success-rate-rule.js';
import { tokenExpiringRule, tokenInvalidRule } from './rules/token-rules.js';

/** What {@link createAlerts} returns. */
export interface Alerts {
  /** The rules that run, by name. */
  readonly rules: readonly string[];
  /** Resolves once the event log's history was read into the rules (immediately without a log). */
  readonly ready: Promise<void>;
  /** Raises an alert of your own (de-duplicated by `key`, redacted). Resolves with the delivery records ([] when suppressed). */
  notify(alert: RaiseInput & { rule?: string }): Promise<DeliveryRecord[]>;
  /** Resolves when every alert raised so far was delivered or given up on, and the local log is written. */
  flush(): Promise<void>;
  /** Each channel's state: disabled or not, counts, recent deliveries. */
  status(): ChannelStatus[];
  /** Stops the rules (unsubscribes, stops timers), flushes, and closes the channels. */
  close(): Promise<void>;
}

const enabled = <T extends object>(value: boolean | T | undefined, byDefault: boolean): T | undefined => {
  if (value === undefined) return byDefault ? ({} as T) : undefined;
  if (value === false) return undefined;
  return value === true ? ({} as T) : value;
};

/**
 * Watches a pipeline's events and sends alerts to Slack, Discord or email: failed runs (with
 * the cause and the fix), open circuit breakers, budget overruns, expiring and invalid tokens,
 * nearly used quotas, low disk space, and a falling success rate. One alert per distinct cause
 * per window (retries of the same failure do not multiply alerts); every alert is redacted,
 * kept in the local log, and can never break a run.
 *
 * @example
 * ```ts
 * const alerts = createAlerts({
 *   events: pipeline.events,
 *   log: createJsonlEventLog('.reelsmith/events.jsonl'),
 *   channels: [createSlackChannel({ webhookUrl: process.env.SLACK_WEBHOOK_URL! })],
 *   rules: { budget: { perRunUsd: 2, dailyUsd: 20 }, diskSpace: { path: '.reelsmith/media' } },
 * });
 * ```
 */
export function createAlerts(options: AlertsOptions): Alerts {
  const parsed = parseConfig('createAlerts', alertsOptionsSchema, options, alertsHints);
  const clock = parsed.clock ?? systemClock;
  const rulesOptions = options.rules ?? {};
  const channels = parsed.channels;
  const deduper = new Deduper(() => clock.now());
  const localLog = createLocalLogWriter(options.localLog);
  const pending = new Set<Promise<unknown>>();
  const startedAt = new Date(clock.now()).toISOString();

  const runFailed = enabled(rulesOptions.runFailed, true);
  const rules: AlertRule[] = [];
  if (runFailed) rules.push(runFailedRule(runFailed));
  const breaker = enabled(rulesOptions.breakerOpen, true);
  if (breaker) rules.push(breakerOpenRule(breaker, runFailed !== undefined));
  const budget = enabled(rulesOptions.budget, false);
  if (budget && (budget.perRunUsd !== undefined || budget.dailyUsd !== undefined))
    rules.push(budgetRule(budget));
  const expiring = enabled(rulesOptions.tokenExpiring, true);
  if (expiring) rules.push(tokenExpiringRule(expiring));
  const invalid = enabled(rulesOptions.tokenInvalid, true);
  if (invalid) rules.push(tokenInvalidRule(invalid));
  const quota = enabled(rulesOptions.quota, false);
  if (quota && quota.meters.length > 0) rules.push(quotaRule(quota));
  const disk = enabled(rulesOptions.diskSpace, false);
  if (disk) rules.push(diskSpaceRule(disk));
  const successRate = enabled(rulesOptions.successRate, true);
  if (successRate) rules.push(successRateRule(successRate));
  rules.push(...(rulesOptions.custom ?? []));

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
    return promise;
  };

  const raise = (rule: string, input: RaiseInput): Promise<DeliveryRecord[]> => {
    try {
      const { windowMs, ...rest } = input;
      const decision = deduper.check(input.key, windowMs ?? parsed.dedupeWindowMs);
      const at = new Date(clock.now()).toISOString();
      if (!decision.send) {
        localLog.write({ type: 'suppressed', at, key: input.key, rule });
        return Promise.resolve([]);
      }
      const alert: Alert = { ...rest, rule, at: input.at ?? at };
      if (decision.repeats > 0) alert.repeats = decision.repeats;
      localLog.write({ type: 'alert', at, alert });
      return track(
        dispatchAlert(alert, channels).then((records) => {
          for (const record of records) localLog.write({ type: 'delivery', at: record.at, record });
          return records;
        }),
      ).catch(() => []);
    } catch {
      // Alerting must never break the job that emitted the event.
      return Promise.resolve([]);
    }
  };

  const context: RuleContext = {
    events: parsed.events,
    clock,
    raise: (rule, input) => {
      void raise(rule, input);
    },
  };
  const stops = rules.map((rule) => rule.start(context));

  const ready = (async () => {
    if (!parsed.log || !rules.some((rule) => rule.seed)) return;
    try {
      const since = new Date(clock.now() - parsed.historyMs).toISOString();
      const records = (await parsed.log.read({ since })).filter((record) => record.at < startedAt);
      for (const rule of rules) rule.seed?.(records);
    } catch {
      // Without history the rules start from zero.
    }
  })();

  const flush = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
    await Promise.all(channels.map((channel) => channel.drain()));
    await localLog.flushed();
  };

  return {
    rules: rules.map((rule) => rule.name),
    ready,
    notify: ({ rule, ...input }) => raise(rule ?? 'manual', input),
    flush,
    status: () => channels.map((channel) => channel.status()),
    async close() {
      for (const stop of stops) stop();
      await flush();
      await Promise.all(channels.map((channel) => channel.close()));
    },
  };
}
