import { describe, expect, it } from 'vitest';
import {
  type DriveErrorContext,
  driveErrorFromResponse,
  parseDriveError,
  stripQuery,
} from './drive-error.js';
import { driveErrorBody, driveFaults } from './testing/drive-errors.js';

const context: DriveErrorContext = {
  provider: 'gdrive:folder-reelsmith-test',
  folderId: 'folder-reelsmith-test',
  supportsAllDrives: false,
  operation: 'upload run-1/a.bin',
  target: 'upload',
};

const classify = (status: number, body: unknown, target: DriveErrorContext['target'] = 'upload') =>
  driveErrorFromResponse({ status, body }, { ...context, target });

describe('parseDriveError', () => {
  it('reads the Drive envelope, the OAuth form, text and HTML', () => {
    expect(parseDriveError(driveFaults.userRateLimit())).toEqual({
      reason: 'userRateLimitExceeded',
      message: 'User rate limit exceeded.',
    });
    expect(parseDriveError(driveFaults.invalidGrant())).toEqual({
      reason: 'invalid_grant',
      message: 'Token has been expired or revoked.',
    });
    expect(parseDriveError('Not Found')).toEqual({ message: 'Not Found' });
    expect(parseDriveError('<html><body>502</body></html>')).toEqual({});
  });
});

describe('driveErrorFromResponse', () => {
  it('maps each §6.4 row to a kind', () => {
    expect(classify(400, driveErrorBody(400, 'invalid', 'Invalid Value', { location: 'q' })).kind).toBe(
      'invalid_input',
    );
    expect(
      classify(400, driveErrorBody(400, 'invalid', 'Invalid Value', { location: 'q' })).message,
    ).toContain('`q`');
    expect(classify(401, driveFaults.authError()).kind).toBe('auth');
    expect(classify(403, driveFaults.userRateLimit()).kind).toBe('rate_limit');
    expect(classify(403, driveFaults.rateLimit()).kind).toBe('rate_limit');
    expect(classify(403, driveFaults.storageQuota()).kind).toBe('quota');
    expect(
      classify(
        403,
        driveErrorBody(
          403,
          'insufficientFilePermissions',
          'The user does not have sufficient permissions for this file.',
        ),
      ).kind,
    ).toBe('auth');
    expect(
      classify(
        403,
        driveErrorBody(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.'),
      ).message,
    ).toContain('drive.file');
    expect(classify(404, driveFaults.notFound('folder-reelsmith-test')).kind).toBe('invalid_input');
    expect(classify(404, driveFaults.notFound('folder-reelsmith-test')).message).toContain('folderId');
    expect(classify(429, driveFaults.tooManyRequests()).kind).toBe('rate_limit');
    for (const status of [500, 502, 503, 504])
      expect(classify(status, driveFaults.backendError()).kind).toBe('transient');
    expect(classify(418, {}).kind).toBe('unknown');
  });

  it('keeps the reason as the code', () => {
    expect(classify(403, driveFaults.serviceAccountQuota()).code).toBe('storageQuotaExceeded');
    expect(classify(503, '').code).toBe('http_503');
  });
});

describe('stripQuery', () => {
  it('removes query strings (session ids, tokens) from URLs in text', () => {
    expect(
      stripQuery(
        'PUT https://www.googleapis.com/upload/drive/v3/files?uploadType=resumable&upload_id=ABC failed',
      ),
    ).toBe('PUT https://www.googleapis.com/upload/drive/v3/files?… failed');
  });
});
