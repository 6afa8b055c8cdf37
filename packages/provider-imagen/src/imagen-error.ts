import {
  type HeaderLookup,
  ProviderError,
  type ProviderErrorKind,
  retryAfterFromHeaders,
} from '@reelsmith/core';
import { describeError, inputField, summarize } from './error-text.js';
import {
  badRequestField,
  errorReasons,
  type GoogleError,
  parseErrorBody,
  quotaViolations,
  retryDelayMs,
} from './google-error.js';
import type { ImagenModelSpec } from './imagen-models.js';

/** What the error mapper knows about the call that failed. */
export interface ErrorContext {
  provider: string;
  modelId: string;
  spec: ImagenModelSpec;
  vertexai: boolean;
  timeoutMs: number;
  /** True when the provider's own timeout aborted the call. */
  timedOut: boolean;
  /** The last HTTP answer seen, when one arrived. */
  response?: { status: number; headers: HeaderLookup };
}

/** Our code for Imagen's "not allow-listed to turn off the child detection filter" answer (I8). */
export const notAllowlistedCode = 'PERSON_GENERATION_NOT_ALLOWLISTED';

/**
 * Maps anything a call threw into a `ProviderError`: the SDK's `ApiError` (status + the answer's
 * body as its message), Google Auth failures, timeouts, dropped connections and unparseable bodies.
 */
export function toProviderError(error: unknown, context: ErrorContext): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  const base = { provider: context.provider, cause: error };
  const status = context.response?.status;
  if (isApiError(error)) return fromHttpAnswer(error.status, error.message, context, error);
  if (context.timedOut) {
    return new ProviderError({
      ...base,
      kind: 'transient',
      message: `no answer from ${context.modelId} within ${context.timeoutMs} ms; raise timeoutMs for slow models`,
    });
  }
  const authProblem = authFailure(error);
  if (authProblem) {
    // No `cause`: a Google Auth error carries the token request (a signed assertion).
    return new ProviderError({
      provider: context.provider,
      kind: 'auth',
      status: authProblem.status,
      message: authProblem.message,
    });
  }
  if (error instanceof SyntaxError) {
    return new ProviderError({
      ...base,
      kind: 'transient',
      status,
      message: `the answer from ${context.modelId} was not valid JSON (${error.message})`,
    });
  }
  if (error instanceof TypeError || (error instanceof Error && error.name === 'AbortError')) {
    return new ProviderError({
      ...base,
      kind: 'transient',
      message: `the connection to Google failed before an answer (${describeError(error)})`,
    });
  }
  return new ProviderError({
    ...base,
    kind: 'unknown',
    status,
    message: `the call failed: ${describeError(error)}`,
  });
}

