import { ProviderError, registerSecret } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { type ErrorContext, fromHttpAnswer, notAllowlistedCode, toProviderError } from './imagen-error.js';
import { modelSpecFor } from './imagen-models.js';

const context = (overrides: Partial<ErrorContext> = {}): ErrorContext => ({
  provider: 'imagen:imagen-4.0-generate-001',
  modelId: 'imagen-4.0-generate-001',
  spec: modelSpecFor('imagen-4.0-generate-001'),
  vertexai: false,
  timeoutMs: 1000,
  timedOut: false,
  ...overrides,
});

const envelope = (code: number, status: string, message: string, details?: unknown[]) =>
  JSON.stringify({ error: { code, status, message, ...(details ? { details } : {}) } });

const quotaFailure = (quotaId: string, quotaValue?: string) => ({
  '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
  violations: [
    { quotaMetric: 'generativelanguage.googleapis.com/x', quotaId, ...(quotaValue ? { quotaValue } : {}) },
  ],
});

describe('fromHttpAnswer', () => {
  it('I1: "only accessible to billed users" is billing and says to enable billing on the key’s project', () => {
    const error = fromHttpAnswer(
      400,
      envelope(400, 'INVALID_ARGUMENT', 'Imagen API is only accessible to billed users at this time.'),
      context(),
    );
    expect(error.kind).toBe('billing');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/enable billing on the Google Cloud project behind this API key/);
  });

  it('I2: BILLING_DISABLED is billing, on Vertex AI too', () => {
    const body = envelope(403, 'PERMISSION_DENIED', 'This API method requires billing to be enabled.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'BILLING_DISABLED' },
    ]);
    const error = fromHttpAnswer(403, body, context({ vertexai: true }));
    expect(error).toMatchObject({ kind: 'billing', code: 'BILLING_DISABLED', status: 403 });
    expect(error.message).toMatch(/console\.cloud\.google\.com\/billing/);
  });

  it('I3: a FreeTier quota with limit 0 is billing, not a rate limit', () => {
    const body = envelope(
      429,
      'RESOURCE_EXHAUSTED',
      'Quota exceeded for metric: x_free_tier_requests, limit: 0',
      [quotaFailure('GenerateRequestsPerDayPerProjectPerModel-FreeTier')],
    );
    const error = fromHttpAnswer(429, body, context());
    expect(error).toMatchObject({
      kind: 'billing',
      code: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
    });
    expect(error.retryable).toBe(false);
  });

  it('a free-tier quota that is not zero is an ordinary rate limit', () => {
    const body = envelope(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota', [
      quotaFailure('GenerateRequestsPerMinutePerProjectPerModel-FreeTier', '10'),
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26s' },
    ]);
    expect(fromHttpAnswer(429, body, context())).toMatchObject({ kind: 'rate_limit', retryAfterMs: 26_000 });
  });

  it('I4: a per-minute quota is rate_limit with the delay from RetryInfo, the message or Retry-After', () => {
    const withInfo = envelope(429, 'RESOURCE_EXHAUSTED', 'Please retry in 7.2s.', [
      quotaFailure('GenerateRequestsPerMinutePerProjectPerModel', '20'),
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
    ]);
    expect(fromHttpAnswer(429, withInfo, context())).toMatchObject({
      kind: 'rate_limit',
      retryAfterMs: 7000,
    });
    const sentenceOnly = envelope(
      429,
      'RESOURCE_EXHAUSTED',
      'You exceeded your quota. Please retry in 13.5s.',
    );
    expect(fromHttpAnswer(429, sentenceOnly, context()).retryAfterMs).toBe(13_500);
    const header = context({ response: { status: 429, headers: new Headers({ 'retry-after': '3' }) } });
    expect(fromHttpAnswer(429, withInfo, header).retryAfterMs).toBe(3000);
    const vertex = envelope(
      429,
      'RESOURCE_EXHAUSTED',
      'Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model',
    );
    expect(fromHttpAnswer(429, vertex, context({ vertexai: true }))).toMatchObject({
      kind: 'rate_limit',
      retryAfterMs: undefined,
      retryable: true,
    });
  });

  it('a per-day quota is quota (it resets at midnight Pacific)', () => {
    const body = envelope(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota', [
      quotaFailure('GenerateRequestsPerDayPerProjectPerModel', '1000'),
    ]);
    const error = fromHttpAnswer(429, body, context());
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/midnight Pacific/);
  });

  it('I5: a prompt with sensitive words is content_policy with the support code, flagged for rewrite', () => {
    const body = envelope(
      400,
      'INVALID_ARGUMENT',
      "Image generation failed with the following error: The prompt could not be submitted. This prompt contains sensitive words that violate Google's Responsible AI practices. Support codes: 42876398",
    );
    const error = fromHttpAnswer(400, body, context());
    expect(error).toMatchObject({ kind: 'content_policy', code: '42876398', retryable: false });
    expect(error.message).toMatch(/rewrite the prompt/);
  });

  it('I8: the child-detection allowlist answer is invalid_input on personGeneration', () => {
    const body = envelope(
      400,
      'FAILED_PRECONDITION',
      'Project or the user is not allowlisted to turn off child detection filter.',
    );
    const error = fromHttpAnswer(400, body, context({ vertexai: true }));
    expect(error).toMatchObject({ kind: 'invalid_input', code: notAllowlistedCode });
    expect(error.message).toMatch(/personGeneration/);
  });

  it('I9: 404 is model_unavailable and names the retirement date of the surface', () => {
    const body = envelope(
      404,
      'NOT_FOUND',
      'models/imagen-4.0-generate-001 is not found for API version v1beta',
    );
    const gemini = fromHttpAnswer(404, body, context());
    expect(gemini).toMatchObject({ kind: 'model_unavailable', code: 'NOT_FOUND' });
    expect(gemini.message).toMatch(/model retired or unknown.*2026-08-17 on the Gemini API/);
    expect(fromHttpAnswer(404, body, context({ vertexai: true })).message).toMatch(/2026-06-30 on Vertex AI/);
  });

  it('maps keys, permissions, disabled APIs, regions and bad parameters', () => {
    const keyInvalid = envelope(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' },
    ]);
    expect(fromHttpAnswer(400, keyInvalid, context())).toMatchObject({
      kind: 'auth',
      code: 'API_KEY_INVALID',
    });
    expect(
      fromHttpAnswer(401, envelope(401, 'UNAUTHENTICATED', 'x'), context({ vertexai: true })).message,
    ).toMatch(/gcloud auth application-default login/);
    const disabled = envelope(403, 'PERMISSION_DENIED', 'Vertex AI API has not been used in project 1', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' },
    ]);
    expect(fromHttpAnswer(403, disabled, context({ vertexai: true })).message).toMatch(/enable aiplatform/);
    const region = envelope(400, 'FAILED_PRECONDITION', 'User location is not supported for the API use.');
    expect(fromHttpAnswer(400, region, context()).kind).toBe('model_unavailable');
    const field = envelope(400, 'INVALID_ARGUMENT', 'bad', [
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: [{ field: 'parameters.sample_count' }],
      },
    ]);
    expect(fromHttpAnswer(400, field, context()).message).toMatch(/field `count`/);
    const ratio = envelope(
      400,
      'INVALID_ARGUMENT',
      'generation_config.image_config.aspect_ratio: unsupported value',
    );
    expect(fromHttpAnswer(400, ratio, context()).message).toMatch(/field `width\/height`/);
  });

  it('5xx, 408 and proxy HTML pages are transient; other statuses are unknown', () => {
    expect(fromHttpAnswer(500, envelope(500, 'INTERNAL', 'x'), context()).kind).toBe('transient');
    expect(fromHttpAnswer(504, envelope(504, 'DEADLINE_EXCEEDED', 'x'), context()).kind).toBe('transient');
    expect(fromHttpAnswer(408, '', context()).kind).toBe('transient');
    const html = JSON.stringify({
      error: { message: '<html><title>502 Bad Gateway</title></html>', code: 502 },
    });
    const page = fromHttpAnswer(502, html, context());
    expect(page.kind).toBe('transient');
    expect(page.message).toMatch(/HTML error page.*502 Bad Gateway/);
    expect(fromHttpAnswer(418, 'teapot', context()).kind).toBe('unknown');
  });

  it('keeps the body (parsed) and never puts a registered key in the message', () => {
    const key = 'AIzaFAKE-secret-in-message-01';
    registerSecret(key);
    const error = fromHttpAnswer(
      400,
      envelope(400, 'INVALID_ARGUMENT', `API key not valid: ${key}`),
      context(),
    );
    expect(error.message).not.toContain(key);
    expect(error.body).toMatchObject({ error: { status: 'INVALID_ARGUMENT' } });
  });
});

