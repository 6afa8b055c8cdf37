import { createHash } from 'node:crypto';
import { ConfigError, ReelsmithError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeDrive, type FakeDrive } from './testing/drive-service.js';
import { newId } from './testing/drive-state.js';
import { testFolderId, testStore } from './testing/drive-test-setup.js';

const server = installTestServer();
let fake: FakeDrive;

beforeEach(() => {
  fake = createFakeDrive({ maxPageSize: 3 });
  server.use(...fake.handlers);
});

const bytes = (...values: number[]) => Uint8Array.from(values);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('createDriveMediaStore: how keys live on Drive files', () => {
  it('names the file after the key and keeps key, key id and checksum in private appProperties', async () => {
    const ref = await testStore().put('run-1/images/scene 1.png', bytes(1, 2), 'image/png');
    const [file] = fake.liveFiles();
    expect(ref.store).toBe(`gdrive:${testFolderId}`);
    expect(file?.name).toBe('run-1/images/scene 1.png');
    expect(file?.parents).toEqual([testFolderId]);
    expect(file?.mimeType).toBe('image/png');
    expect(file?.appProperties).toEqual({
      rsMedia: '1',
      rsKeyId: sha256(new TextEncoder().encode('run-1/images/scene 1.png')),
      rsSha256: ref.sha256,
      rsKey0: 'run-1/images/scene 1.png',
    });
  });

  it('put of an existing key updates the same file instead of creating a second one', async () => {
    const store = testStore();
    await store.put('run-1/a.bin', bytes(1), 'application/octet-stream');
    const id = fake.liveFiles()[0]?.id;
    const ref = await store.put('run-1/a.bin', bytes(2, 3), 'text/plain');
    expect(fake.liveFiles().map((file) => [file.id, file.mimeType])).toEqual([[id, 'text/plain']]);
    expect(Array.from(await testStore().get(ref))).toEqual([2, 3]);
  });

  it('a second store instance (a new process) finds and overwrites the file by search', async () => {
    await testStore().put('run-1/a.bin', bytes(1), 'application/octet-stream');
    await testStore().put('run-1/a.bin', bytes(2), 'application/octet-stream');
    expect(fake.liveFiles()).toHaveLength(1);
  });

  it('a multipart create whose answer was lost is verified, not sent twice', async () => {
    fake.dropMultipartAnswers(1);
    const ref = await testStore().put('run-1/a.bin', bytes(7), 'application/octet-stream');
    expect(fake.stats.multipartUploads).toBe(1);
    expect(fake.liveFiles()).toHaveLength(1);
    expect(ref.sha256).toBe(sha256(bytes(7)));
  });

  it('keeps only the newest file when duplicates of a key exist, and get reads the newest', async () => {
    const store = testStore();
    await store.put('run-1/a.bin', bytes(1), 'application/octet-stream');
    const original = fake.liveFiles()[0]!;
    const copy = { ...original, id: newId(), bytes: bytes(9), modifiedTime: '2030-01-01T00:00:00.000Z' };
    copy.appProperties = { ...original.appProperties, rsSha256: sha256(bytes(9)) };
    fake.state.files.set(copy.id, copy);
    expect(Array.from(await testStore().get('run-1/a.bin'))).toEqual([9]);
    await testStore().put('run-1/a.bin', bytes(5), 'application/octet-stream');
    expect(fake.liveFiles()).toHaveLength(1);
  });

  it('splits keys longer than one app property and lists them whole', async () => {
    const key = `run-1/${'very-long-segment-'.repeat(20)}é.bin`;
    const store = testStore();
    await store.put(key, bytes(1), 'application/octet-stream');
    const properties = fake.liveFiles()[0]!.appProperties;
    expect(
      Object.keys(properties).filter((name) => name.startsWith('rsKey') && name !== 'rsKeyId').length,
    ).toBeGreaterThan(2);
    for (const [name, value] of Object.entries(properties)) {
      expect(Buffer.byteLength(name) + Buffer.byteLength(value)).toBeLessThanOrEqual(124);
    }
    expect(await store.list('run-1/')).toEqual([key]);
    expect(await store.has(key)).toBe(true);
  });

  it('rejects a key too long for Drive app properties with a ConfigError naming key', async () => {
    const error = await testStore()
      .put(`run-1/${'😀'.repeat(1000)}`, bytes(1), 'application/octet-stream')
      .catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error) && error.field).toBe('key');
    expect(server.calls).toHaveLength(0);
  });

  it('ignores files in the folder that the store did not write', async () => {
    const store = testStore();
    await store.put('run-1/a.bin', bytes(1), 'application/octet-stream');
    const stranger = { ...fake.liveFiles()[0]!, id: newId(), name: 'run-1/notes.txt', appProperties: {} };
    fake.state.files.set(stranger.id, stranger);
    expect(await store.list()).toEqual(['run-1/a.bin']);
    expect(await store.has('run-1/notes.txt')).toBe(false);
  });

  it('get of a key verifies the bytes against the stored checksum', async () => {
    const store = testStore();
    await store.put('run-1/a.bin', bytes(1, 2, 3), 'application/octet-stream');
    fake.liveFiles()[0]!.bytes = bytes(1, 2, 4);
    const error = await store.get('run-1/a.bin').catch((caught: unknown) => caught);
    expect(ReelsmithError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('run-1/a.bin');
    expect((error as Error).message).toMatch(/changed or truncated/);
  });
});

