import {
  explainInvalidGrant,
  ProviderError,
  type ProviderErrorKind,
  redactText,
  retryAfterFromHeaders,
} from '@reelsmith/core';

/** What a Drive error body says: `{"error":{"code","message","errors":[{"reason","location"}]}}`. */
export interface DriveErrorDetail {
  /** `errors[0].reason` (`storageQuotaExceeded`, `notFound`, …) or the OAuth `error` (`invalid_grant`). */
  reason?: string;
  message?: string;
  /** `errors[0].location`: the parameter or field concerned. */
  location?: string;
}

/** What the request was doing, so messages name the cause and the fix. */
export interface DriveErrorContext {
  /** The store id (`gdrive:<folderId>`), used as `ProviderError.provider`. */
  provider: string;
  folderId: string;
  supportsAllDrives: boolean;
  /** e.g. `upload run-1/video.mp4`, `list media`. */
  operation: string;
  /** What the request addressed: the folder, a file, a permission, an upload session. */
  target: 'folder' | 'file' | 'permission' | 'upload';
}

/** An HTTP error answer from Drive. */
export interface DriveFailure {
  status: number;
  body: unknown;
  headers?: Headers;
}

/** Reads a Drive (or OAuth token endpoint) error body in any of its shapes; text and HTML give only a message. */
export function parseDriveError(body: unknown): DriveErrorDetail {
  if (typeof body === 'string') {
    const text = body.trim();
    return text === '' || text.startsWith('<') ? {} : { message: text.slice(0, 300) };
  }
  if (!isRecord(body)) return {};
  if (typeof body.error === 'string') {
    return { reason: body.error, ...textField('message', body.error_description) };
  }
  const error = isRecord(body.error) ? body.error : body;
  const first = Array.isArray(error.errors) && isRecord(error.errors[0]) ? error.errors[0] : {};
  return {
    ...textField('reason', first.reason ?? error.status),
    ...textField('message', error.message ?? first.message),
    ...textField('location', first.location),
  };
}

/** Maps a Drive error answer to a `ProviderError` whose message names the cause and the fix. */
export function driveErrorFromResponse(failure: DriveFailure, context: DriveErrorContext): ProviderError {
  const detail = parseDriveError(failure.body);
  const classified = classify(failure.status, detail, context);
  const retryAfterMs = failure.headers ? retryAfterFromHeaders(failure.headers) : undefined;
  return new ProviderError({
    kind: classified.kind,
    provider: context.provider,
    status: failure.status,
    code: detail.reason ?? `http_${failure.status}`,
    message: `${context.operation}: ${classified.message}`,
    ...(retryAfterMs !== undefined && isThrottle(classified.kind) ? { retryAfterMs } : {}),
    body: typeof failure.body === 'string' ? failure.body.slice(0, 2000) : failure.body,
  });
}

/** The error for a request that got no answer: a dropped connection or the time limit. */
export function driveNetworkError(
  error: unknown,
  context: DriveErrorContext,
  timedOutAfterMs: number | undefined,
): ProviderError {
  const said = timedOutAfterMs !== undefined ? `no answer within ${timedOutAfterMs} ms` : describe(error);
  return new ProviderError({
    kind: 'transient',
    provider: context.provider,
    code: timedOutAfterMs !== undefined ? 'timeout' : 'network_error',
    message: `${context.operation}: the request to Google Drive failed before an answer (${said}); it is safe to retry`,
    cause: error,
  });
}

/** The error for a failed token refresh (`getRequestHeaders` rejected), e.g. `invalid_grant`. */
export function driveTokenError(error: unknown, context: DriveErrorContext): ProviderError {
  const response = (error as { response?: { status?: number; data?: unknown } }).response;
  if (!response) {
    return new ProviderError({
      kind: 'transient',
      provider: context.provider,
      code: 'token_refresh_failed',
      message: `${context.operation}: getting a Google access token failed (${describe(error)}); retry later`,
      cause: error,
    });
  }
  const detail = parseDriveError(response.data);
  const said = detail.message ? ` ("${detail.message}")` : '';
  const message =
    detail.reason === 'invalid_grant'
      ? `Google ${explainInvalidGrant('gdrive', detail.message)}`
      : `Google refused the OAuth client or token (${detail.reason ?? response.status}${said}). ` +
        'Check the client id and secret of the auth client and sign in again.';
  return new ProviderError({
    kind: 'auth',
    provider: context.provider,
    ...(response.status !== undefined ? { status: response.status } : {}),
    code: detail.reason ?? 'token_error',
    message: `${context.operation}: ${message}`,
    body: response.data,
    cause: error,
  });
}

