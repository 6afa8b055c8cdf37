import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createDriveMediaStore } from './drive-media-store.js';
import type { DriveMediaStoreOptions } from './drive-settings.js';
import { testAuth } from './testing/drive-test-setup.js';

function configError(options: unknown): ConfigError {
  try {
    createDriveMediaStore(options as DriveMediaStoreOptions);
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createDriveMediaStore options', () => {
  it('needs an auth client with getRequestHeaders', () => {
    const error = configError({ folderId: 'folder-reelsmith-test', auth: { token: 'x' } });
    expect(error.field).toBe('auth');
    expect(error.message).toContain('OAuth2Client');
  });

  it('needs a folder id and says where to find it', () => {
    const error = configError({ auth: testAuth() });
    expect(error.field).toBe('folderId');
    expect(error.message).toContain('/folders/');
    expect(configError({ auth: testAuth(), folderId: 'https://drive.google.com/x' }).field).toBe('folderId');
  });

  it('wants chunkSize in multiples of 256 KiB', () => {
    const error = configError({ auth: testAuth(), folderId: 'folder-reelsmith-test', chunkSize: 300_000 });
    expect(error.field).toBe('chunkSize');
    expect(error.message).toContain('262144');
  });

  it('checks share, deleteMode, timeoutMs and rootUrl, and rejects unknown options', () => {
    const base = { auth: testAuth(), folderId: 'folder-reelsmith-test' };
    expect(configError({ ...base, share: 'public' }).field).toBe('share');
    expect(configError({ ...base, share: { domain: 'not a domain' } }).field).toBe('share.domain');
    expect(configError({ ...base, deleteMode: 'shred' }).field).toBe('deleteMode');
    expect(configError({ ...base, timeoutMs: 0 }).field).toBe('timeoutMs');
    expect(configError({ ...base, rootUrl: 'ftp://example.com' }).field).toBe('rootUrl');
    expect(configError({ ...base, folderID: 'x' }).message).toContain('folderID');
  });

  it('fills defaults: id gdrive:<folderId>, share none', async () => {
    const store = createDriveMediaStore({ auth: testAuth(), folderId: 'folder-reelsmith-test' });
    expect(store.id).toBe('gdrive:folder-reelsmith-test');
    expect(store.capability).toBe('media-store');
    expect(store.specificationVersion).toBe('v1');
    expect(await store.publicUrl('run-1/a.png')).toBeUndefined();
  });

  it('sends nothing at creation', () => {
    let called = false;
    createDriveMediaStore({
      auth: testAuth(),
      folderId: 'folder-reelsmith-test',
      fetch: async () => {
        called = true;
        return new Response('{}');
      },
    });
    expect(called).toBe(false);
  });
});
