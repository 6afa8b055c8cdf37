import { ConfigError, type EventBus, type EventLog, parseConfig, registerSecret } from '@reelsmith/core';
import { z } from 'zod';
import { dashboardDefaults, defaultQuotaLimits, type QuotaLimit } from './dashboard-defaults.js';

/** Spending targets the page compares costs against. */
export interface DashboardBudget {
  /** Target cost of one video (a run), in USD — usually the pipeline's `budget.perRunUsd`. */
  perRunUsd?: number;
  /** Target spending per day, in USD. */
  perDayUsd?: number;
}

/** Options of {@link createDashboard}. */
export interface DashboardOptions {
  /**
   * The durable event log: history is rebuilt from it at start, so restarting loses nothing.
   * Usually `createJsonlEventLog('.reelsmith/events.jsonl')`.
   */
  log: EventLog;
  /**
   * The live event stream. When given, new events come from the bus (lowest latency) and are
   * appended to `log` unless `record` is false. When absent, the dashboard follows `log`
   * (polling `read({ afterSeq })`), so it can watch workers in other processes.
   */
  events?: EventBus;
  /**
   * Append the bus's events to `log`; default true. Set false when the app already calls
   * `recordEvents(bus, log)` on the same log, so nothing is recorded twice.
   */
  record?: boolean;
  /** Port; default 4700. `0` picks a free one (read it from `url`). */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. Any other host requires `token`. */
  host?: string;
  /**
   * Access token (at least 24 characters): `Authorization: Bearer <token>` for API clients, or
   * the one-time login link for browsers. Required when `host` is not a loopback address.
   */
  token?: string;
  /** Spending targets shown against cost per video and cost per day. */
  budget?: DashboardBudget;
  /** Quotas to show usage against; default {@link defaultQuotaLimits}. Replaces the defaults. */
  limits?: readonly QuotaLimit[];
  /** How often the log is read when following it, in ms; default 1000. */
  pollMs?: number;
  /** How far back the log is read at start, in days; default 90. */
  historyDays?: number;
  /** Runs kept in memory; default 5000. */
  maxRuns?: number;
  /** A running run silent this long is shown as stale, in ms; default 30 min. */
  staleAfterMs?: number;
  /** Extra values to redact from every page and answer (webhook URLs, tokens). */
  secrets?: readonly string[];
  /** Clock, for tests. */
  now?: () => number;
}

/** {@link DashboardOptions} with defaults applied. */
export interface ResolvedDashboardOptions {
  log: EventLog;
  events: EventBus | undefined;
  record: boolean;
  port: number;
  host: string;
  token: string | undefined;
  budget: DashboardBudget;
  limits: readonly QuotaLimit[];
  pollMs: number;
  historyDays: number;
  maxRuns: number;
  staleAfterMs: number;
  secrets: readonly string[];
  now: () => number;
}

const usd = z.number().finite().positive();
const counterSchema = z.discriminatedUnion('from', [
  z
    .object({
      from: z.literal('calls'),
      unitsPerCall: z.record(z.string(), z.number().finite().nonnegative()).optional(),
      defaultUnitsPerCall: z.number().finite().nonnegative().optional(),
    })
    .strict(),
  z.object({ from: z.literal('publishes') }).strict(),
  z.object({ from: z.literal('cost'), unit: z.string().min(1).optional(), usdPerUnit: usd }).strict(),
]);
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');
const quotaSchema = z
  .object({
    label: z.string().min(1).max(80),
    match: z.string().min(1).max(200),
    unit: z.string().min(1).max(40),
    limit: z.number().finite().positive(),
    window: z.enum(['day', 'rolling-24h', 'month']),
    timeZone: timeZone.optional(),
    counter: counterSchema,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
    source: z.string().max(500).optional(),
  })
  .strict();

const schema = z
  .object({
    log: z.custom<EventLog>(
      (value) =>
        typeof (value as EventLog)?.read === 'function' && typeof (value as EventLog)?.append === 'function',
      'expected an EventLog, e.g. createJsonlEventLog(file)',
    ),
    events: z
      .custom<EventBus>(
        (value) => typeof (value as EventBus)?.onAny === 'function',
        'expected an EventBus from createEventBus()',
      )
      .optional(),
    record: z.boolean().optional(),
    port: z.number().int().min(0).max(65_535).optional(),
    host: z.string().min(1).max(255).optional(),
    token: z.string().min(dashboardDefaults.minTokenLength).max(512).optional(),
    budget: z.object({ perRunUsd: usd.optional(), perDayUsd: usd.optional() }).strict().optional(),
    limits: z.array(quotaSchema).max(50).optional(),
    pollMs: z.number().int().min(50).max(600_000).optional(),
    historyDays: z.number().int().min(1).max(3_650).optional(),
    maxRuns: z.number().int().min(1).max(1_000_000).optional(),
    staleAfterMs: z.number().int().positive().optional(),
    secrets: z.array(z.string()).optional(),
    now: z.function().optional(),
  })
  .strict();

const hints = {
  log: "pass an EventLog, e.g. createJsonlEventLog('.reelsmith/events.jsonl')",
  events: 'pass the pipeline’s bus (pipeline.events) or leave it out to follow the log',
  port: 'use an integer from 0 to 65535 (0 picks a free port)',
  token: `use a random string of at least ${dashboardDefaults.minTokenLength} characters, e.g. \`openssl rand -hex 32\``,
  budget: 'use { perRunUsd?: number, perDayUsd?: number } with positive amounts',
  limits:
    'pass QuotaLimit objects, e.g. [...defaultQuotaLimits, { label, match, unit, limit, window, counter, date }]',
};

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * Validates {@link DashboardOptions} and applies defaults. Registers `token` and `secrets` as
 * secrets so they are redacted everywhere.
 *
 * @throws {ConfigError} naming the field and the fix; also when `host` is not a loopback
 * address and no `token` is given.
 */
export function resolveDashboardOptions(options: DashboardOptions): ResolvedDashboardOptions {
  const parsed = parseConfig('createDashboard', schema, options, hints);
  const host = parsed.host ?? dashboardDefaults.host;
  if (!isLoopbackHost(host) && parsed.token === undefined) {
    throw new ConfigError('createDashboard', [
      {
        field: 'token',
        problem: `the dashboard would listen on ${host}, reachable from other machines, without a token`,
        fix: 'pass token (e.g. `openssl rand -hex 32`) or bind to 127.0.0.1 and use an SSH tunnel',
      },
    ]);
  }
  registerSecret(parsed.token, ...(parsed.secrets ?? []));
  return {
    log: options.log,
    events: options.events,
    record: parsed.record ?? true,
    port: parsed.port ?? dashboardDefaults.port,
    host,
    token: parsed.token,
    budget: parsed.budget ?? {},
    limits: parsed.limits ?? defaultQuotaLimits,
    pollMs: parsed.pollMs ?? dashboardDefaults.pollMs,
    historyDays: parsed.historyDays ?? dashboardDefaults.historyDays,
    maxRuns: parsed.maxRuns ?? dashboardDefaults.maxRuns,
    staleAfterMs: parsed.staleAfterMs ?? dashboardDefaults.staleAfterMs,
    secrets: [...(parsed.secrets ?? []), ...(parsed.token ? [parsed.token] : [])],
    now: options.now ?? Date.now,
  };
}