// ---------------------------------------------------------------------------------------------

interface Classified {
  kind: ProviderErrorKind;
  message: string;
}

const rateReasons = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'sharingRateLimitExceeded']);

function classify(status: number, detail: DriveErrorDetail, context: DriveErrorContext): Classified {
  const reason = detail.reason ?? '';
  const tag = reason ? ` (${status} ${reason})` : ` (${status})`;
  const said = detail.message ? `: ${detail.message}` : '';
  const folder = `folderId "${context.folderId}"`;
  if (reason === 'storageQuotaExceeded') {
    return /service account/i.test(detail.message ?? '')
      ? {
          kind: 'quota',
          message:
            `service accounts have no Drive storage of their own${tag}. Configuration fix: set ${folder} ` +
            'to a folder inside a shared drive the service account is a member of, with `supportsAllDrives: true`, ' +
            'or sign in as a user (OAuth) instead.',
        }
      : {
          kind: 'quota',
          message: `the Drive account's storage is full${tag}${said}. Free space (empty the trash) or upgrade the storage plan.`,
        };
  }
  if (rateReasons.has(reason) || status === 429) {
    return {
      kind: 'rate_limit',
      message: `Google Drive is throttling requests${tag}${said}; retry after a pause.`,
    };
  }
  if (reason === 'dailyLimitExceeded' || reason === 'quotaExceeded') {
    return {
      kind: 'quota',
      message: `the project's Drive API quota is used up${tag}${said}. Wait for the reset or raise the quota.`,
    };
  }
  if (status === 401) {
    return {
      kind: 'auth',
      message: `Google rejected the access token${tag}${said}. Sign the account in again (\`reelsmith auth login\`) or check the auth client.`,
    };
  }
  if (context.target === 'permission' && (status === 403 || status === 400)) {
    return {
      kind: 'invalid_input',
      message:
        `Drive refused to share the file${tag}${said}; the file stays private. The Workspace admin may forbid ` +
        `this kind of link: set \`share\` to 'none' or { domain }, or ask the admin to allow link sharing.`,
    };
  }
  if (status === 403) {
    const scope = /scope/i.test(`${reason} ${detail.message ?? ''}`) || reason === 'insufficientPermissions';
    return {
      kind: 'auth',
      message: scope
        ? `the token lacks a Drive scope${tag}${said}. Sign in again with the \`https://www.googleapis.com/auth/drive.file\` scope.`
        : `the account may not do this in ${folder}${tag}${said}. Share the folder with the account (or service account) as editor.`,
    };
  }
  if (status === 404 && (context.target === 'folder' || (detail.message ?? '').includes(context.folderId))) {
    const drives = context.supportsAllDrives
      ? ''
      : ' If the folder is in a shared drive, set `supportsAllDrives: true`.';
    return {
      kind: 'invalid_input',
      message:
        `Drive cannot find ${folder}${tag}. Check the id and share the folder with the signed-in account ` +
        `(or the service account's e-mail) as editor.${drives}`,
    };
  }
  if (status === 402) return { kind: 'billing', message: `Google asks for payment${tag}${said}.` };
  if (
    status === 400 ||
    status === 404 ||
    status === 409 ||
    status === 411 ||
    status === 413 ||
    status === 422
  ) {
    const field = detail.location ? ` \`${detail.location}\` rejected` : ' request rejected';
    return { kind: 'invalid_input', message: `Drive${field}${tag}${said}` };
  }
  if (status === 408 || status === 425 || status >= 500) {
    return { kind: 'transient', message: `Google Drive failed${tag}${said}; it is safe to retry.` };
  }
  return { kind: 'unknown', message: `Google Drive answered${tag}${said}` };
}

function isThrottle(kind: ProviderErrorKind): boolean {
  return kind === 'rate_limit' || kind === 'transient';
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactText(stripQuery(text));
}

/** Removes query strings from URLs in a message (session ids, tokens). */
export function stripQuery(text: string): string {
  return text.replace(/(https?:\/\/[^\s?"']+)\?[^\s"']*/g, '$1?…');
}

function textField<K extends string>(name: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value !== '' ? ({ [name]: value } as Record<K, string>) : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
