// The event stream (/api/events): runs that changed are redrawn, figures and history refetched.
import { loadHistory } from './history.js';
import { updateLiveRun } from './live-runs.js';
import { loadStats } from './overview.js';
import { renderDetail } from './run-detail.js';
import { view } from './state.js';
import { setStatus, showError } from './status.js';

/** Runs `load` once, `ms` after the last call. */
function debounce(load, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => load().catch(showError), ms);
  };
}

export const refreshHistory = debounce(loadHistory, 800);
export const refreshStats = debounce(loadStats, 300);

/** Opens the stream; EventSource reconnects by itself (the server asks for 2 s). */
export function connect() {
  const source = new EventSource('/api/events');
  source.addEventListener('hello', () => setStatus('Live: connected'));
  source.addEventListener('run', (event) => {
    const run = JSON.parse(event.data);
    updateLiveRun(run);
    refreshHistory();
    if (view.selected === run.runId) renderDetail(run);
  });
  source.addEventListener('stats', () => refreshStats());
  source.addEventListener('error', () => setStatus('Disconnected: reconnecting…'));
}
