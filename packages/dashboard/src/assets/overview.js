// Overview: figures, charts, quota usage, providers, time per phase and the "needs attention" list.
import { getJson, getSvg } from './api.js';
import { $, h } from './dom.js';
import { formatMs, formatUsd, percent, time } from './format.js';
import { view } from './state.js';

function kpi(label, value, note) {
  return h('div', {}, [
    h('dt', { text: label }),
    h('dd', {}, [value, note ? h('small', { text: note }) : undefined]),
  ]);
}

function renderKpis(stats) {
  const { cost, runs } = stats;
  $('#kpis').replaceChildren(
    kpi(
      'Success rate',
      percent(stats.successRate),
      `${runs.succeeded} of ${runs.succeeded + runs.failed + runs.cancelled} finished`,
    ),
    kpi(
      'Runs',
      String(runs.total),
      `${runs.running} running, ${runs.failed} failed${runs.stale ? `, ${runs.stale} stale` : ''}`,
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
}

function quotaRow(quota) {
  const warning =
    quota.fraction >= 1 ? ' — over the limit' : quota.fraction >= 0.8 ? ' — near the limit' : '';
  return h('tr', { 'data-quota': quota.match }, [
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
      ` ${percent(quota.fraction)}${warning}`,
    ]),
    h('td', { text: quota.period }),
    h('td', { text: quota.limitDate }),
  ]);
}

function renderTables(stats) {
  $('#quota-table tbody').replaceChildren(...stats.quotas.map(quotaRow));
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
}

function renderAttention(items) {
  $('#attention').hidden = items.length === 0;
  $('#attention-list').replaceChildren(
    ...items.map((item) =>
      h('li', {}, [
        h('strong', { text: `${item.kind.replace('-', ' ')}: ${item.subject} — ` }),
        item.message,
        ` (${time(item.at)})`,
      ]),
    ),
  );
}

async function loadChart(name, target) {
  const chart = await getSvg(`/api/charts/${name}.svg?days=${view.days}`);
  if (chart) $(target).replaceChildren(chart);
}

/** Loads the figures and charts for the last `view.days` days. */
export async function loadStats() {
  const stats = await getJson(`/api/stats?days=${view.days}`);
  renderKpis(stats);
  renderTables(stats);
  renderAttention(stats.attention);
  await Promise.all([
    loadChart('phase-times', '#chart-phase-times'),
    loadChart('cost-per-day', '#chart-cost-per-day'),
    loadChart('success-rate', '#chart-success-rate'),
  ]);
}
