import path from 'node:path';
import { createJsonlEventLog } from '@reelsmith/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createReport, formatReport } from './report.js';
import { finishedRun, recordsFrom, tempDir } from './test-support/fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('createReport', () => {
  it('computes the figures from the log and lists recent failures', async () => {
    const temp = await tempDir();
    cleanups.push(temp.remove);
    const log = createJsonlEventLog(path.join(temp.dir, 'events.jsonl'));
    const events = [
      ...recordsFrom('2026-11-24T08:00:00.000Z', finishedRun('ok-1', { costUsd: 0.2 })),
      ...recordsFrom('2026-11-24T09:00:00.000Z', finishedRun('bad-1', { status: 'failed' })),
    ];
    for (const record of events) await log.append(record.name, record.payload, record.at);
    const report = await createReport({
      log,
      days: 7,
      budget: { perRunUsd: 0.5 },
      now: () => Date.parse('2026-11-24T12:00:00.000Z'),
    });
    expect(report.stats.successRate).toBe(0.5);
    expect(report.failures.map((run) => run.runId)).toEqual(['bad-1']);
    const text = formatReport(report);
    expect(text).toContain('Success rate: 50%');
    expect(text).toContain('bad-1 in publish:youtube: [youtube] token expired');
    expect(text).toContain('YouTube Data API');
    expect(text).toContain('(budget $0.5000)');
  });

  it('refuses a period outside 1–365 days', async () => {
    await expect(createReport({ log: createJsonlEventLog('/nonexistent/x.jsonl'), days: 0 })).rejects.toThrow(
      /days/,
    );
  });
});
