import { OAuth2Client } from 'google-auth-library';
import { createDriveMediaStore, type DriveMediaStore } from '../drive-media-store.js';
import type { DriveMediaStoreOptions } from '../drive-settings.js';
import { fakeCredentials } from './drive-service.js';

/** The folder the fake Drive creates by default. */
export const testFolderId = 'folder-reelsmith-test';

/** Backoff short enough for tests; no test asserts on timing. */
export const fastRetry = { retries: 3, baseDelayMs: 1, maxDelayMs: 4 };

/**
 * A real `google-auth-library` OAuth2Client holding the fake's credentials. `expired` makes its
 * access token stale, so the first call refreshes it at the fake token endpoint.
 */
export function testAuth(options: { expired?: boolean; refreshToken?: string } = {}): OAuth2Client {
  const client = new OAuth2Client({
    clientId: fakeCredentials.clientId,
    clientSecret: fakeCredentials.clientSecret,
  });
  client.setCredentials({
    access_token: fakeCredentials.accessToken,
    refresh_token: options.refreshToken ?? fakeCredentials.refreshToken,
    expiry_date: options.expired ? Date.now() - 60_000 : Date.now() + 3_600_000,
    token_type: 'Bearer',
  });
  return client;
}

/** A store on the fake Drive's test folder, with small chunks and fast retries. */
export function testStore(overrides: Partial<DriveMediaStoreOptions> = {}): DriveMediaStore {
  return createDriveMediaStore({
    auth: testAuth(),
    folderId: testFolderId,
    chunkSize: 256 * 1024,
    multipartMaxBytes: 300 * 1024,
    retry: fastRetry,
    ...overrides,
  });
}
