// The dashboard page's entry module: wires the sections, loads them, then follows /api/events.
// Every module renders /api data into the DOM through textContent only (see dom.js).
import { $ } from './dom.js';
import { initHistory, loadHistory } from './history.js';
import { loadLive, renderLive } from './live-runs.js';
import { connect, refreshStats } from './live-updates.js';
import { loadStats } from './overview.js';
import { initDetail, showSelected } from './run-detail.js';
import { view } from './state.js';
import { showError } from './status.js';

function init() {
  initDetail();
  initHistory();
  $('#days').addEventListener('change', (event) => {
    view.days = Number(event.target.value);
    refreshStats();
  });
  setInterval(renderLive, 30_000);
  Promise.all([loadLive(), loadHistory(), loadStats(), showSelected()])
    .then(() => document.body.setAttribute('data-ready', 'true'))
    .catch(showError);
  connect();
}

init();
