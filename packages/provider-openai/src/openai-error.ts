import { ConfigError, ProviderError, type ProviderErrorKind, retryAfterFromHeaders } from '@reelsmith/core';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/core/error';

/** What the error mapping knows about the call that failed. */
export interface OpenAIErrorContext {
  /** The provider's id, e.g. `openai:image:gpt-image-2`. */
  provider: string;
  model: string;
  signal?: AbortSignal | undefined;
  /** Status and request id of the answer, when one arrived (a 200 that could not be used). */
  status?: number | undefined;
  requestId?: string | undefined;
}

/** 429 / 400 codes (or types) that mean "no money left", never retried. */
const billingCodes = new Set([
  'insufficient_quota',
  'credit_balance_exhausted',
  'organization_spend_limit_exceeded',
  'project_spend_limit_exceeded',
  'organization_usage_limit_exceeded',
  'billing_hard_limit_reached',
  'billing_not_active',
]);

const contentCodes = new Set(['content_policy_violation', 'moderation_blocked', 'content_filter']);

const verifyUrl = 'https://platform.openai.com/settings/organization/general';

/**
 * Maps anything an OpenAI call threw into what the provider must throw: the abort reason when
 * the caller aborted, a `ConfigError` or `ProviderError` unchanged, otherwise a classified
 * `ProviderError` (the API key never reaches its message: `ProviderError` redacts it).
 */
export function toProviderError(error: unknown, context: OpenAIErrorContext): unknown {
  if (context.signal?.aborted) return context.signal.reason;
  if (ProviderError.isInstance(error) || ConfigError.isInstance(error)) return error;
  const make = (kind: ProviderErrorKind, code: string, message: string, extra: object = {}) =>
    new ProviderError({
      kind,
      provider: context.provider,
      code,
      message,
      status: context.status,
      requestId: context.requestId,
      ...extra,
    });
  if (error instanceof APIUserAbortError) return make('transient', 'aborted', 'the request was aborted');
  if (error instanceof APIConnectionTimeoutError) {
    return make('transient', 'timeout', 'OpenAI did not answer within the request timeout (`timeoutMs`)');
  }
  if (error instanceof APIConnectionError) {
    return make('transient', 'connection_error', `the connection to OpenAI failed: ${error.message}`, {
      cause: error.cause,
    });
  }
  if (error instanceof APIError) return fromApiError(error, context);
  if (error instanceof LengthFinishReasonError) {
    return make(
      'unknown',
      'output_truncated',
      'the answer was cut off at the output-token limit (finish_reason "length"); the partial JSON was ' +
        'not used. Raise `maxOutputTokens` or ask for fewer scenes',
    );
  }
  if (error instanceof ContentFilterFinishReasonError) {
    return make('content_policy', 'content_filter', 'the answer was stopped by the content filter');
  }
  if (error instanceof SyntaxError) {
    return make('transient', 'malformed_response', `OpenAI answered with unreadable JSON: ${error.message}`);
  }
  if (error instanceof Error && error.name === 'ZodError') {
    return make(
      'unknown',
      'invalid_output',
      `the answer does not match the requested schema: ${error.message}`,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return make('unknown', 'unexpected_error', `the call failed: ${detail}`, { cause: error });
}

function fromApiError(error: APIError, context: OpenAIErrorContext): ProviderError {
  const inner = (error.error ?? undefined) as
    | { message?: unknown; type?: unknown; code?: unknown; param?: unknown }
    | undefined;
  const serviceMessage =
    typeof inner?.message === 'string' ? inner.message : plainText(error.message, error.status);
  const code = stringOrUndefined(error.code) ?? stringOrUndefined(error.type);
  const param = stringOrUndefined(error.param);
  const status = error.status;
  const classified = classify(status, code, stringOrUndefined(error.type), param, serviceMessage, context);
  return new ProviderError({
    kind: classified.kind,
    provider: context.provider,
    message: classified.message,
    status,
    code: classified.code ?? code,
    requestId: error.requestID ?? undefined,
    body: inner ?? { text: serviceMessage },
    ...(classified.kind === 'rate_limit' && error.headers
      ? { retryAfterMs: retryAfterFromHeaders(error.headers) }
      : {}),
  });
}

interface Classified {
  kind: ProviderErrorKind;
  message: string;
  code?: string;
}

function classify(
  status: number | undefined,
  code: string | undefined,
  type: string | undefined,
  param: string | undefined,
  serviceMessage: string,
  context: OpenAIErrorContext,
): Classified {
  const says = `OpenAI answered ${status}: ${serviceMessage}`;
  // The verification gate arrives as 403, 404 or 400 depending on the model and feature.
  if (/organi[sz]ation must be verified/i.test(serviceMessage)) {
    return {
      kind: 'auth',
      code: 'organization_not_verified',
      message:
        `your OpenAI organization must be verified to use \`${context.model}\`. Verify it at ${verifyUrl} ` +
        `(access can take about 15 minutes to propagate), or choose another model. ${says}`,
    };
  }
  if ((code && billingCodes.has(code)) || (type && billingCodes.has(type))) {
    return {
      kind: 'billing',
      message: `the OpenAI account has no credit or hit its spend limit; add credit or raise the limit at https://platform.openai.com/settings/organization/billing. ${says}`,
    };
  }
  if (code && contentCodes.has(code)) {
    return { kind: 'content_policy', message: `OpenAI's safety system rejected the request. ${says}` };
  }
  if (status === undefined) return { kind: 'unknown', message: says };
  if (status === 400 || status === 422) {
    const field = param ? ` field \`${param}\`` : '';
    return { kind: 'invalid_input', message: `OpenAI rejected the request${field}. ${says}` };
  }
  if (status === 401) {
    return {
      kind: 'auth',
      message: `OpenAI rejected the API key; check OPENAI_API_KEY (or \`apiKey\`) and the key's project. ${says}`,
    };
  }
  if (status === 402) return { kind: 'billing', message: says };
  if (status === 403) {
    const region = code === 'unsupported_country_region_territory' ? ' (not available in this region)' : '';
    return { kind: 'auth', message: `this key may not use \`${context.model}\`${region}. ${says}` };
  }
  if (status === 404) {
    return {
      kind: 'model_unavailable',
      message: `the model \`${context.model}\` is unknown, retired or not enabled for this key; choose a current model. ${says}`,
    };
  }
  if (status === 408 || status === 409 || status >= 500) return { kind: 'transient', message: says };
  if (status === 429) return { kind: 'rate_limit', message: `OpenAI is throttling requests. ${says}` };
  return { kind: 'unknown', message: says };
}

/** The SDK puts a non-JSON error body (an HTML proxy page) into its message; keep a short, tag-free snippet. */
function plainText(message: string, status: number | undefined): string {
  const withoutStatus = status !== undefined ? message.replace(new RegExp(`^${status}\\s*`), '') : message;
  const text = withoutStatus
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text || '(no body)';
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
