// History: runs newest first, with filters and paging ("Older runs" / "Newer runs").
import { getJson } from './api.js';
import { $, h } from './dom.js';
import { formatMs, formatUsd, time } from './format.js';
import { view } from './state.js';
import { showError } from './status.js';
import { badge, outputLinks, runLink } from './widgets.js';

/** Runs per page (the API takes at most 500). */
const pageSize = 100;

function historyQuery() {
  const params = new URLSearchParams({ limit: String(pageSize) });
  for (const [key, value] of Object.entries(view.filters)) if (value) params.set(key, value);
  if (view.page.before) params.set('before', view.page.before);
  return `/api/runs?${params}`;
}

function historyRow(run) {
  return h('tr', { 'data-run-id': run.runId }, [
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
  ]);
}

function countText(data) {
  const skipped = view.page.newer.length * pageSize;
  const total = skipped + data.total;
  const runs = `${total} run${total === 1 ? '' : 's'}`;
  if (skipped === 0) return `${runs}${data.more ? ` (showing the newest ${pageSize})` : ''}`;
  if (data.runs.length === 0) return `${runs} (none older than ${time(view.page.before)})`;
  return `${runs} (showing ${skipped + 1}–${skipped + data.runs.length}, newest first)`;
}

function renderPlatforms(platforms) {
  const select = $('#filter-platform');
  const chosen = select.value;
  select.replaceChildren(
    h('option', { value: '', text: 'Any' }),
    ...platforms.map((platform) => h('option', { value: platform, text: platform })),
  );
  select.value = chosen;
}

/** Loads the page of history that `view.filters` and `view.page` describe. */
export async function loadHistory() {
  const data = await getJson(historyQuery());
  renderPlatforms(data.platforms);
  $('#history-count').textContent = countText(data);
  $('#history-table tbody').replaceChildren(...data.runs.map(historyRow));
  view.page.oldest = data.more ? data.runs.at(-1)?.startedAt : undefined;
  $('#history-older').hidden = view.page.oldest === undefined;
  $('#history-newer').hidden = view.page.newer.length === 0;
}

/** Back to the newest runs (new filters start from the top). */
function resetPaging() {
  view.page = { before: undefined, newer: [], oldest: undefined };
}

/** Loads a page after a pager click; focus stays on a pager button when the clicked one hides. */
function turnPage(clicked, other) {
  loadHistory()
    .then(() => {
      if (clicked.hidden) (other.hidden ? $('#history-table') : other).focus();
    })
    .catch(showError);
}

/** Wires the filter form and the pager. */
export function initHistory() {
  const older = $('#history-older');
  const newer = $('#history-newer');
  older.addEventListener('click', () => {
    if (view.page.oldest === undefined) return;
    view.page.newer.push(view.page.before);
    view.page.before = view.page.oldest;
    turnPage(older, newer);
  });
  newer.addEventListener('click', () => {
    if (view.page.newer.length === 0) return;
    view.page.before = view.page.newer.pop();
    turnPage(newer, older);
  });
  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    view.filters = Object.fromEntries([...form.entries()].filter(([, value]) => value !== ''));
    resetPaging();
    loadHistory().catch(showError);
  });
  $('#filters').addEventListener('reset', () => {
    view.filters = {};
    resetPaging();
    setTimeout(() => loadHistory().catch(showError), 0);
  });
}