describe('toProviderError', () => {
  const apiError = (status: number, message: string) =>
    Object.assign(new Error(message), { name: 'ApiError', status });

  it('reads the SDK ApiError (status + body text)', () => {
    const error = toProviderError(apiError(503, envelope(503, 'UNAVAILABLE', 'overloaded')), context());
    expect(error).toMatchObject({ kind: 'transient', status: 503, code: 'UNAVAILABLE' });
  });

  it('timeouts, dropped connections and unparseable bodies are transient', () => {
    expect(
      toProviderError(new DOMException('aborted', 'AbortError'), context({ timedOut: true })).message,
    ).toMatch(/within 1000 ms/);
    expect(toProviderError(new TypeError('fetch failed'), context()).kind).toBe('transient');
    const parse = toProviderError(
      new SyntaxError('Unexpected end of JSON input'),
      context({
        response: { status: 200, headers: new Headers() },
      }),
    );
    expect(parse).toMatchObject({ kind: 'transient', status: 200 });
  });

  it('credential failures are auth with the fix', () => {
    const adc = toProviderError(
      new Error('Could not load the default credentials.'),
      context({ vertexai: true }),
    );
    expect(adc.kind).toBe('auth');
    expect(adc.message).toMatch(/GOOGLE_APPLICATION_CREDENTIALS/);
    const grant = Object.assign(new Error('invalid_grant: Invalid JWT Signature.'), {
      response: { status: 400 },
      config: { url: 'https://oauth2.googleapis.com/token' },
    });
    expect(toProviderError(grant, context({ vertexai: true }))).toMatchObject({ kind: 'auth', status: 400 });
  });

  it('passes ProviderErrors through and calls anything else unknown', () => {
    const original = new ProviderError({ kind: 'quota', provider: 'p', message: 'm' });
    expect(toProviderError(original, context())).toBe(original);
    expect(toProviderError('boom', context()).kind).toBe('unknown');
  });
});
