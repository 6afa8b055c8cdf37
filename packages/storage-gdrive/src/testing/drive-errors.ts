import { HttpResponse, type HttpResponseResolver } from 'msw';

/** Drive's error envelope: `{"error":{"code","message","errors":[{"message","domain","reason",…}]}}`. */
export function driveErrorBody(
  status: number,
  reason: string,
  message: string,
  extra: { domain?: string; location?: string; locationType?: string } = {},
): Record<string, unknown> {
  const statusName: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain: extra.domain ?? 'global', reason, ...locationOf(extra) }],
      ...(statusName[status] ? { status: statusName[status] } : {}),
    },
  };
}

/** A resolver answering with a Drive error envelope. */
export function driveError(
  status: number,
  reason: string,
  message: string,
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () => HttpResponse.json(driveErrorBody(status, reason, message), { status, headers });
}

/** The answers Drive really sends for the fault rows of API-CONTRACTS §6 and §13.6. */
export const driveFaults = {
  authError: () =>
    driveErrorBody(
      401,
      'authError',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      { location: 'Authorization', locationType: 'header' },
    ),
  notFound: (id: string) =>
    driveErrorBody(404, 'notFound', `File not found: ${id}.`, {
      location: 'fileId',
      locationType: 'parameter',
    }),
  storageQuota: () =>
    driveErrorBody(403, 'storageQuotaExceeded', "The user's Drive storage quota has been exceeded.", {
      domain: 'usageLimits',
    }),
  serviceAccountQuota: () =>
    driveErrorBody(
      403,
      'storageQuotaExceeded',
      'Service Accounts do not have storage quota. Leverage shared drives (https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth delegation (http://support.google.com/a/answer/7281227) instead.',
      { domain: 'usageLimits' },
    ),
  userRateLimit: () =>
    driveErrorBody(403, 'userRateLimitExceeded', 'User rate limit exceeded.', { domain: 'usageLimits' }),
  rateLimit: () =>
    driveErrorBody(
      403,
      'rateLimitExceeded',
      'Rate limit exceeded. User message: "Sorry, you have exceeded your sharing quota."',
      {
        domain: 'usageLimits',
      },
    ),
  tooManyRequests: () =>
    driveErrorBody(429, 'rateLimitExceeded', 'Too many requests.', { domain: 'usageLimits' }),
  backendError: () => driveErrorBody(500, 'backendError', 'Backend Error'),
  /** 403 on `permissions.create` when the Workspace admin forbids link sharing (reason text not verified on a live tenant). */
  sharingForbidden: () =>
    driveErrorBody(
      403,
      'publishOutNotPermitted',
      'The user does not have permission to share this file outside the domain.',
    ),
  /** 400 seen on shared drives that forbid "anyone" links (google-api-python-client issue #895). */
  sharingBadRequest: () => driveErrorBody(400, 'invalidSharingRequest', 'Bad Request. User message: ""'),
  invalidGrant: () => ({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
};

function locationOf(extra: { location?: string; locationType?: string }): Record<string, string> {
  return {
    ...(extra.location ? { location: extra.location } : {}),
    ...(extra.locationType ? { locationType: extra.locationType } : {}),
  };
}
