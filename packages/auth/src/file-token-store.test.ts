import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, redactText } from '@reelsmith/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileTokenStore } from './file-token-store.js';
import type { TokenRecord } from './token-record.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempFile() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-tokens-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'tokens.json');
}
const record: TokenRecord = {
  provider: 'google',
  account: 'youtube',
  refreshToken: 'test-file-store-refresh-token-1',
  obtainedAt: '2026-11-24T09:00:00.000Z',
};

describe('createFileTokenStore', () => {
  it('keeps tokens in a 0600 file and reads them back after a restart', async () => {
    const file = await tempFile();
    await createFileTokenStore(file).set(record);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const reopened = createFileTokenStore(file);
    expect(await reopened.get('youtube')).toEqual(record);
    expect(await reopened.list()).toEqual([record]);
    await reopened.delete('youtube');
    expect(await reopened.get('youtube')).toBeUndefined();
  });

  it('tightens a file left readable by others', async () => {
    const file = await tempFile();
    await createFileTokenStore(file).set(record);
    await chmod(file, 0o644);
    await createFileTokenStore(file).get('youtube');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('registers every stored token as a secret', async () => {
    const file = await tempFile();
    await writeFile(
      file.replace('nested/tokens.json', 'other.json'),
      JSON.stringify({
        version: 1,
        accounts: {
          ig: {
            ...record,
            provider: 'instagram',
            account: 'ig',
            accessToken: 'test-token-read-from-disk-77',
          },
        },
      }),
    );
    await createFileTokenStore(file.replace('nested/tokens.json', 'other.json')).list();
    expect(redactText('Bearer test-token-read-from-disk-77')).not.toContain('test-token-read-from-disk-77');
  });

  it('serializes concurrent writes without losing an account', async () => {
    const file = await tempFile();
    const store = createFileTokenStore(file);
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => store.set({ ...record, account: `account-${index}` })),
    );
    const saved = JSON.parse(await readFile(file, 'utf8')) as { accounts: Record<string, unknown> };
    expect(Object.keys(saved.accounts)).toHaveLength(10);
  });

  it('names a corrupt file and the fix instead of overwriting it', async () => {
    const file = await tempFile();
    await createFileTokenStore(file).set(record);
    await writeFile(file, '{"version":1,"accounts":');
    const error = await createFileTokenStore(file)
      .get('youtube')
      .catch((e: unknown) => e);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('reelsmith auth login');
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"accounts":');
  });
});
