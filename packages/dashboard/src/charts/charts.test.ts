import { describe, expect, it } from 'vitest';
import { costPerDayChart, phaseTimesChart, successRateChart } from './charts.js';

const days = [
  { day: '2026-11-23', costUsd: 0.2, succeeded: 1, failed: 0, cancelled: 0, successRate: 1 },
  { day: '2026-11-24', costUsd: 0.9, succeeded: 1, failed: 1, cancelled: 0, successRate: 0.5 },
];

describe('charts', () => {
  it('draws one bar per phase and escapes every label', () => {
    const svg = phaseTimesChart([
      { phase: 'script', count: 3, p50Ms: 1_000, p95Ms: 2_000 },
      { phase: '<script>alert("x")</script>', count: 1, p50Ms: 10, p95Ms: 10 },
    ]);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).toContain('data-phase="script"');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
  });

  it('marks days over the daily budget and draws the budget line', () => {
    const svg = costPerDayChart(days, 0.5);
    expect(svg.match(/class="bar bar-cost over"/g)).toHaveLength(1);
    expect(svg).toContain('class="budget-line"');
    expect(svg).toContain('data-usd="0.9"');
  });

  it('plots a point per day with finished runs', () => {
    const svg = successRateChart([
      ...days,
      { day: '2026-11-25', costUsd: 0, succeeded: 0, failed: 0, cancelled: 0, successRate: null },
    ]);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('data-rate="0.5"');
  });

  it('draws an explanatory empty chart without data', () => {
    expect(phaseTimesChart([])).toContain('No finished phases yet');
    expect(successRateChart([])).toContain('No finished runs');
  });
});