describe('createDriveMediaStore: rootUrl', () => {
  it('sends every Drive request to the configured API root', async () => {
    const other = createFakeDrive({ rootUrl: 'https://drive-fake.example.test/api/' });
    server.use(...other.handlers);
    const store = testStore({ rootUrl: 'https://drive-fake.example.test/api' });
    await store.put('run-1/a.bin', bytes(1), 'application/octet-stream');
    expect(other.liveFiles()).toHaveLength(1);
    expect(fake.liveFiles()).toHaveLength(0);
    expect(server.calls.every((call) => call.url.startsWith('https://drive-fake.example.test/api/'))).toBe(
      true,
    );
  });
});

describe('createDriveMediaStore: delete', () => {
  it("moves the file to the trash by default (deleteMode 'trash')", async () => {
    const store = testStore();
    const ref = await store.put('run-1/a.bin', bytes(1), 'application/octet-stream');
    await store.delete(ref);
    expect(fake.liveFiles()).toHaveLength(0);
    expect([...fake.state.files.values()].filter((file) => file.trashed).map((file) => file.name)).toEqual([
      'run-1/a.bin',
    ]);
    expect(await store.has(ref)).toBe(false);
  });

  it("deletes the file for good with deleteMode 'permanent'", async () => {
    const store = testStore({ deleteMode: 'permanent' });
    await store.put('run-1/a.bin', bytes(1), 'application/octet-stream');
    await store.delete('run-1/a.bin');
    expect([...fake.state.files.values()].some((file) => file.name === 'run-1/a.bin')).toBe(false);
    expect(server.calls.some((call) => call.method === 'DELETE')).toBe(true);
  });
});

describe('createDriveMediaStore: input checks and cancellation', () => {
  it('rejects a bad media type with a ConfigError before any request', async () => {
    const error = await testStore()
      .put('run-1/a.bin', bytes(1), 'video/mp4\r\nX-Evil: 1')
      .catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error) && error.field).toBe('mediaType');
    expect(server.calls).toHaveLength(0);
  });

  it('sends no request when the signal is already aborted, and rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    const store = testStore();
    await expect(store.put('run-1/a.bin', bytes(1), 'x/y', { signal: controller.signal })).rejects.toBe(
      reason,
    );
    await expect(store.get('run-1/a.bin', { signal: controller.signal })).rejects.toBe(reason);
    expect(server.calls).toHaveLength(0);
  });
});
