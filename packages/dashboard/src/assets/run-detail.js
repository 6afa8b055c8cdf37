// Run detail: opened by `#run/<id>` links; the run's error, posts, timeline and phase table.
import { getJson } from './api.js';
import { $, h } from './dom.js';
import { formatMs, formatUsd, time } from './format.js';
import { runTimeline } from './run-timeline.js';
import { view } from './state.js';
import { badge, errorBox, outputLinks } from './widgets.js';

const columns = [
  'Phase',
  'Status',
  'Provider',
  'Time',
  'Cost',
  'Calls',
  'Retries',
  'Fallbacks',
  'Error or last message',
];

function phaseRow(phase) {
  return h('tr', { 'data-phase': phase.name }, [
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
  ]);
}

/** Shows `run` in the detail section. */
export function renderDetail(run) {
  $('#detail').hidden = false;
  $('#detail-heading').textContent = `Run ${run.runId}`;
  $('#detail-body').replaceChildren(
    h('p', { className: 'run-meta' }, [
      badge(run.status, run.stale),
      ` started ${time(run.startedAt)}, ${run.endedAt ? `ended ${time(run.endedAt)}` : 'not ended'}` +
        ` · ${formatMs(run.durationMs)} · ${formatUsd(run.costUsd)}${run.title ? ` · ${run.title}` : ''}${run.jobId ? ` · job ${run.jobId}` : ''}` +
        ` · started ${run.attempts} time${run.attempts === 1 ? '' : 's'}`,
    ]),
    errorBox(run.error),
    run.outputs.length
      ? h('p', {}, ['Outputs: ', ...outputLinks(run.outputs)])
      : h('p', { className: 'hint', text: 'No posts yet.' }),
    runTimeline(run),
    h('table', { id: 'detail-phases' }, [
      h('caption', { text: 'Phases in the order they started' }),
      h('thead', {}, [
        h(
          'tr',
          {},
          columns.map((name) => h('th', { scope: 'col', text: name })),
        ),
      ]),
      h('tbody', {}, run.phases.map(phaseRow)),
    ]),
  );
}

/** Opens the run named by the location hash (`#run/<id>`), or closes the detail without one. */
export async function showSelected() {
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

/** Follows the hash and wires the close button. */
export function initDetail() {
  $('#detail-heading').setAttribute('tabindex', '-1');
  $('#detail-close').addEventListener('click', () => {
    history.replaceState(null, '', location.pathname);
    showSelected();
  });
  window.addEventListener('hashchange', showSelected);
}
