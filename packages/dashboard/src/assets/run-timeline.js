// The run detail's timeline: one SVG bar per phase, from its start to its end (or now).
import { svg } from './dom.js';
import { formatMs } from './format.js';

const width = 640;
const left = 130;
const row = 20;

function phaseBar(phase, index, run, start, scale) {
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
}

/** The timeline of `run` as an SVG element with a title. */
export function runTimeline(run) {
  const start = Date.parse(run.startedAt);
  const ends = run.phases.map((phase) => Date.parse(phase.endedAt || phase.startedAt || run.lastEventAt));
  const end = Math.max(
    start + 1,
    Date.parse(run.endedAt || run.lastEventAt),
    ...ends.filter(Number.isFinite),
  );
  const scale = (width - left - 10) / (end - start);
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
    [titleNode, ...run.phases.map((phase, index) => phaseBar(phase, index, run, start, scale))],
  );
}
