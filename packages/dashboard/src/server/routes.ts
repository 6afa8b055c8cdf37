import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactText } from '@reelsmith/core';
import { costPerDayChart, phaseTimesChart, successRateChart } from '../charts/charts.js';
import { dashboardDefaults, type QuotaLimit } from '../dashboard-defaults.js';
import type { DashboardBudget } from '../dashboard-options.js';
import { loadAsset, pageFileFor } from '../page-assets.js';
import { type DashboardState, summarizeRun } from '../state/dashboard-state.js';
import type { RunView } from '../state/run-view.js';
import { computeStats, type DashboardStats } from '../stats/compute-stats.js';
import { type AccessControl, sessionCookie } from './access-control.js';
import {
  firstIssue,
  loginQuerySchema,
  runIdSchema,
  runsQuerySchema,
  searchToObject,
  statsQuerySchema,
} from './query-schemas.js';
import { badRequest, sendBody, sendError, sendJson } from './respond.js';
import { applySecurityHeaders } from './security-headers.js';
import type { SseHub } from './sse-hub.js';

/** What the request handler reads. */
export interface RouteContext {
  state: DashboardState;
  access: AccessControl;
  hub: SseHub;
  limits: readonly QuotaLimit[];
  budget: DashboardBudget;
  staleAfterMs: number;
  secrets: readonly string[];
  now: () => number;
  /** Where the events come from, for `/api/health`. */
  source: string;
}

const charts: Record<string, (stats: DashboardStats) => string> = {
  'phase-times.svg': (stats) => phaseTimesChart(stats.phaseTimes),
  'cost-per-day.svg': (stats) => costPerDayChart(stats.byDay, stats.cost.budgetPerDayUsd),
  'success-rate.svg': (stats) => successRateChart(stats.byDay),
};

function parseQuery<T>(
  response: ServerResponse,
  search: URLSearchParams,
  schema: {
    safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError };
  },
): T | undefined {
  const raw = searchToObject(search);
  if ('repeated' in raw) {
    badRequest(response, raw.repeated, 'given more than once');
    return undefined;
  }
  const parsed = schema.safeParse(raw.value);
  if (parsed.success) return parsed.data;
  const { param, problem } = firstIssue(parsed.error, 'query');
  badRequest(response, param, problem);
  return undefined;
}

/**
 * Serves one request: the page, its files, the JSON API and the event stream. `HEAD` gets the
 * headers `GET` would get and no body (and opens no event stream).
 */
export async function handleRequest(
  context: RouteContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  applySecurityHeaders(response);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendError(response, 405, 'method_not_allowed', 'the dashboard is read-only: use GET');
    return;
  }
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://dashboard.invalid');
  } catch {
    badRequest(response, 'path', 'malformed URL');
    return;
  }
  const path = url.pathname;

  if (path === '/login') {
    // A HEAD (a link preview, a prefetch) must not use up the one-time code.
    if (request.method === 'HEAD') {
      response.setHeader('Allow', 'GET');
      return sendError(response, 405, 'method_not_allowed', 'open the login link with GET');
    }
    return login(context, url, response);
  }
  const access = context.access.check(request);
  if (!access.ok) {
    if (access.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="reelsmith-dashboard"');
    if (path.startsWith('/api/')) return sendError(response, access.status, 'unauthorized', access.message);
    const text = `${access.message}\nRun \`reelsmith dashboard\` again to get a fresh login link.\n`;
    return sendBody(response, access.status, 'text/plain; charset=utf-8', text);
  }

  const file = pageFileFor(path);
  if (file) {
    const asset = await loadAsset(file);
    return sendBody(response, 200, asset.contentType, asset.body);
  }
  if (path === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  if (path === '/api/health') {
    sendJson(
      response,
      200,
      { ok: true, source: context.source, events: context.state.applied, streams: context.hub.size },
      context.secrets,
    );
    return;
  }
  if (path === '/api/runs') return listRuns(context, url, response);
  if (path.startsWith('/api/runs/')) return getRun(context, path.slice('/api/runs/'.length), response);
  if (path === '/api/stats') {
    const stats = statsFor(context, url, response);
    if (stats) sendJson(response, 200, stats, context.secrets);
    return;
  }
  if (path.startsWith('/api/charts/')) {
    const chart = charts[path.slice('/api/charts/'.length)];
    if (!chart)
      return sendError(
        response,
        404,
        'not_found',
        `no chart at ${path}; use ${Object.keys(charts).join(', ')}`,
      );
    const stats = statsFor(context, url, response);
    if (!stats) return;
    return sendBody(response, 200, 'image/svg+xml; charset=utf-8', redactText(chart(stats), context.secrets));
  }
  if (path === '/api/events') {
    if (url.search !== '')
      return badRequest(response, [...url.searchParams.keys()][0] ?? 'query', 'unknown parameter');
    if (request.method === 'HEAD') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' }).end();
      return;
    }
    if (!context.hub.open(response, { events: context.state.applied })) {
      sendError(
        response,
        503,
        'too_many_streams',
        'too many open event streams; close another dashboard tab',
      );
    }
    return;
  }
  sendError(response, 404, 'not_found', `nothing at ${path}`);
}

