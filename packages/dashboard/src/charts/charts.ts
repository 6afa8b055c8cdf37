import type { DayStats, PhaseTime } from '../stats/compute-stats.js';
import { el, emptyChart, formatMs, formatUsd, svgRoot } from './svg.js';

const width = 480;

/** Horizontal bars: p50 time of each phase, with a p95 whisker. */
export function phaseTimesChart(phaseTimes: readonly PhaseTime[]): string {
  const title = 'Time per phase (p50 bar, p95 line)';
  if (phaseTimes.length === 0) return emptyChart('phase-times', title, 'No finished phases yet');
  const rowHeight = 22;
  const labelWidth = 120;
  const valueWidth = 110;
  const plotWidth = width - labelWidth - valueWidth;
  const max = Math.max(...phaseTimes.map((row) => row.p95Ms), 1);
  const rows = phaseTimes.map((row, index) => {
    const y = 10 + index * rowHeight;
    const p50 = (row.p50Ms / max) * plotWidth;
    const p95 = (row.p95Ms / max) * plotWidth;
    const label = `${row.phase}: p50 ${formatMs(row.p50Ms)}, p95 ${formatMs(row.p95Ms)} (${row.count} runs)`;
    return el('g', { class: 'row', 'data-phase': row.phase, 'data-p50': row.p50Ms, 'data-p95': row.p95Ms }, [
      el('title', {}, label),
      el('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end', class: 'chart-label' }, row.phase),
      el('rect', {
        x: labelWidth,
        y: y + 3,
        width: Math.max(p50, 1),
        height: rowHeight - 8,
        class: 'bar bar-time',
      }),
      el('line', { x1: labelWidth + p50, x2: labelWidth + p95, y1: y + 11, y2: y + 11, class: 'whisker' }),
      el('line', { x1: labelWidth + p95, x2: labelWidth + p95, y1: y + 5, y2: y + 17, class: 'whisker' }),
      el(
        'text',
        { x: labelWidth + plotWidth + 6, y: y + 14, class: 'chart-value' },
        `${formatMs(row.p50Ms)} / ${formatMs(row.p95Ms)}`,
      ),
    ]);
  });
  return svgRoot({
    id: 'phase-times',
    title,
    description: phaseTimes.map((row) => `${row.phase} ${formatMs(row.p50Ms)} median`).join(', '),
    width,
    height: 20 + phaseTimes.length * rowHeight,
    children: rows,
  });
}

/** Columns of cost per day with the daily budget as a dashed line. */
export function costPerDayChart(days: readonly DayStats[], budgetPerDayUsd?: number): string {
  const title = 'Cost per day (USD)';
  if (days.length === 0) return emptyChart('cost-per-day', title, 'No days in the period');
  const height = 180;
  const left = 48;
  const bottom = 24;
  const top = 14;
  const plotHeight = height - top - bottom;
  const plotWidth = width - left - 8;
  const max = Math.max(...days.map((day) => day.costUsd), budgetPerDayUsd ?? 0, 0.01);
  const step = plotWidth / days.length;
  const y = (usd: number) => top + plotHeight - (usd / max) * plotHeight;
  const children: string[] = [
    el('line', { x1: left, x2: left + plotWidth, y1: top + plotHeight, y2: top + plotHeight, class: 'axis' }),
    el('text', { x: left - 4, y: top + 4, 'text-anchor': 'end', class: 'chart-label' }, formatUsd(max)),
    el('text', { x: left - 4, y: top + plotHeight, 'text-anchor': 'end', class: 'chart-label' }, '$0'),
  ];
  days.forEach((day, index) => {
    const over = budgetPerDayUsd !== undefined && day.costUsd > budgetPerDayUsd;
    const barHeight = top + plotHeight - y(day.costUsd);
    children.push(
      el(
        'rect',
        {
          x: left + index * step + step * 0.15,
          y: y(day.costUsd),
          width: step * 0.7,
          height: Math.max(barHeight, day.costUsd > 0 ? 1 : 0),
          class: over ? 'bar bar-cost over' : 'bar bar-cost',
          'data-day': day.day,
          'data-usd': day.costUsd,
        },
        [el('title', {}, `${day.day}: ${formatUsd(day.costUsd)}${over ? ' (over budget)' : ''}`)],
      ),
    );
  });
  const first = days[0] as DayStats;
  const last = days.at(-1) as DayStats;
  children.push(
    el('text', { x: left, y: height - 6, class: 'chart-label' }, first.day),
    el('text', { x: left + plotWidth, y: height - 6, 'text-anchor': 'end', class: 'chart-label' }, last.day),
  );
  if (budgetPerDayUsd !== undefined) {
    children.push(
      el('line', {
        x1: left,
        x2: left + plotWidth,
        y1: y(budgetPerDayUsd),
        y2: y(budgetPerDayUsd),
        class: 'budget-line',
      }),
      el(
        'text',
        { x: left + plotWidth, y: y(budgetPerDayUsd) - 4, 'text-anchor': 'end', class: 'chart-label' },
        `budget ${formatUsd(budgetPerDayUsd)}/day`,
      ),
    );
  }
  const total = days.reduce((sum, day) => sum + day.costUsd, 0);
  return svgRoot({
    id: 'cost-per-day',
    title,
    description: `${formatUsd(total)} over ${days.length} days from ${first.day} to ${last.day}`,
    width,
    height,
    children,
  });
}

