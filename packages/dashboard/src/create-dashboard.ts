import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactText } from '@reelsmith/core';
import { dashboardDefaults } from './dashboard-defaults.js';
import { type DashboardOptions, resolveDashboardOptions } from './dashboard-options.js';
import { AccessControl } from './server/access-control.js';
import { type EventFeed, startEventFeed } from './server/event-feed.js';
import { handleRequest } from './server/routes.js';
import { SseHub } from './server/sse-hub.js';
import { DashboardState } from './state/dashboard-state.js';

/** A running dashboard. */
export interface Dashboard {
  /** Where it listens, e.g. `http://127.0.0.1:4700/`. Holds no secret: safe to print. */
  readonly url: string;
  /**
   * A one-time login link (valid for 10 minutes) that sets an HttpOnly session cookie; undefined
   * without a token. It is a secret until used: print it only to the person who runs the command.
   */
  createLoginUrl(): string | undefined;
  /** Stops the feed, closes event streams and the server. */
  close(): Promise<void>;
}

/** How often changed runs are pushed to the page, in ms. */
const pushMs = 200;
/** How often the page is told to refresh its figures while events arrive, in ms. */
const statsMs = 2_000;

/**
 * Starts the dashboard: rebuilds its state from the event log, then follows new events (from
 * `events` when given, else by polling the log) and serves the page, a JSON API and a
 * Server-Sent Events stream. See the README for the API and the security model.
 *
 * @throws {ConfigError} when an option is invalid, or when `host` is not a loopback address and
 * no `token` is given.
 *
 * @example
 * ```ts
 * const log = createJsonlEventLog('.reelsmith/events.jsonl');
 * const dashboard = await createDashboard({ log, events: pipeline.events, budget: { perRunUsd: 0.5 } });
 * console.log(`dashboard: ${dashboard.url}`);
 * ```
 */
export async function createDashboard(options: DashboardOptions): Promise<Dashboard> {
  const resolved = resolveDashboardOptions(options);
  const state = new DashboardState({ maxRuns: resolved.maxRuns, secrets: resolved.secrets });
  const access = new AccessControl({
    token: resolved.token,
    loginLinkMs: dashboardDefaults.loginLinkMs,
    now: resolved.now,
  });
  const hub = new SseHub({
    maxStreams: dashboardDefaults.maxStreams,
    heartbeatMs: dashboardDefaults.heartbeatMs,
  });

  const changed = new Set<string>();
  let statsDue = false;
  let historyLoaded = false;
  const pushTimer = setInterval(() => {
    if (changed.size === 0) return;
    for (const runId of changed) {
      const run = state.run(runId, resolved.now(), resolved.staleAfterMs);
      if (run) hub.broadcast('run', run);
    }
    changed.clear();
  }, pushMs);
  pushTimer.unref();
  const statsTimer = setInterval(() => {
    if (!statsDue) return;
    statsDue = false;
    hub.broadcast('stats', { at: new Date(resolved.now()).toISOString() });
  }, statsMs);
  statsTimer.unref();

  const since = new Date(resolved.now() - resolved.historyDays * 86_400_000).toISOString();
  let feed: EventFeed;
  try {
    feed = await startEventFeed({
      log: resolved.log,
      events: resolved.events,
      record: resolved.record,
      pollMs: resolved.pollMs,
      since,
      now: resolved.now,
      onRecord: (record) => {
        const runId = state.apply(record);
        if (!historyLoaded) return;
        if (runId !== undefined) changed.add(runId);
        statsDue = true;
      },
      onError: (error) => {
        process.emitWarning(
          redactText(`[reelsmith] dashboard could not read ${resolved.log.id}: ${String(error)}`),
        );
      },
    });
  } catch (error) {
    clearInterval(pushTimer);
    clearInterval(statsTimer);
    hub.close();
    throw error;
  }
  historyLoaded = true;

  const server = createServer((request, response) => {
    handleRequest(
      {
        state,
        access,
        hub,
        limits: resolved.limits,
        budget: resolved.budget,
        staleAfterMs: resolved.staleAfterMs,
        secrets: resolved.secrets,
        now: resolved.now,
        source: resolved.events ? 'event bus' : `log ${resolved.log.id}`,
      },
      request,
      response,
    ).catch(() => {
      if (!response.headersSent)
        response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      const body = '{"error":"internal","message":"the dashboard failed to answer; see its console"}';
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(resolved.port, resolved.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(pushTimer);
    clearInterval(statsTimer);
    hub.close();
    await feed.stop();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  access.bind(port, resolved.host);
  const host =
    resolved.host.includes(':') && !resolved.host.startsWith('[') ? `[${resolved.host}]` : resolved.host;
  const url = `http://${host}:${port}/`;

  let closing: Promise<void> | undefined;
  return {
    url,
    createLoginUrl() {
      const code = access.createLoginCode();
      return code === undefined ? undefined : `${url}login?code=${code}`;
    },
    close() {
      closing ??= (async () => {
        clearInterval(pushTimer);
        clearInterval(statsTimer);
        await feed.stop();
        hub.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
