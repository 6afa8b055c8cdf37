import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSecret } from '../secrets/redact.js';
import { createEventBus } from './event-bus.js';
import { createJsonlEventLog, recordEvents } from './event-log.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function logFile() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-events-'));
  dirs.push(dir);
  return path.join(dir, 'logs', 'events.jsonl');
}

describe('createJsonlEventLog + recordEvents', () => {
  it('records bus events in order, redacted, and a new log object reads them back', async () => {
    registerSecret('sk-event-log-secret-123456');
    const file = await logFile();
    const events = createEventBus();
    const recorder = recordEvents(events, createJsonlEventLog(file));
    events.emit('run:start', { runId: 'r1', resumed: false, at: '2026-11-24T09:00:00.000Z' });
    events.emit('phase:error', {
      runId: 'r1',
      phase: 'voice',
      error: { name: 'ProviderError', message: 'key sk-event-log-secret-123456 refused' },
      at: '2026-11-24T09:00:01.000Z',
    });
    await recorder.flushed();
    recorder.detach();
    events.emit('run:start', { runId: 'r2', resumed: false, at: '2026-11-24T09:00:02.000Z' });
    const records = await createJsonlEventLog(file).read();
    expect(records.map((record) => [record.seq, record.name])).toEqual([
      [1, 'run:start'],
      [2, 'phase:error'],
    ]);
    expect(JSON.stringify(records)).not.toContain('sk-event-log-secret-123456');
  });

  it('follows with afterSeq, filters by since and limit, and skips a torn last line', async () => {
    const file = await logFile();
    const log = createJsonlEventLog(file);
    await log.append('run:start', { runId: 'a' }, '2026-11-24T08:00:00.000Z');
    await log.append('run:start', { runId: 'b' }, '2026-11-24T09:00:00.000Z');
    await log.append('run:start', { runId: 'c' }, '2026-11-24T10:00:00.000Z');
    await appendFile(file, '{"at":"2026-11-24T11:00:00.000Z","name":"run:st');
    expect((await log.read({ afterSeq: 1 })).map((record) => record.seq)).toEqual([2, 3]);
    expect((await log.read({ since: '2026-11-24T09:00:00.000Z' })).map((record) => record.seq)).toEqual([
      2, 3,
    ]);
    expect(await log.read({ limit: 1 })).toHaveLength(1);
  });

  it('reads an empty list when the file does not exist yet', async () => {
    expect(await createJsonlEventLog(await logFile()).read()).toEqual([]);
  });
});