/** Success rate per day as a line with a point per day that had finished runs. */
export function successRateChart(days: readonly DayStats[]): string {
  const title = 'Success rate per day';
  const points = days
    .map((day, index) => ({ day, index }))
    .filter(
      (point): point is { day: DayStats & { successRate: number }; index: number } =>
        point.day.successRate !== null,
    );
  if (points.length === 0) return emptyChart('success-rate', title, 'No finished runs in the period');
  const height = 160;
  const left = 40;
  const top = 12;
  const bottom = 24;
  const plotHeight = height - top - bottom;
  const plotWidth = width - left - 12;
  const x = (index: number) =>
    left + (days.length === 1 ? plotWidth / 2 : (index / (days.length - 1)) * plotWidth);
  const y = (rate: number) => top + plotHeight - rate * plotHeight;
  const path = points
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${x(point.index).toFixed(1)},${y(point.day.successRate).toFixed(1)}`,
    )
    .join(' ');
  const children = [
    el('line', { x1: left, x2: left + plotWidth, y1: y(0), y2: y(0), class: 'axis' }),
    el('line', { x1: left, x2: left + plotWidth, y1: y(1), y2: y(1), class: 'grid' }),
    el('text', { x: left - 4, y: y(1) + 4, 'text-anchor': 'end', class: 'chart-label' }, '100%'),
    el('text', { x: left - 4, y: y(0), 'text-anchor': 'end', class: 'chart-label' }, '0%'),
    el('path', { d: path, class: 'rate-line', fill: 'none' }),
    ...points.map((point) =>
      el(
        'circle',
        {
          cx: x(point.index),
          cy: y(point.day.successRate),
          r: 4,
          class: 'rate-point',
          'data-day': point.day.day,
          'data-rate': point.day.successRate,
        },
        [
          el(
            'title',
            {},
            `${point.day.day}: ${Math.round(point.day.successRate * 100)}% (${point.day.succeeded} of ${point.day.succeeded + point.day.failed + point.day.cancelled})`,
          ),
        ],
      ),
    ),
    el('text', { x: left, y: height - 6, class: 'chart-label' }, (days[0] as DayStats).day),
    el(
      'text',
      { x: left + plotWidth, y: height - 6, 'text-anchor': 'end', class: 'chart-label' },
      (days.at(-1) as DayStats).day,
    ),
  ];
  return svgRoot({
    id: 'success-rate',
    title,
    description: points
      .map((point) => `${point.day.day} ${Math.round(point.day.successRate * 100)}%`)
      .join(', '),
    width,
    height,
    children,
  });
}
