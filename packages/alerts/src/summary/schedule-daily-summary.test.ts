import type { EventLog, EventRecord } from '@reelsmith/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordingChannel } from '../testing/test-helpers.js';
import { nextDailyTime } from './next-daily-time.js';
import { parseSince } from './parse-since.js';
import { scheduleDailySummary } from './schedule-daily-summary.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('nextDailyTime', () => {
  it('finds the next wall-clock time in a time zone, across DST', () => {
    const now = Date.parse('2026-11-24T07:30:00Z');
    expect(new Date(nextDailyTime(now, '08:00', 'UTC')).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(new Date(nextDailyTime(now, '08:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-11-25T07:00:00.000Z',
    );
    expect(new Date(nextDailyTime(now, '08:00', 'America/New_York')).toISOString()).toBe(
      '2026-11-24T13:00:00.000Z',
    );
    // Summer time in Berlin (UTC+2).
    expect(
      new Date(nextDailyTime(Date.parse('2026-07-01T00:00:00Z'), '08:00', 'Europe/Berlin')).toISOString(),
    ).toBe('2026-07-01T06:00:00.000Z');
  });
});

describe('parseSince', () => {
  it('reads durations and ISO dates, and names the fix otherwise', () => {
    const now = Date.parse('2026-11-24T08:00:00Z');
    expect(parseSince('24h', now)).toBe('2026-11-23T08:00:00.000Z');
    expect(parseSince('7d', now)).toBe('2026-11-17T08:00:00.000Z');
    expect(parseSince('30m', now)).toBe('2026-11-24T07:30:00.000Z');
    expect(parseSince('2026-11-20', now)).toBe('2026-11-20T00:00:00.000Z');
    expect(() => parseSince('yesterday', now)).toThrow(/`since`.*24h/s);
  });
});

describe('scheduleDailySummary', () => {
  it('sends the last 24 h at the time given, then every day, until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-24T06:30:00Z'));
    const reads: Array<{ since?: string | undefined }> = [];
    const log: EventLog = {
      id: 'memory',
      append: async () => undefined,
      read: async (options = {}) => {
        reads.push({ since: options.since });
        return [] as EventRecord[];
      },
    };
    const channel = createRecordingChannel();
    const sent: string[] = [];
    const stop = scheduleDailySummary({
      at: '08:00',
      timeZone: 'Europe/Berlin',
      channels: [channel],
      log,
      onSent: (summary) => sent.push(summary.until),
    });
    await vi.advanceTimersByTimeAsync(30 * 60_000 - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['2026-11-24T07:00:00.000Z']);
    expect(reads[0]?.since).toBe('2026-11-23T07:00:00.000Z');
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(sent).toEqual(['2026-11-24T07:00:00.000Z', '2026-11-25T07:00:00.000Z']);
    expect(reads[1]?.since).toBe('2026-11-24T07:00:00.000Z');
    expect(channel.alerts[0]).toMatchObject({ rule: 'daily-summary', severity: 'info' });
    stop();
    await vi.advanceTimersByTimeAsync(48 * 3_600_000);
    expect(sent).toHaveLength(2);
  });

  it('rejects a bad time or zone with the fix', () => {
    const log = { id: 'x', append: async () => undefined, read: async () => [] };
    const channels = [createRecordingChannel()];
    expect(() => scheduleDailySummary({ at: '8am', channels, log })).toThrow(/`at`.*HH:MM/s);
    expect(() => scheduleDailySummary({ at: '08:00', timeZone: 'Mars/Olympus', channels, log })).toThrow(
      /timeZone.*IANA/s,
    );
  });
});
