import { type HeaderLookup, ProviderError, type ProviderErrorKind } from '@reelsmith/core';
import { rateLimitWaitMs } from './rate-limit-headers.js';

/** What a Graph (`{ error: {…} }`) or rupload (`{ debug_info: {…} }`) error body says. */
export interface GraphErrorDetail {
  message?: string;
  type?: string;
  code?: number;
  subcode?: number;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
  traceId?: string;
  /** rupload only: whether the upload server calls it retriable. */
  retriable?: boolean;
}

/** The request a failure answered, for messages that name the step and the fix. */
export interface FailureContext {
  provider: string;
  /** e.g. `create the container`, `publish the container`. */
  step: string;
  rateLimit: { fallbackMs: number; appUsageMs: number };
}

/** Reads the Graph error envelope or the rupload `debug_info`; `undefined` for anything else. */
export function parseGraphError(body: unknown): GraphErrorDetail | undefined {
  if (!isRecord(body)) return undefined;
  const error = body.error;
  if (isRecord(error)) {
    return {
      message: text(error.message),
      type: text(error.type),
      code: integer(error.code),
      subcode: integer(error.error_subcode),
      isTransient: typeof error.is_transient === 'boolean' ? error.is_transient : undefined,
      userTitle: text(error.error_user_title),
      userMessage: text(error.error_user_msg),
      traceId: text(error.fbtrace_id),
    };
  }
  const debug = body.debug_info;
  if (isRecord(debug)) {
    return {
      message: text(debug.message),
      type: text(debug.type),
      retriable: typeof debug.retriable === 'boolean' ? debug.retriable : undefined,
    };
  }
  return undefined;
}

/** Maps a failed HTTP answer to a `ProviderError` (section 7.5 of the contracts sheet). */
export function providerErrorFromResponse(
  failure: { status: number; body: unknown; headers?: HeaderLookup },
  context: FailureContext,
): ProviderError {
  const detail = parseGraphError(failure.body) ?? {};
  const classified = classify(detail, failure.status, failure.headers, context);
  const codes = [detail.code, detail.subcode].filter((value) => value !== undefined).join('/');
  const said = detail.userMessage ?? detail.message;
  return new ProviderError({
    kind: classified.kind,
    provider: context.provider,
    status: failure.status,
    retryAfterMs: classified.retryAfterMs,
    code: codes === '' ? detail.type : codes,
    requestId: detail.traceId ?? failure.headers?.get('x-fb-trace-id') ?? undefined,
    body: typeof failure.body === 'string' ? failure.body.slice(0, 2000) : failure.body,
    message:
      `${context.step} failed (HTTP ${failure.status}${codes ? `, code ${codes}` : ''})` +
      `${said ? `: ${said}` : ''}. ${classified.fix}`,
  });
}

/** Maps a container's `status_code: ERROR` (subcode inside `status`) to a `ProviderError`. */
export function providerErrorFromStatus(status: string | undefined, containerId: string, provider: string) {
  const subcode = Number(/\b(2207\d{3}|36\d{3})\b/.exec(status ?? '')?.[1] ?? Number.NaN);
  const classified = bySubcode(Number.isNaN(subcode) ? undefined : subcode) ?? {
    kind: 'invalid_input' as const,
    fix: 'Instagram could not process the video. Re-encode it (H.264/AAC, 30 fps, +faststart) and publish again.',
  };
  return new ProviderError({
    kind: classified.kind,
    provider,
    code: Number.isNaN(subcode) ? 'ERROR' : String(subcode),
    body: { status_code: 'ERROR', status },
    message: `container ${containerId} failed processing (status ERROR${status ? `: ${status}` : ''}). ${classified.fix}`,
  });
}

interface Classified {
  kind: ProviderErrorKind;
  fix: string;
  retryAfterMs?: number;
}

const refreshFix =
  'Refresh the long-lived token: run `reelsmith auth refresh instagram` (if it has already expired, `reelsmith auth login instagram`). ' +
  'An Instagram-Login token (IGAA…) only works with graphUrl https://graph.instagram.com.';
const reencodeFix =
  'Re-encode the video: ffmpeg -c:v libx264 -pix_fmt yuv420p -r 30 -c:a aac -ar 48000 -movflags +faststart (MP4/MOV, H.264, AAC, moov at the front).';

