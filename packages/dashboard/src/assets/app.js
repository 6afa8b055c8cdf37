// The dashboard page: renders /api data into the DOM (textContent only) and follows /api/events.
const liveWindowMs = 15 * 60_000;
const view = { days: 14, filters: {}, live: new Map(), selected: undefined };
const symbols = { succeeded: '✓', failed: '✗', running: '●', cancelled: '■', skipped: '↷', stale: '!' };

const $ = (selector) => document.querySelector(selector);

function h(tag, props, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children || []) {
    if (child === undefined || child === null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function svg(tag, attributes, children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
  for (const child of children || []) node.append(child);
  return node;
}

function formatMs(ms) {
  if (ms === undefined || ms === null) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

function formatUsd(usd) {
  if (usd === undefined || usd === null) return '–';
  return `$${usd.toFixed(usd !== 0 && Math.abs(usd) < 1 ? 4 : 2)}`;
}

const percent = (value) => (value === null || value === undefined ? 'n/a' : `${Math.round(value * 100)}%`);
const time = (iso) => (iso ? iso.replace('T', ' ').slice(0, 19) : '–');

function badge(status, stale) {
  const shown = stale ? 'stale' : status;
  const label = stale ? 'running, no events lately' : status;
  return h('span', { className: `badge status-${shown}`, 'data-status': shown }, [
    `${symbols[shown] || ''} ${label}`,
  ]);
}

function runLink(runId) {
  return h('a', { href: `#run/${encodeURIComponent(runId)}`, text: runId });
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || body.problem || `HTTP ${response.status}`);
  return body;
}

function setStatus(text) {
  $('#connection').textContent = text;
}

// ---- live runs -------------------------------------------------------------------------------

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

function errorBox(error) {
  if (!error) return undefined;
  const where = error.phase ? ` in ${error.phase}` : '';
  const kind = error.kind ? ` [${error.kind}]` : '';
  return h('div', { className: 'error-box', role: 'note', 'aria-label': 'Error' }, [
    h('strong', { text: `Error${where}${kind}: ` }),
    `${error.name}: ${error.message}`,
  ]);
}

function runCard(run) {
  const current = run.current;
  let progress;
  if (run.status === 'running' && current) {
    const label = `Progress of ${current.phase}`;
    const bar =
      typeof current.fraction === 'number'
        ? h('progress', { max: 1, value: current.fraction, 'aria-label': label })
        : h('progress', { 'aria-label': label });
    const pct = typeof current.fraction === 'number' ? ` ${Math.round(current.fraction * 100)}%` : '';
    progress = h('p', { className: 'progress-line', 'data-progress': current.fraction ?? '' }, [
      bar,
      `${current.phase}${pct}${current.message ? ` — ${current.message}` : ''}`,
    ]);
  }
  const outputs = run.outputs.filter((output) => output.url);
  return h('article', { className: 'run-card', 'data-run-id': run.runId, 'aria-label': `Run ${run.runId}` }, [
    h('h3', {}, [runLink(run.runId), badge(run.status, run.stale)]),
    h('p', { className: 'run-meta' }, [
      `started ${time(run.startedAt)}${run.jobId ? ` · job ${run.jobId}` : ''} · ${formatUsd(run.costUsd)}` +
        `${run.durationMs !== undefined ? ` · ${formatMs(run.durationMs)}` : ''}` +
        `${run.retries ? ` · ${run.retries} retries` : ''}${run.fallbacks ? ` · ${run.fallbacks} fallbacks` : ''}`,
    ]),
    progress,
    phaseChips(run.phases || []),
    errorBox(run.error),
    outputs.length ? h('p', { className: 'run-meta' }, ['Posts: ', ...outputLinks(outputs)]) : undefined,
  ]);
}

function outputLinks(outputs) {
  const nodes = [];
  outputs.forEach((output, index) => {
    if (index > 0) nodes.push(', ');
    nodes.push(
      output.url
        ? h('a', { href: output.url, rel: 'noopener noreferrer', target: '_blank', text: output.platform })
        : output.platform,
    );
  });
  return nodes;
}

function renderLive() {
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

async function loadLive() {
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

// ---- history ---------------------------------------------------------------------------------

function historyQuery() {
  const params = new URLSearchParams({ limit: '100' });
  for (const [key, value] of Object.entries(view.filters)) if (value) params.set(key, value);
  return `/api/runs?${params}`;
}

async function loadHistory() {
  const data = await getJson(historyQuery());
  const select = $('#filter-platform');
  const chosen = select.value;
  select.replaceChildren(
    h('option', { value: '', text: 'Any' }),
    ...data.platforms.map((platform) => h('option', { value: platform, text: platform })),
  );
  select.value = chosen;
  $('#history-count').textContent =
    `${data.total} run${data.total === 1 ? '' : 's'}${data.more ? ' (showing the newest 100)' : ''}`;
  const rows = data.runs.map((run) =>
    h('tr', { 'data-run-id': run.runId }, [
      h('td', { text: time(run.startedAt) }),
      h('td', {}, [runLink(run.runId)]),
      h('td', {}, [badge(run.status, run.stale)]),
      h('td', { className: 'num', text: formatMs(run.durationMs) }),
      h('td', { className: 'num', text: formatUsd(run.costUsd) }),
      h('td', { text: run.platforms.join(', ') || '–' }),
      h('td', {}, outputLinks(run.outputs.filter((output) => output.url))),
      h('td', {
        text: run.error ? `${run.error.phase ? `${run.error.phase}: ` : ''}${run.error.message}` : '',
      }),
    ]),
  );
  $('#history-table tbody').replaceChildren(...rows);
}

// ---- overview --------------------------------------------------------------------------------

function kpi(label, value, note) {
  return h('div', {}, [
    h('dt', { text: label }),
    h('dd', {}, [value, note ? h('small', { text: note }) : undefined]),
  ]);
}

async function loadChart(name, target) {
  const response = await fetch(`/api/charts/${name}.svg?days=${view.days}`, { credentials: 'same-origin' });
  if (!response.ok) return;
  const parsed = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg') return;
  $(target).replaceChildren(document.importNode(root, true));
}

async function loadStats() {
  const stats = await getJson(`/api/stats?days=${view.days}`);
  const cost = stats.cost;
  $('#kpis').replaceChildren(
    kpi(
      'Success rate',
      percent(stats.successRate),
      `${stats.runs.succeeded} of ${stats.runs.succeeded + stats.runs.failed + stats.runs.cancelled} finished`,
    ),
    kpi(
      'Runs',
      String(stats.runs.total),
      `${stats.runs.running} running, ${stats.runs.failed} failed${stats.runs.stale ? `, ${stats.runs.stale} stale` : ''}`,
    ),
    kpi(
      'Cost per video',
      formatUsd(cost.perVideoUsd),
      cost.budgetPerRunUsd !== undefined ? `budget ${formatUsd(cost.budgetPerRunUsd)}` : 'no budget set',
    ),
    kpi(
      'Cost today',
      formatUsd(cost.todayUsd),
      cost.budgetPerDayUsd !== undefined
        ? `budget ${formatUsd(cost.budgetPerDayUsd)} per day${cost.todayUsd > cost.budgetPerDayUsd ? ' — over budget' : ''}`
        : 'no daily budget set',
    ),
    kpi('Cost in period', formatUsd(cost.totalUsd), `${stats.from} → ${stats.to}`),
  );
  $('#quota-table tbody').replaceChildren(
    ...stats.quotas.map((quota) =>
      h('tr', { 'data-quota': quota.match }, [
        h('th', { scope: 'row', text: quota.label }),
        h('td', { className: 'num', text: `${quota.used} ${quota.unit}` }),
        h('td', { className: 'num', text: `${quota.limit} ${quota.unit}` }),
        h('td', {}, [
          h('meter', {
            min: 0,
            max: 1,
            low: 0.7,
            high: 0.9,
            optimum: 0,
            value: Math.min(quota.fraction, 1),
            'aria-label': `${quota.label} usage`,
          }),
          ` ${percent(quota.fraction)}${quota.fraction >= 1 ? ' — over the limit' : quota.fraction >= 0.8 ? ' — near the limit' : ''}`,
        ]),
        h('td', { text: quota.period }),
        h('td', { text: quota.limitDate }),
      ]),
    ),
  );
  $('#provider-table tbody').replaceChildren(
    ...(stats.providers.length
      ? stats.providers.map((row) =>
          h('tr', {}, [
            h('th', { scope: 'row', text: row.provider }),
            h('td', { className: 'num', text: String(row.calls) }),
            h('td', { className: 'num', text: String(row.retries) }),
            h('td', { className: 'num', text: String(row.fallbacks) }),
            h('td', { className: 'num', text: formatUsd(row.costUsd) }),
          ]),
        )
      : [h('tr', {}, [h('td', { colspan: 5, text: 'No provider calls in the period.' })])]),
  );
  $('#phase-table tbody').replaceChildren(
    ...stats.phaseTimes.map((row) =>
      h('tr', {}, [
        h('th', { scope: 'row', text: row.phase }),
        h('td', { className: 'num', text: String(row.count) }),
        h('td', { className: 'num', text: formatMs(row.p50Ms) }),
        h('td', { className: 'num', text: formatMs(row.p95Ms) }),
      ]),
    ),
  );
  const attention = $('#attention');
  attention.hidden = stats.attention.length === 0;
  $('#attention-list').replaceChildren(
    ...stats.attention.map((item) =>
      h('li', {}, [
        h('strong', { text: `${item.kind.replace('-', ' ')}: ${item.subject} — ` }),
        item.message,
        ` (${time(item.at)})`,
      ]),
    ),
  );
  await Promise.all([
    loadChart('phase-times', '#chart-phase-times'),
    loadChart('cost-per-day', '#chart-cost-per-day'),
    loadChart('success-rate', '#chart-success-rate'),
  ]);
}

// ---- run detail ------------------------------------------------------------------------------

function gantt(run) {
  const start = Date.parse(run.startedAt);
  const ends = run.phases.map((phase) => Date.parse(phase.endedAt || phase.startedAt || run.lastEventAt));
  const end = Math.max(
    start + 1,
    Date.parse(run.endedAt || run.lastEventAt),
    ...ends.filter(Number.isFinite),
  );
  const width = 640;
  const left = 130;
  const row = 20;
  const scale = (width - left - 10) / (end - start);
  const rows = run.phases.map((phase, index) => {
    const from = Date.parse(phase.startedAt || phase.endedAt || run.startedAt);
    const to = Date.parse(phase.endedAt || run.lastEventAt);
    const y = 6 + index * row;
    const title = svg('title', {});
    title.textContent = `${phase.name}: ${phase.status}, ${formatMs(phase.durationMs)}`;
    const label = svg('text', { x: left - 6, y: y + 13, 'text-anchor': 'end', class: 'chart-label' });
    label.textContent = `${phase.name} (${phase.status})`;
    return svg('g', { 'data-phase': phase.name }, [
      title,
      label,
      svg('rect', {
        x: left + (from - start) * scale,
        y: y + 2,
        width: Math.max(2, (to - from) * scale),
        height: row - 6,
        class: `gantt-bar ${phase.status}`,
      }),
    ]);
  });
  const titleNode = svg('title', { id: 'gantt-title' });
  titleNode.textContent = `Timeline of run ${run.runId}`;
  return svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${12 + run.phases.length * row}`,
      role: 'img',
      'aria-labelledby': 'gantt-title',
      class: 'chart',
      'data-chart': 'run-timeline',
    },
    [titleNode, ...rows],
  );
}

function renderDetail(run) {
  const section = $('#detail');
  section.hidden = false;
  $('#detail-heading').textContent = `Run ${run.runId}`;
  const phaseRows = run.phases.map((phase) =>
    h('tr', { 'data-phase': phase.name }, [
      h('th', { scope: 'row', text: phase.name }),
      h('td', {}, [badge(phase.status, false)]),
      h('td', { text: phase.providers.join(', ') || '–' }),
      h('td', { className: 'num', text: formatMs(phase.durationMs) }),
      h('td', { className: 'num', text: formatUsd(phase.costUsd) }),
      h('td', { className: 'num', text: String(phase.calls) }),
      h('td', { className: 'num', text: String(phase.retries) }),
      h('td', {
        text: phase.fallbacks.map((f) => `${f.from} → ${f.to || 'none'}: ${f.reason}`).join('; ') || '–',
      }),
      h('td', { text: phase.error ? `${phase.error.name}: ${phase.error.message}` : phase.message || '' }),
    ]),
  );
  $('#detail-body').replaceChildren(
    h('p', { className: 'run-meta' }, [
      badge(run.status, run.stale),
      ` started ${time(run.startedAt)}, ${run.endedAt ? `ended ${time(run.endedAt)}` : 'not ended'}` +
        ` · ${formatMs(run.durationMs)} · ${formatUsd(run.costUsd)}${run.jobId ? ` · job ${run.jobId}` : ''}` +
        ` · started ${run.attempts} time${run.attempts === 1 ? '' : 's'}`,
    ]),
    errorBox(run.error),
    run.outputs.length
      ? h('p', {}, ['Outputs: ', ...outputLinks(run.outputs)])
      : h('p', { className: 'hint', text: 'No posts yet.' }),
    gantt(run),
    h('table', { id: 'detail-phases' }, [
      h('caption', { text: 'Phases in the order they started' }),
      h('thead', {}, [
        h(
          'tr',
          {},
          [
            'Phase',
            'Status',
            'Provider',
            'Time',
            'Cost',
            'Calls',
            'Retries',
            'Fallbacks',
            'Error or last message',
          ].map((name) => h('th', { scope: 'col', text: name })),
        ),
      ]),
      h('tbody', {}, phaseRows),
    ]),
  );
}

async function showSelected() {
  const match = /^#run\/(.+)$/.exec(location.hash);
  if (!match) {
    view.selected = undefined;
    $('#detail').hidden = true;
    return;
  }
  view.selected = decodeURIComponent(match[1]);
  try {
    renderDetail(await getJson(`/api/runs/${encodeURIComponent(view.selected)}`));
    $('#detail-heading').focus();
  } catch (error) {
    $('#detail').hidden = false;
    $('#detail-heading').textContent = 'Run not found';
    $('#detail-body').replaceChildren(h('p', { text: String(error.message) }));
  }
}

// ---- live updates ----------------------------------------------------------------------------

function debounce(fn, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => fn().catch((error) => setStatus(`Error: ${error.message}`)), ms);
  };
}

const refreshHistory = debounce(loadHistory, 800);
const refreshStats = debounce(loadStats, 300);

function connect() {
  const source = new EventSource('/api/events');
  source.addEventListener('hello', () => setStatus('Live: connected'));
  source.addEventListener('run', (event) => {
    const run = JSON.parse(event.data);
    view.live.set(run.runId, run);
    renderLive();
    refreshHistory();
    if (view.selected === run.runId) renderDetail(run);
  });
  source.addEventListener('stats', () => refreshStats());
  source.addEventListener('error', () => setStatus('Disconnected: reconnecting…'));
}

function init() {
  $('#detail-heading').setAttribute('tabindex', '-1');
  $('#days').addEventListener('change', (event) => {
    view.days = Number(event.target.value);
    refreshStats();
  });
  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    view.filters = Object.fromEntries([...form.entries()].filter(([, value]) => value !== ''));
    loadHistory().catch((error) => setStatus(`Error: ${error.message}`));
  });
  $('#filters').addEventListener('reset', () => {
    view.filters = {};
    setTimeout(() => loadHistory().catch((error) => setStatus(`Error: ${error.message}`)), 0);
  });
  $('#detail-close').addEventListener('click', () => {
    history.replaceState(null, '', location.pathname);
    showSelected();
  });
  window.addEventListener('hashchange', showSelected);
  setInterval(renderLive, 30_000);
  Promise.all([loadLive(), loadHistory(), loadStats(), showSelected()])
    .then(() => document.body.setAttribute('data-ready', 'true'))
    .catch((error) => setStatus(`Error: ${error.message}`));
  connect();
}

init();
