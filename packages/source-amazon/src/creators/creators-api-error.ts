import { ProviderError, type ProviderErrorKind, retryAfterFromHeaders } from '@reelsmith/core';
import type { HttpAnswer } from '../http-request.js';

/** The code and message of a Creators API (or retired PA-API) error body. */
export interface CreatorsErrorDetail {
  code?: string;
  message?: string;
  /** True when the answer came from the retired PA-API 5.0 (its `com.amazon.paapi5#…` error types). */
  fromPaApi: boolean;
}

type Raw = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Reads `{ errors: [{ code, message }] }`, `{ __type: "…#Code", message }`, `{ code, message }`, `{ Errors: [...] }` or text. */
export function readCreatorsError(answer: Pick<HttpAnswer, 'json' | 'isJson' | 'text'>): CreatorsErrorDetail {
  const fromPaApi = /paapi5|ProductAdvertisingAPI|Product Advertising API/i.test(answer.text);
  if (!answer.isJson || typeof answer.json !== 'object' || answer.json === null) {
    const text = answer.text.trim();
    return { fromPaApi, message: text && !text.startsWith('<') ? text.slice(0, 300) : undefined };
  }
  const body = answer.json as Raw;
  const list = (body.errors ?? body.Errors) as unknown;
  const first =
    Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null ? (list[0] as Raw) : body;
  const type = str(first.__type) ?? str(body.__type);
  return {
    fromPaApi,
    code: str(first.code) ?? str(first.Code) ?? (type ? type.split('#').pop() : undefined) ?? str(body.error),
    message: str(first.message) ?? str(first.Message) ?? str(body.error_description),
  };
}

/** What the error answered, for messages. */
export interface CreatorsErrorContext {
  provider: string;
  subject: string;
  rateLimitRetryAfterMs: number;
}

const migrate =
  'PA-API 5.0 was retired in 2026. Fix: migrate to the Creators API — create a Creators API credential in ' +
  'Associates Central and use createCreatorsApiSource({ credentialId, credentialSecret, partnerTag }) with its default baseUrl';

/**
 * Maps a Creators API error answer to a `ProviderError`: 400 → `invalid_input` (`InvalidPartnerTag`
 * → `auth`), 401 → `auth`, 403 → `auth` (not eligible: it needs 10 qualifying sales in 30 days),
 * 404 → `model_unavailable`, 429 → `rate_limit`, 5xx → `transient`; any answer from the retired
 * PA-API → `model_unavailable` with the migration fix (row S10).
 */
export function creatorsApiError(answer: HttpAnswer, context: CreatorsErrorContext): ProviderError {
  const detail = readCreatorsError(answer);
  const { kind, message } = classify(answer.status, detail, context);
  return new ProviderError({
    kind,
    provider: context.provider,
    status: answer.status,
    code: detail.fromPaApi ? 'pa_api_retired' : detail.code,
    message,
    retryAfterMs:
      kind === 'rate_limit'
        ? (retryAfterFromHeaders(answer.headers) ?? context.rateLimitRetryAfterMs)
        : undefined,
    requestId: answer.headers.get('x-amzn-requestid') ?? undefined,
    body: answer.isJson ? answer.json : answer.text.slice(0, 2000),
  });
}

function classify(
  status: number,
  detail: CreatorsErrorDetail,
  context: CreatorsErrorContext,
): { kind: ProviderErrorKind; message: string } {
  const code = detail.code ?? '';
  const tag = code ? `(${status} ${code})` : `(${status})`;
  const said = detail.message ? `: ${detail.message}` : '';
  if (detail.fromPaApi) {
    return {
      kind: 'model_unavailable',
      message: `the Product Advertising API answered ${context.subject} ${tag}${said}. ${migrate}`,
    };
  }
  if (status === 429 || /TooManyRequests|Throttl/i.test(code)) {
    return {
      kind: 'rate_limit',
      message: `the Creators API is throttling ${tag}${said}. The source starts at most requestsPerSecond (default 1) requests a second; lower it if this repeats`,
    };
  }
  if (
    /AssociateNotEligible|NotEligible/i.test(code) ||
    (status === 403 && /eligib|qualif/i.test(detail.message ?? ''))
  ) {
    return {
      kind: 'auth',
      message:
        `the Associates account is not eligible for the Creators API ${tag}${said}. It needs 10 qualifying sales in the ` +
        'trailing 30 days; access returns about two days after sales ship again. Meanwhile use createScrapingDogSource()',
    };
  }
  if (status === 401 || /Unrecognized|InvalidToken|invalid_client|invalid_grant|Unauthorized/i.test(code)) {
    return {
      kind: 'auth',
      message: `the Creators API rejected the credential ${tag}${said}. Fix: check credentialId, credentialSecret and credentialVersion in Associates Central`,
    };
  }
  if (status === 403 || /AccessDenied/i.test(code)) {
    return {
      kind: 'auth',
      message: `the Creators API refused access ${tag}${said}. Fix: check the credential belongs to this marketplace's Associates account and the account is eligible (10 qualifying sales in 30 days)`,
    };
  }
  if (/InvalidPartnerTag/i.test(code)) {
    return {
      kind: 'auth',
      message: `partnerTag is not valid for this account or marketplace ${tag}${said}. Fix: use a tracking ID of this store`,
    };
  }
  if (status === 404) {
    return {
      kind: 'model_unavailable',
      message: `the Creators API has no ${context.subject} operation at this URL ${tag}${said}. Fix: leave baseUrl at https://creatorsapi.amazon`,
    };
  }
  if (status === 400 || status === 422) {
    return { kind: 'invalid_input', message: `the Creators API rejected ${context.subject} ${tag}${said}` };
  }
  if (status === 408 || status >= 500) {
    return {
      kind: 'transient',
      message: `the Creators API failed on ${context.subject} ${tag}${said}; retry later`,
    };
  }
  return { kind: 'unknown', message: `the Creators API answered ${context.subject} ${tag}${said}` };
}