/** Subcode rows of the table, shared by error answers and container `ERROR` statuses. */
function bySubcode(subcode: number | undefined): Classified | undefined {
  if (subcode === undefined) return undefined;
  if (subcode === 2207042) {
    return {
      kind: 'quota',
      fix: 'The account reached its publishing limit (rolling 24 h, see content_publishing_limit). Reschedule the post.',
    };
  }
  if (subcode === 2207026) return { kind: 'invalid_input', fix: `Unsupported video format. ${reencodeFix}` };
  if (subcode === 2207052) {
    return {
      kind: 'invalid_input',
      fix: 'The video URL is not publicly fetchable: serve the raw file over HTTPS without auth or HTML redirects, with Content-Type video/mp4 (or leave videoUrl out to upload the bytes).',
    };
  }
  if (subcode === 2207057) {
    return {
      kind: 'invalid_input',
      fix: '`thumbOffset` is outside the video: choose a frame inside its duration.',
    };
  }
  if (subcode === 2207004)
    return { kind: 'invalid_input', fix: '`coverUrl` is larger than 8 MiB: use a smaller JPEG.' };
  if (subcode === 2207028 || subcode === 2207036) {
    return {
      kind: 'invalid_input',
      fix: 'The video duration or file size is out of range (3 s–15 min, ≤ 300 MB).',
    };
  }
  if (subcode === 2207089) {
    return { kind: 'invalid_input', fix: 'The container is not a Reel: create it with media_type=REELS.' };
  }
  if (subcode >= 36000 && subcode <= 36999) {
    return {
      kind: 'invalid_input',
      fix: 'The aspect ratio or frame size is not supported: render 1080×1920 (9:16).',
    };
  }
  if (subcode === 2207051) {
    return {
      kind: 'unknown',
      fix: 'Instagram restricted the account for spam-like activity: stop posting and review the account in the Instagram app.',
    };
  }
  if (subcode === 2207050) {
    return {
      kind: 'auth',
      fix: 'The Instagram user is inactive or behind a security checkpoint: log in to the Instagram app, clear it, then `reelsmith auth login instagram`.',
    };
  }
  if ([2207003, 2207001, 2207032, 2207053, 2207008, 2207027, 2207020].includes(subcode)) {
    return {
      kind: 'transient',
      fix: 'A temporary Instagram failure; the publish can be retried (the container id is kept).',
    };
  }
  return undefined;
}

function classify(
  detail: GraphErrorDetail,
  status: number,
  headers: HeaderLookup | undefined,
  context: FailureContext,
): Classified {
  const fromSubcode = bySubcode(detail.subcode);
  if (fromSubcode) return fromSubcode;
  const code = detail.code;
  if (code === 190 || code === 102 || code === 2500) return { kind: 'auth', fix: refreshFix };
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return {
      kind: 'auth',
      fix: 'The token lacks a permission: grant instagram_basic and instagram_content_publish (instagram_business_content_publish on Instagram Login) and complete Page Publishing Authorization if the Page asks for it.',
    };
  }
  if (code === 4 || code === 17 || code === 32 || code === 613 || code === 80002) {
    return {
      kind: 'rate_limit',
      retryAfterMs: rateLimitWaitMs(headers, context.rateLimit),
      fix: 'Instagram is throttling this app or account; wait before the next call.',
    };
  }
  if (code === 9) return bySubcode(2207042) as Classified;
  if (code === 9007)
    return { kind: 'transient', fix: 'The container is not ready yet; keep polling, then publish.' };
  if (code === 9004) return bySubcode(2207052) as Classified;
  if (code === 100 && detail.subcode === 33) {
    return {
      kind: 'invalid_input',
      fix: 'The object does not exist or the token cannot see it: check `igUserId` (GET /{page-id}?fields=instagram_business_account).',
    };
  }
  if (code === 1 || code === 2 || code === -1 || code === -2 || code === 24 || detail.isTransient === true) {
    return { kind: 'transient', fix: 'A temporary Graph API failure; retry later.' };
  }
  if (code === 25) return bySubcode(2207050) as Classified;
  if (code === 100)
    return { kind: 'invalid_input', fix: 'A parameter was rejected; fix the named parameter.' };
  if (detail.retriable === true)
    return { kind: 'transient', fix: 'The upload server is busy; the upload resumes.' };
  if (detail.type === 'NotAuthorizedError' || detail.type === 'OAuthException') {
    if (status === 401 || detail.type === 'NotAuthorizedError') return { kind: 'auth', fix: refreshFix };
  }
  return byStatus(status, headers, context);
}

function byStatus(status: number, headers: HeaderLookup | undefined, context: FailureContext): Classified {
  if (status === 401) return { kind: 'auth', fix: refreshFix };
  if (status === 403) {
    return {
      kind: 'auth',
      fix: 'Access refused: check the token and its permissions (instagram_content_publish).',
    };
  }
  if (status === 402) return { kind: 'billing', fix: 'The service asks for payment.' };
  if (status === 429) {
    return {
      kind: 'rate_limit',
      retryAfterMs: rateLimitWaitMs(headers, context.rateLimit),
      fix: 'Throttled; wait before the next call.',
    };
  }
  if (status === 408 || status >= 500) return { kind: 'transient', fix: 'A temporary failure; retry later.' };
  if (status === 404) {
    return { kind: 'invalid_input', fix: 'Not found: check `igUserId`, `graphUrl` and `graphVersion`.' };
  }
  if (status === 400 || status === 422)
    return { kind: 'invalid_input', fix: 'The request was rejected; fix it.' };
  return { kind: 'unknown', fix: 'An unexpected answer.' };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