/** Classifies a non-2xx answer from its status and Google's error envelope. */
export function fromHttpAnswer(
  status: number,
  bodyText: string,
  context: ErrorContext,
  cause?: unknown,
): ProviderError {
  const { body, error } = parseErrorBody(bodyText);
  const googleMessage = summarize(error?.message ?? bodyText);
  const reasons = errorReasons(error);
  const build = (
    kind: ProviderErrorKind,
    message: string,
    extra: { code?: string; retryAfterMs?: number } = {},
  ) =>
    new ProviderError({
      kind,
      provider: context.provider,
      status,
      body,
      cause,
      code: extra.code ?? reasons[0] ?? error?.status ?? String(status),
      retryAfterMs: extra.retryAfterMs,
      message: `${message} (HTTP ${status}${error?.status ? ` ${error.status}` : ''}: ${googleMessage})`,
    });
  const text = error?.message ?? '';

  if (isBillingAnswer(text, reasons)) return build('billing', billingAdvice(context));
  if (status === 429) return fromResourceExhausted(error, text, context, build);
  if (status === 400 || status === 412 || error?.status === 'FAILED_PRECONDITION') {
    if (reasons.includes('API_KEY_INVALID') || /API key (not valid|expired)/i.test(text)) {
      return build(
        'auth',
        'the Gemini API key was rejected; create a new key at https://aistudio.google.com/apikey',
      );
    }
    if (/allowlist/i.test(text) && /child|person/i.test(text)) {
      return build(
        'invalid_input',
        'invalid personGeneration: the project is not allow-listed for allow_all; use allow_adult',
        { code: notAllowlistedCode },
      );
    }
    if (/location is not supported/i.test(text)) {
      return build('model_unavailable', `${context.modelId} is not available from this location or region`);
    }
    if (isContentBlock(text)) {
      const supportCode = /(?:error code|support codes?)[:\s]+(\d{6,})/i.exec(text)?.[1];
      return build('content_policy', 'the prompt was blocked by the safety filter; rewrite the prompt', {
        code: supportCode ?? error?.status,
      });
    }
    const field = inputField(badRequestField(error) ?? text);
    return build(
      'invalid_input',
      `the request was rejected as invalid${field ? ` (field \`${field}\`)` : ''}`,
    );
  }
  if (status === 401) {
    return build(
      'auth',
      context.vertexai
        ? 'Google Cloud credentials were rejected; run `gcloud auth application-default login` or check googleAuthOptions'
        : 'the Gemini API key was rejected; check GEMINI_API_KEY',
    );
  }
  if (status === 402) return build('billing', billingAdvice(context));
  if (status === 403) {
    if (reasons.includes('SERVICE_DISABLED')) {
      return build(
        'auth',
        context.vertexai
          ? 'the Vertex AI API is not enabled for this project; enable aiplatform.googleapis.com in the Cloud Console'
          : 'the Generative Language API is not enabled for the key’s project; enable it in the Cloud Console',
      );
    }
    return build('auth', 'permission denied for this model; check the key’s or the service account’s roles');
  }
  if (status === 404)
    return build('model_unavailable', retiredAdvice(context), { code: error?.status ?? 'NOT_FOUND' });
  if (status === 408 || status === 409 || status === 499 || status >= 500) {
    const html = /^\s*</.test(error?.message ?? bodyText);
    return build(
      'transient',
      html ? 'Google answered with an HTML error page' : 'Google had a temporary failure',
    );
  }
  if (status === 413 || status === 422) return build('invalid_input', 'the request was rejected as invalid');
  return build('unknown', 'Google answered with an unexpected status');
}

type Build = (
  kind: ProviderErrorKind,
  message: string,
  extra?: { code?: string; retryAfterMs?: number },
) => ProviderError;

function fromResourceExhausted(
  error: GoogleError | undefined,
  text: string,
  context: ErrorContext,
  build: Build,
): ProviderError {
  const violations = quotaViolations(error);
  const freeTier =
    violations.some((v) => /FreeTier$/i.test(v.quotaId ?? '') || /free_tier/i.test(v.quotaMetric ?? '')) ||
    /free[_ ]tier/i.test(text);
  const hasQuota = violations.some((v) => Number(v.quotaValue) > 0) && !/limit: 0\b/.test(text);
  const quotaId = violations.find((v) => v.quotaId)?.quotaId;
  if (freeTier && !hasQuota) {
    return build(
      'billing',
      `the key's project is on the free tier, which has no quota for image models${quotaId ? ` (${quotaId}, limit 0)` : ''}; ${billingAdvice(context)}`,
      { code: quotaId ?? 'RESOURCE_EXHAUSTED' },
    );
  }
  const perDay = violations.length > 0 && violations.every((v) => /PerDay/i.test(v.quotaId ?? ''));
  if (perDay || (violations.length === 0 && /per day/i.test(text))) {
    return build('quota', 'the daily request quota is used up; it resets at midnight Pacific time', {
      code: quotaId ?? 'RESOURCE_EXHAUSTED',
    });
  }
  const retryAfterMs =
    (context.response ? retryAfterFromHeaders(context.response.headers) : undefined) ?? retryDelayMs(error);
  return build('rate_limit', 'the per-minute quota is exhausted; retry after the delay', {
    code: quotaId ?? 'RESOURCE_EXHAUSTED',
    retryAfterMs,
  });
}

function isBillingAnswer(text: string, reasons: readonly string[]): boolean {
  return (
    reasons.includes('BILLING_DISABLED') ||
    /only accessible to billed users|requires billing to be enabled|billing (is )?(not enabled|disabled)/i.test(
      text,
    )
  );
}

function billingAdvice(context: ErrorContext): string {
  return context.vertexai
    ? 'billing is not enabled: enable billing on the Google Cloud project (console.cloud.google.com/billing), wait a few minutes, then retry'
    : 'billing is not enabled: enable billing on the Google Cloud project behind this API key (Google AI Studio › API keys › Set up billing), wait a few minutes, then retry';
}

function retiredAdvice(context: ErrorContext): string {
  const date = context.vertexai ? context.spec.retires?.vertex : context.spec.retires?.geminiApi;
  const when = date
    ? ` (scheduled for shutdown on ${date} on ${context.vertexai ? 'Vertex AI' : 'the Gemini API'})`
    : '';
  return `model retired or unknown: ${context.modelId} was not found${when}; pick a current model such as gemini-3.1-flash-image`;
}

function isContentBlock(text: string): boolean {
  return /sensitive words|responsible ai|prompt could not be submitted|violat\w* .*(usage guidelines|policies|practices)|response is blocked/i.test(
    text,
  );
}

interface ApiErrorLike {
  name: 'ApiError';
  status: number;
  message: string;
}

function isApiError(error: unknown): error is ApiErrorLike {
  return (
    error instanceof Error &&
    error.name === 'ApiError' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

function authFailure(error: unknown): { status?: number; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const response = (error as { response?: { status?: unknown } }).response;
  const url = String((error as { config?: { url?: unknown } }).config?.url ?? '');
  const fromTokenEndpoint = typeof response?.status === 'number' && /oauth2|token|metadata/i.test(url);
  const known =
    /default credentials|invalid_grant|could not refresh access token|unable to impersonate/i.test(
      error.message,
    );
  if (!fromTokenEndpoint && !known) return undefined;
  return {
    status: typeof response?.status === 'number' ? response.status : undefined,
    message: `Google Cloud credentials failed (${summarize(error.message)}); run \`gcloud auth application-default login\`, set GOOGLE_APPLICATION_CREDENTIALS, or pass googleAuthOptions`,
  };
}
