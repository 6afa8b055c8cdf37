import { installTestServer } from '@reelsmith/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeDrive, type FakeDrive } from './testing/drive-service.js';
import { testStore } from './testing/drive-test-setup.js';

const server = installTestServer();
let fake: FakeDrive;

beforeEach(() => {
  fake = createFakeDrive();
  server.use(...fake.handlers);
});

const permissionCalls = () => server.calls.filter((call) => call.url.includes('/permissions'));

describe('publicUrl: shareable Drive links (API-CONTRACTS §6.3)', () => {
  it("with share 'anyone-with-link' grants reader to anyone (not discoverable) and returns webViewLink", async () => {
    const store = testStore({ share: 'anyone-with-link' });
    const ref = await store.put('run-1/video.mp4', Uint8Array.from([1]), 'video/mp4');
    const file = fake.fileNamed('run-1/video.mp4')!;
    expect(file.permissions).toEqual([]);
    const url = await store.publicUrl(ref);
    expect(url).toBe(`https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`);
    expect(file.permissions).toEqual([{ id: 'anyoneWithLink', type: 'anyone', role: 'reader' }]);
    expect(JSON.parse(permissionCalls()[0]!.body)).toEqual({
      role: 'reader',
      type: 'anyone',
      allowFileDiscovery: false,
    });
    // A second call reuses the grant.
    expect(await store.publicUrl('run-1/video.mp4')).toBe(url);
    expect(permissionCalls()).toHaveLength(1);
  });

  it('with share { domain } grants reader to the Workspace domain', async () => {
    const store = testStore({ share: { domain: 'example.com' } });
    await store.put('run-1/video.mp4', Uint8Array.from([1]), 'video/mp4');
    await store.publicUrl('run-1/video.mp4');
    expect(fake.fileNamed('run-1/video.mp4')!.permissions).toEqual([
      { id: 'domain-example.com', type: 'domain', role: 'reader', domain: 'example.com' },
    ]);
  });

  it("with share 'none' (the default) returns undefined and shares nothing", async () => {
    const store = testStore();
    const ref = await store.put('run-1/video.mp4', Uint8Array.from([1]), 'video/mp4');
    expect(await store.publicUrl(ref)).toBeUndefined();
    expect(permissionCalls()).toHaveLength(0);
  });

  it('returns undefined for a key with nothing stored', async () => {
    expect(await testStore({ share: 'anyone-with-link' }).publicUrl('run-1/missing.mp4')).toBeUndefined();
    expect(permissionCalls()).toHaveLength(0);
  });

  it('sends supportsAllDrives=true on every call for shared drives', async () => {
    fake = createFakeDrive({ folders: [{ id: 'shared-folder-1', driveId: '0AShared' }] });
    server.resetHandlers(...fake.handlers);
    const store = testStore({
      folderId: 'shared-folder-1',
      supportsAllDrives: true,
      share: 'anyone-with-link',
    });
    await store.put('run-1/video.mp4', Uint8Array.from([1]), 'video/mp4');
    await store.publicUrl('run-1/video.mp4');
    const driveCalls = server.calls.filter((call) => call.url.includes('googleapis.com/'));
    expect(driveCalls.length).toBeGreaterThan(3);
    for (const call of driveCalls) expect(call.url).toContain('supportsAllDrives=true');
    expect(server.calls.find((call) => call.url.includes('q='))?.url).toContain('corpora=drive');
  });
});
