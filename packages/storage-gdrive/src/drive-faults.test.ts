import { ProviderError } from '@reelsmith/core';
import { installTestServer, sequence } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { driveError, driveFaults } from './testing/drive-errors.js';
import {
  createFakeDrive,
  type FakeDrive,
  fakeCredentials,
  fakeDriveRootUrl,
} from './testing/drive-service.js';
import { testAuth, testFolderId, testStore } from './testing/drive-test-setup.js';

const server = installTestServer();
const uploadUrl = `${fakeDriveRootUrl}upload/drive/v3/files`;
const filesUrl = `${fakeDriveRootUrl}drive/v3/files`;
const bytes = Uint8Array.from([1, 2, 3, 4]);
let fake: FakeDrive;

beforeEach(() => {
  fake = createFakeDrive();
  server.use(...fake.handlers);
});

async function failure(call: () => Promise<unknown>): Promise<ProviderError> {
  try {
    await call();
  } catch (error) {
    if (ProviderError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const uploadCalls = () =>
  server.calls.filter((call) => call.url.startsWith(uploadUrl) && call.method === 'POST');

describe('API-CONTRACTS §13.6 Google Drive fault rows', () => {
  it('D1: 403 storageQuotaExceeded for a service account is a quota error pointing to shared drives, not retried', async () => {
    server.use(
      http.post(uploadUrl, () => HttpResponse.json(driveFaults.serviceAccountQuota(), { status: 403 })),
    );
    const error = await failure(() => testStore().put('run-1/a.bin', bytes, 'application/octet-stream'));
    expect(error.kind).toBe('quota');
    expect(error.code).toBe('storageQuotaExceeded');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/shared drive/);
    expect(error.message).toContain('supportsAllDrives: true');
    expect(uploadCalls()).toHaveLength(1);
    expect(fake.liveFiles()).toHaveLength(0);
  });

  it('D1: 403 storageQuotaExceeded of a full user Drive says to free space or upgrade', async () => {
    server.use(http.post(uploadUrl, () => HttpResponse.json(driveFaults.storageQuota(), { status: 403 })));
    const error = await failure(() => testStore().put('run-1/a.bin', bytes, 'application/octet-stream'));
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/Free space.*upgrade/);
  });

  it('D2: 403 userRateLimitExceeded, then 200: the upload is retried and stored once', async () => {
    server.use(
      http.post(
        uploadUrl,
        sequence(
          () => HttpResponse.json(driveFaults.userRateLimit(), { status: 403 }),
          () => undefined,
        ),
      ),
    );
    const ref = await testStore().put('run-1/a.bin', bytes, 'application/octet-stream');
    expect(ref.size).toBe(4);
    expect(uploadCalls()).toHaveLength(2);
    expect(fake.liveFiles().map((file) => file.name)).toEqual(['run-1/a.bin']);
  });

  it('D2: 403 rateLimitExceeded is a rate_limit error when retries are off', async () => {
    server.use(http.post(uploadUrl, () => HttpResponse.json(driveFaults.rateLimit(), { status: 403 })));
    const error = await failure(() => testStore({ retry: { retries: 0 } }).put('run-1/a.bin', bytes, 'x/y'));
    expect(error.kind).toBe('rate_limit');
    expect(error.retryable).toBe(true);
  });

  it('D3: 429, then 200: a download is retried and returns the bytes', async () => {
    const store = testStore();
    const ref = await store.put('run-1/a.bin', bytes, 'application/octet-stream');
    server.use(
      http.get(
        `${filesUrl}/:fileId`,
        sequence(
          ({ request }) =>
            new URL(request.url).searchParams.get('alt') === 'media'
              ? HttpResponse.json(driveFaults.tooManyRequests(), { status: 429 })
              : undefined,
          () => undefined,
        ),
      ),
    );
    expect(Array.from(await store.get(ref))).toEqual([1, 2, 3, 4]);
  });

  it('D3: 429 with Retry-After 7 is rate_limit with retryAfterMs 7000', async () => {
    server.use(
      http.post(
        uploadUrl,
        driveError(429, 'rateLimitExceeded', 'Too many requests.', { 'retry-after': '7' }),
      ),
    );
    const error = await failure(() => testStore({ retry: { retries: 0 } }).put('run-1/a.bin', bytes, 'x/y'));
    expect(error.kind).toBe('rate_limit');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('D4: 404 on a shared-drive folder without supportsAllDrives is invalid_input naming folderId with the fix', async () => {
    fake = createFakeDrive({ folders: [{ id: 'shared-folder-1', driveId: '0AShared' }] });
    server.use(...fake.handlers);
    const error = await failure(() =>
      testStore({ folderId: 'shared-folder-1' }).put('run-1/a.bin', bytes, 'application/octet-stream'),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.code).toBe('notFound');
    expect(error.message).toContain('folderId "shared-folder-1"');
    expect(error.message).toContain('supportsAllDrives: true');
    expect(error.message).toMatch(/share the folder/i);
    const store = testStore({ folderId: 'shared-folder-1', supportsAllDrives: true });
    const ref = await store.put('run-1/a.bin', bytes, 'application/octet-stream');
    expect(Array.from(await store.get(ref))).toEqual([1, 2, 3, 4]);
    expect(await store.list()).toEqual(['run-1/a.bin']);
    expect(fake.liveFiles()[0]?.driveId).toBe('0AShared');
  });

  it('D4: a folder id that does not exist is invalid_input naming folderId', async () => {
    const error = await failure(() => testStore({ folderId: 'missing-folder' }).list());
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain('folderId "missing-folder"');
    expect(error.message).toMatch(/service account/);
  });

  it('D6: 403 on permissions.create is invalid_input and the file stays private', async () => {
    fake = createFakeDrive({ forbidShareTypes: ['anyone'] });
    server.use(...fake.handlers);
    const store = testStore({ share: 'anyone-with-link' });
    const ref = await store.put('run-1/video.mp4', bytes, 'video/mp4');
    const error = await failure(() => store.publicUrl(ref));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/stays private/);
    expect(error.message).toContain("set `share` to 'none'");
    expect(fake.fileNamed('run-1/video.mp4')?.permissions).toEqual([]);
  });

  it('D6: 400 "Bad Request" on permissions.create (shared drive policy) is invalid_input too', async () => {
    const store = testStore({ share: 'anyone-with-link' });
    const ref = await store.put('run-1/video.mp4', bytes, 'video/mp4');
    server.use(
      http.post(`${filesUrl}/:fileId/permissions`, () =>
        HttpResponse.json(driveFaults.sharingBadRequest(), { status: 400 }),
      ),
    );
    const error = await failure(() => store.publicUrl(ref));
    expect(error.kind).toBe('invalid_input');
    expect(fake.fileNamed('run-1/video.mp4')?.permissions).toEqual([]);
  });
});

describe('§6.4 error classes', () => {
  it('401 authError is auth; the client refreshes its token once first', async () => {
    server.use(http.get(filesUrl, () => HttpResponse.json(driveFaults.authError(), { status: 401 })));
    const error = await failure(() => testStore().list());
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/Sign the account in again/);
    expect(fake.stats.tokenRefreshes).toBe(1);
  });

  it('an expired access token is refreshed once and the call succeeds', async () => {
    const store = testStore();
    fake.expireAccessTokens();
    await store.put('run-1/a.bin', bytes, 'x/y');
    expect(fake.stats.tokenRefreshes).toBe(1);
    expect(fake.liveFiles()).toHaveLength(1);
  });

  it('invalid_grant from the token endpoint is auth and explains the 7-day expiry of apps in Testing', async () => {
    fake.revokeRefreshToken();
    const error = await failure(() => testStore({ auth: testAuth({ expired: true }) }).list());
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('invalid_grant');
    expect(error.message).toMatch(/Testing/);
    expect(error.message).toMatch(/7 days/);
    expect(error.message).toMatch(/In production/);
  });

  it('500 backendError is transient; 503 then 200 succeeds', async () => {
    server.use(http.get(filesUrl, () => HttpResponse.json(driveFaults.backendError(), { status: 500 })));
    const error = await failure(() => testStore({ retry: { retries: 0 } }).list());
    expect(error.kind).toBe('transient');
    server.resetHandlers();
    server.use(...fake.handlers);
    server.use(
      http.get(
        filesUrl,
        sequence(
          () =>
            new HttpResponse('<html><body>503</body></html>', {
              status: 503,
              headers: { 'content-type': 'text/html' },
            }),
          () => undefined,
        ),
      ),
    );
    expect(await testStore().list()).toEqual([]);
  });

  it('a 200 with a body that is not JSON is transient', async () => {
    server.use(
      http.get(
        filesUrl,
        () => new HttpResponse('{"files":[', { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const error = await failure(() => testStore({ retry: { retries: 0 } }).list());
    expect(error.kind).toBe('transient');
    expect(error.code).toBe('malformed_response');
  });

  it('a dropped connection is transient', async () => {
    server.use(http.get(filesUrl, () => HttpResponse.error()));
    const error = await failure(() => testStore({ retry: { retries: 0 } }).list());
    expect(error.kind).toBe('transient');
    expect(error.code).toBe('network_error');
  });

  it('never leaks the access token, refresh token or client secret into errors', async () => {
    server.use(http.get(filesUrl, () => HttpResponse.json(driveFaults.authError(), { status: 401 })));
    const error = await failure(() => testStore({ auth: testAuth({ expired: true }) }).list());
    const text = `${error.message} ${JSON.stringify(error.body)} ${String(error.stack)}`;
    for (const secret of [
      fakeCredentials.accessToken,
      fakeCredentials.refreshToken,
      fakeCredentials.clientSecret,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(testFolderId).toBe('folder-reelsmith-test');
  });
});
