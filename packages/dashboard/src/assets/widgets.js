// Small pieces shared by the live runs, the history and the run detail.
import { h } from './dom.js';

const symbols = { succeeded: '✓', failed: '✗', running: '●', cancelled: '■', skipped: '↷', stale: '!' };

/** A status badge: the status is written out, the colour only repeats it. */
export function badge(status, stale) {
  const shown = stale ? 'stale' : status;
  const label = stale ? 'running, no events lately' : status;
  return h('span', { className: `badge status-${shown}`, 'data-status': shown }, [
    `${symbols[shown] || ''} ${label}`,
  ]);
}

/** A link that opens the run's detail. */
export function runLink(runId) {
  return h('a', { href: `#run/${encodeURIComponent(runId)}`, text: runId });
}

/** Comma-separated links to the posts (only http(s) URLs reach the page as links). */
export function outputLinks(outputs) {
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

/** The error of a run or phase, or undefined without one. */
export function errorBox(error) {
  if (!error) return undefined;
  const where = error.phase ? ` in ${error.phase}` : '';
  const kind = error.kind ? ` [${error.kind}]` : '';
  return h('div', { className: 'error-box', role: 'note', 'aria-label': 'Error' }, [
    h('strong', { text: `Error${where}${kind}: ` }),
    `${error.name}: ${error.message}`,
  ]);
}
