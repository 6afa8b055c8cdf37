// Live runs: each running (or recently ended) run as a card with its phases, progress and error.
import { getJson } from './api.js';
import { $, h } from './dom.js';
import { formatMs, formatUsd, time } from './format.js';
import { view } from './state.js';
import { badge, errorBox, outputLinks, runLink } from './widgets.js';

/** How long an ended run stays in the live list. */
const liveWindowMs = 15 * 60_000;

function phaseChips(phases) {
  return h(
    'ol',
    { className: 'phases', 'aria-label': 'Phases' },
    phases.map((phase) => {
      const provider =
        phase.providers && phase.providers.length > 0 ? ` · ${phase.providers.join(', ')}` : '';
      const extra = [];
      if (phase.retries > 0) extra.push(`${phase.retries} retr${phase.retries === 1 ? 'y' : 'ies'}`);
      if (phase.fallbacks && phase.fallbacks.length > 0)
        extra.push(`fallback ${phase.fallbacks.map((f) => `${f.from} → ${f.to || '?'}`).join(', ')}`);
      const progress =
        phase.status === 'running' && typeof phase.fraction === 'number'
          ? ` ${Math.round(phase.fraction * 100)}%`
          : '';
      return h('li', { 'data-phase': phase.name }, [
        `${phase.name}${progress}${provider}${extra.length ? ` (${extra.join('; ')})` : ''}`,
        badge(phase.status, false),
      ]);
    }),
  );
}

function progressLine(run) {
  const current = run.current;
  if (run.status !== 'running' || !current) return undefined;
  const label = `Progress of ${current.phase}`;
  const bar =
    typeof current.fraction === 'number'
      ? h('progress', { max: 1, value: current.fraction, 'aria-label': label })
      : h('progress', { 'aria-label': label });
  const pct = typeof current.fraction === 'number' ? ` ${Math.round(current.fraction * 100)}%` : '';
  return h('p', { className: 'progress-line', 'data-progress': current.fraction ?? '' }, [
    bar,
    `${current.phase}${pct}${current.message ? ` — ${current.message}` : ''}`,
  ]);
}

function runCard(run) {
  const outputs = run.outputs.filter((output) => output.url);
  return h('article', { className: 'run-card', 'data-run-id': run.runId, 'aria-label': `Run ${run.runId}` }, [
    h('h3', {}, [runLink(run.runId), badge(run.status, run.stale)]),
    h('p', { className: 'run-meta' }, [
      `${run.title ? `${run.title} · ` : ''}started ${time(run.startedAt)}${run.jobId ? ` · job ${run.jobId}` : ''} · ${formatUsd(run.costUsd)}` +
        `${run.durationMs !== undefined ? ` · ${formatMs(run.durationMs)}` : ''}` +
        `${run.retries ? ` · ${run.retries} retries` : ''}${run.fallbacks ? ` · ${run.fallbacks} fallbacks` : ''}`,
    ]),
    progressLine(run),
    phaseChips(run.phases || []),
    errorBox(run.error),
    outputs.length ? h('p', { className: 'run-meta' }, ['Posts: ', ...outputLinks(outputs)]) : undefined,
  ]);
}

/** Draws the live list from `view.live`; ended runs drop out after {@link liveWindowMs}. */
export function renderLive() {
  const now = Date.now();
  const runs = [...view.live.values()]
    .filter(
      (run) => run.status === 'running' || Date.parse(run.endedAt || run.lastEventAt) > now - liveWindowMs,
    )
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  const container = $('#live-runs');
  container.className = 'live-runs';
  container.replaceChildren(
    ...(runs.length ? runs.map(runCard) : [h('p', { className: 'hint', text: 'No run is running.' })]),
  );
}

/** Loads the running and recent runs once; the event stream keeps them current afterwards. */
export async function loadLive() {
  const [running, recent] = await Promise.all([
    getJson('/api/runs?status=running&limit=100'),
    getJson('/api/runs?limit=30'),
  ]);
  for (const summary of [...running.runs, ...recent.runs]) {
    if (view.live.has(summary.runId)) continue;
    const full = await getJson(`/api/runs/${encodeURIComponent(summary.runId)}`);
    view.live.set(full.runId, full);
  }
  renderLive();
}

/** Takes a run pushed by the event stream. */
export function updateLiveRun(run) {
  view.live.set(run.runId, run);
  renderLive();
}