function login(context: RouteContext, url: URL, response: ServerResponse): void {
  const query = parseQuery(response, url.searchParams, loginQuerySchema);
  if (!query) return;
  const session = context.access.redeem(query.code);
  if (!session) {
    const text =
      'This login link was already used or has expired. Ask for a new one (`reelsmith dashboard`).\n';
    sendBody(response, 401, 'text/plain; charset=utf-8', text);
    return;
  }
  response.writeHead(303, {
    'Set-Cookie': `${sessionCookie}=${session}; HttpOnly; SameSite=Strict; Path=/`,
    Location: '/',
  });
  response.end();
}

function listRuns(context: RouteContext, url: URL, response: ServerResponse): void {
  const query = parseQuery(response, url.searchParams, runsQuerySchema);
  if (!query) return;
  const limit = query.limit ?? 50;
  const all = context.state.runs(context.now(), context.staleAfterMs);
  const matches = all.filter((run: RunView) => {
    const day = run.startedAt.slice(0, 10);
    if (query.status !== undefined && run.status !== query.status) return false;
    if (query.platform !== undefined && !run.platforms.includes(query.platform)) return false;
    if (query.from !== undefined && day < query.from) return false;
    if (query.to !== undefined && day > query.to) return false;
    if (query.before !== undefined && Date.parse(run.startedAt) >= Date.parse(query.before)) return false;
    return true;
  });
  const platforms = [...new Set(all.flatMap((run) => run.platforms))].sort();
  sendJson(
    response,
    200,
    {
      runs: matches.slice(0, limit).map(summarizeRun),
      total: matches.length,
      more: matches.length > limit,
      platforms,
    },
    context.secrets,
  );
}

function getRun(context: RouteContext, encoded: string, response: ServerResponse): void {
  let runId: string;
  try {
    runId = decodeURIComponent(encoded);
  } catch {
    badRequest(response, 'runId', 'malformed percent-encoding');
    return;
  }
  const parsed = runIdSchema.safeParse(runId);
  const run = parsed.success
    ? context.state.run(parsed.data, context.now(), context.staleAfterMs)
    : undefined;
  if (!parsed.success) badRequest(response, 'runId', parsed.error.issues[0]?.message ?? 'invalid');
  else if (!run) sendError(response, 404, 'not_found', 'no run with this id in the event log');
  else sendJson(response, 200, run, context.secrets);
}

function statsFor(context: RouteContext, url: URL, response: ServerResponse): DashboardStats | undefined {
  const query = parseQuery(response, url.searchParams, statsQuerySchema);
  if (!query) return undefined;
  const now = context.now();
  return computeStats({
    runs: context.state.runs(now, context.staleAfterMs),
    usage: context.state.usage(),
    attention: context.state.attention(),
    limits: context.limits,
    budget: context.budget,
    days: query.days ?? dashboardDefaults.statsDays,
    now,
  });
}
