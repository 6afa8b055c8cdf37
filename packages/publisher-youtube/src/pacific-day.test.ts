import { describe, expect, it } from 'vitest';
import { msUntilPacificMidnight, pacificDay } from './pacific-day.js';

const hour = 3_600_000;

describe('Pacific quota day', () => {
  it('names the day in Pacific time, not UTC', () => {
    expect(pacificDay(Date.parse('2026-06-11T03:00:00Z'))).toBe('2026-06-10');
  });

  it('counts to the next midnight in summer (PDT) and winter (PST)', () => {
    expect(msUntilPacificMidnight(Date.parse('2026-06-10T12:00:00-07:00'))).toBe(12 * hour);
    expect(msUntilPacificMidnight(Date.parse('2026-01-10T18:30:00-08:00'))).toBe(5.5 * hour);
  });

  it('handles the daylight saving days (23 and 25 hours)', () => {
    expect(msUntilPacificMidnight(Date.parse('2026-03-08T00:00:00-08:00'))).toBe(23 * hour);
    expect(msUntilPacificMidnight(Date.parse('2026-11-01T00:00:00-07:00'))).toBe(25 * hour);
  });
});
