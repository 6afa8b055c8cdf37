import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ProviderError } from '@reelsmith/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createQuotaLedger } from './quota-ledger.js';
import { createFileQuotaStore, createMemoryQuotaStore } from './quota-store.js';
import { defaultYouTubeQuota } from './youtube-defaults.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('quota stores', () => {
  it('memory: counts per project and starts each Pacific day at zero', async () => {
    const store = createMemoryQuotaStore();
    await store.add('p', '2026-06-10', 1600);
    expect(await store.add('p', '2026-06-10', 50)).toBe(1650);
    expect(await store.used('other', '2026-06-10')).toBe(0);
    expect(await store.used('p', '2026-06-11')).toBe(0);
  });

  it('file: keeps the count across instances (restarts) and serializes writes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-quota-'));
    dirs.push(dir);
    const file = path.join(dir, 'nested', 'quota.json');
    const first = createFileQuotaStore(file);
    await Promise.all([
      first.add('p', '2026-06-10', 1),
      first.add('p', '2026-06-10', 2),
      first.add('p', '2026-06-10', 3),
    ]);
    expect(await createFileQuotaStore(file).used('p', '2026-06-10')).toBe(6);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ p: { day: '2026-06-10', units: 6 } });
  });
});

describe('quota ledger', () => {
  const noonPdt = Date.parse('2026-06-10T12:00:00-07:00');
  it('refuses before any request when the units left cannot cover the call, until midnight Pacific', async () => {
    const store = createMemoryQuotaStore();
    await store.add('proj', '2026-06-10', 9_000);
    const ledger = createQuotaLedger({
      provider: 'youtube:x',
      project: 'proj',
      table: defaultYouTubeQuota,
      store,
      now: () => noonPdt,
    });
    const error = await ledger.ensure(1_651, 'an upload').then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(ProviderError.isInstance(error) && error.kind).toBe('quota');
    expect((error as ProviderError).retryAfterMs).toBe(12 * 3_600_000);
    expect((error as ProviderError).message).toMatch(/1000 of 10000 are left/);
    await expect(ledger.ensure(1_000, 'an upload')).resolves.toBeUndefined();
  });
});
