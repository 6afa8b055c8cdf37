import { ProviderError, type ProviderErrorKind, retryAfterFromHeaders } from '@reelsmith/core';
import { msUntilPacificMidnight } from './pacific-day.js';

/** What a Google API error body says (`{ error: { code, message, status, errors: [{ domain, reason }] } }`). */
export interface GoogleErrorDetail {
  reason: string | undefined;
  domain: string | undefined;
  message: string | undefined;
  status: string | undefined;
}

/** Reads the first `errors[].reason` and the message of a Google error body, defensively. */
export function readGoogleError(body: unknown): GoogleErrorDetail {
  const error = (body as { error?: unknown } | undefined)?.error;
  if (typeof error !== 'object' || error === null) {
    return { reason: undefined, domain: undefined, message: undefined, status: undefined };
  }
  const envelope = error as { message?: unknown; status?: unknown; errors?: unknown };
  const first = Array.isArray(envelope.errors)
    ? (envelope.errors[0] as { reason?: unknown; domain?: unknown } | undefined)
    : undefined;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    reason: text(first?.reason),
    domain: text(first?.domain),
    message: text(envelope.message),
    status: text(envelope.status),
  };
}

/** The answer a request got. */
export interface FailedAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when it was not JSON. */
  body: unknown;
}

/** What the request was, for messages that say what to change. */
export interface RequestContext {
  provider: string;
  /** e.g. `videos.insert (start upload)`. */
  call: string;
  now: number;
}

const validationReasons = new Set([
  'invalidTitle',
  'invalidDescription',
  'invalidTags',
  'invalidCategoryId',
  'invalidPublishAt',
  'invalidRecordingDetails',
  'invalidVideoGameRating',
  'invalidFilename',
  'mediaBodyRequired',
  'invalidVideoMetadata',
  'defaultLanguageNotSet',
  'badRequest',
  'invalidValue',
  'required',
  'forbidden',
  'forbiddenPrivacySetting',
  'forbiddenLicenseSetting',
  'forbiddenEmbedSetting',
  'forbiddenNotifySubscribers',
  'invalidImage',
  'mediaBodyTooLarge',
  'uploadRateLimitExceeded',
  'youtubeSignupRequired',
]);

const fixes: Record<string, string> = {
  quotaExceeded:
    'the project used its daily quota; wait for the reset at midnight Pacific time or request more (Cloud Console › Quotas)',
  dailyLimitExceeded:
    'the project used its daily quota; wait for the reset at midnight Pacific time or request more (Cloud Console › Quotas)',
  uploadLimitExceeded:
    "the channel reached YouTube's rolling 24-hour upload cap; publish again in about 24 hours",
  rateLimitExceeded: 'requests came too fast; slow down and retry',
  userRateLimitExceeded: 'requests came too fast; slow down and retry',
  authError:
    'the access token is invalid or expired; run `reelsmith auth login youtube` if refreshing does not help',
  insufficientPermissions:
    'the token lacks the youtube.upload scope (and youtube.force-ssl for thumbnails); run `reelsmith auth login youtube` and grant them',
  youtubeSignupRequired:
    'the Google account has no YouTube channel; create one at youtube.com (Create a channel) and try again',
  invalidTitle: 'the title must be 1–100 characters without < or >',
  invalidDescription: 'the description must be at most 5000 bytes without < or >',
  invalidTags: 'the tags must total at most 500 characters',
  invalidCategoryId: 'use a category id from videoCategories.list for your region (`categoryId`)',
  forbidden:
    'the channel may not do this (custom thumbnails and long videos need a verified channel: youtube.com/verify)',
  forbiddenPrivacySetting: 'choose another `privacyStatus`',
  accountDelegationForbidden: 'the account may not act for this channel; log in with the channel owner',
  authenticatedUserAccountClosed: 'the YouTube account is closed; log in with another account',
  authenticatedUserAccountSuspended: 'the YouTube account is suspended; log in with another account',
};

/** Maps a Google API error answer to a `ProviderError` whose message names the cause and the fix. */
export function youTubeProviderError(answer: FailedAnswer, context: RequestContext): ProviderError {
  const detail = readGoogleError(answer.body);
  const { kind, retryAfterMs } = classify(answer, detail, context.now);
  const what =
    detail.reason ?? detail.status ?? (typeof answer.body === 'string' ? 'non-JSON answer' : 'error');
  const said = detail.message ? `: ${detail.message}` : '';
  const fix = (detail.reason && fixes[detail.reason]) ?? defaultFix(kind, answer.status);
  return new ProviderError({
    kind,
    provider: context.provider,
    status: answer.status,
    code: detail.reason ?? detail.status,
    retryAfterMs,
    body: typeof answer.body === 'string' ? answer.body.slice(0, 500) : answer.body,
    message: `YouTube ${context.call} failed with ${answer.status} ${what}${said}. Fix: ${fix}`,
  });
}

function classify(
  answer: FailedAnswer,
  detail: GoogleErrorDetail,
  now: number,
): { kind: ProviderErrorKind; retryAfterMs?: number } {
  const { status } = answer;
  const reason = detail.reason;
  if (reason === 'uploadLimitExceeded') return { kind: 'quota', retryAfterMs: 24 * 3_600_000 };
  // Throttling first: YouTube sends rateLimitExceeded in the youtube.quota domain too.
  if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded' || status === 429) {
    return { kind: 'rate_limit', retryAfterMs: retryAfterFromHeaders(answer.headers, now) ?? 1_000 };
  }
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded' || detail.domain === 'youtube.quota') {
    return { kind: 'quota', retryAfterMs: msUntilPacificMidnight(now) };
  }
  if (reason && validationReasons.has(reason)) return { kind: 'invalid_input' };
  if (
    reason === 'accountDelegationForbidden' ||
    reason === 'authenticatedUserAccountClosed' ||
    reason === 'authenticatedUserAccountSuspended' ||
    reason === 'insufficientPermissions'
  ) {
    return { kind: 'auth' };
  }
  if (status === 401 || status === 403) return { kind: 'auth' };
  if (status === 402) return { kind: 'billing' };
  if (status === 408 || status >= 500) return { kind: 'transient' };
  if (status === 400 || status === 404 || status === 409 || status === 413 || status === 422) {
    return { kind: 'invalid_input' };
  }
  return { kind: 'unknown' };
}

function defaultFix(kind: ProviderErrorKind, status: number): string {
  switch (kind) {
    case 'auth':
      return 'check the account and its scopes; run `reelsmith auth login youtube`';
    case 'transient':
      return 'a temporary failure at YouTube; retry later';
    case 'billing':
      return 'check the billing of the Google Cloud project';
    case 'invalid_input':
      return status === 404
        ? 'the endpoint was not found; check `baseUrl` and `uploadUrl`'
        : 'correct the request as the message says; it will fail the same way unchanged';
    default:
      return 'see the answer body in `error.body`';
  }
}
