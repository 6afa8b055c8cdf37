import { ConfigError, ProviderError } from '@reelsmith/core';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/core/error';
import { describe, expect, it } from 'vitest';
import { toProviderError } from './openai-error.js';
import { verificationMessage } from './testing/openai-faults.js';

const context = { provider: 'openai:image:gpt-image-2', model: 'gpt-image-2' };

function apiError(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) {
  return APIError.generate(
    status,
    { error },
    undefined,
    new Headers({ 'x-request-id': 'req_123', ...headers }),
  );
}

function mapped(error: unknown, extra: object = {}): ProviderError {
  const result = toProviderError(error, { ...context, ...extra });
  expect(ProviderError.isInstance(result)).toBe(true);
  return result as ProviderError;
}

describe('toProviderError', () => {
  it.each([
    [400, { code: 'content_policy_violation', type: 'invalid_request_error' }, 'content_policy'],
    [400, { code: 'moderation_blocked', type: 'image_generation_user_error' }, 'content_policy'],
    [400, { code: 'billing_hard_limit_reached', type: 'invalid_request_error' }, 'billing'],
    [400, { code: null, type: 'invalid_request_error', param: 'size' }, 'invalid_input'],
    [401, { code: 'invalid_api_key', type: 'invalid_request_error' }, 'auth'],
    [403, { code: 'unsupported_country_region_territory', type: 'request_forbidden' }, 'auth'],
    [404, { code: 'model_not_found', type: 'invalid_request_error' }, 'model_unavailable'],
    [409, { code: null, type: 'conflict' }, 'transient'],
    [422, { code: null, type: 'invalid_request_error' }, 'invalid_input'],
    [429, { code: 'rate_limit_exceeded', type: 'requests' }, 'rate_limit'],
    [429, { code: 'insufficient_quota', type: 'insufficient_quota' }, 'billing'],
    [429, { code: 'credit_balance_exhausted', type: 'insufficient_quota' }, 'billing'],
    [429, { code: 'organization_spend_limit_exceeded', type: 'insufficient_quota' }, 'billing'],
    [429, { code: 'project_spend_limit_exceeded', type: 'insufficient_quota' }, 'billing'],
    [500, { code: null, type: 'server_error' }, 'transient'],
    [503, { code: 'server_is_overloaded', type: 'server_error' }, 'transient'],
    [503, { code: 'slow_down', type: 'server_error' }, 'transient'],
  ])('maps %i %o to %s', (status, body, kind) => {
    const error = mapped(apiError(status, { message: 'something', param: null, ...body }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.provider).toBe(context.provider);
    expect(error.requestId).toBe('req_123');
  });

  it('never retries quota exhaustion sent as 429 (O2)', () => {
    const error = mapped(
      apiError(
        429,
        {
          code: 'insufficient_quota',
          type: 'insufficient_quota',
          message: 'You exceeded your current quota',
        },
        { 'retry-after': '20' },
      ),
    );
    expect(error).toMatchObject({
      kind: 'billing',
      retryable: false,
      code: 'insufficient_quota',
      retryAfterMs: undefined,
    });
  });

  it('reads retry-after-ms before retry-after (O1)', () => {
    const error = mapped(
      apiError(
        429,
        { code: 'rate_limit_exceeded', type: 'requests', message: 'slow down' },
        { 'retry-after-ms': '1200', 'retry-after': '2' },
      ),
    );
    expect(error).toMatchObject({ kind: 'rate_limit', retryable: true, retryAfterMs: 1200 });
  });

  it('names the rejected field of a 400 (O8)', () => {
    const error = mapped(
      apiError(400, {
        code: null,
        type: 'invalid_request_error',
        param: 'response_format',
        message: 'Invalid schema',
      }),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain('`response_format`');
  });

  it.each([403, 404, 400])(
    'turns the verification gate (%i) into an actionable auth error (O5)',
    (status) => {
      const error = mapped(
        apiError(status, {
          message: verificationMessage('gpt-image-2'),
          type: 'invalid_request_error',
          code: null,
        }),
      );
      expect(error.kind).toBe('auth');
      expect(error.code).toBe('organization_not_verified');
      expect(error.message).toContain('https://platform.openai.com/settings/organization/general');
      expect(error.message).toContain('15 minutes');
    },
  );

  it('keeps an HTML proxy page out of the message', () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
    const error = mapped(APIError.generate(502, undefined, html, new Headers()));
    expect(error.kind).toBe('transient');
    expect(error.message).not.toContain('<');
    expect(error.message).toContain('502 Bad Gateway');
  });

  it('maps transport failures to transient', () => {
    expect(mapped(new APIConnectionTimeoutError()).code).toBe('timeout');
    expect(mapped(new APIConnectionError({ cause: new TypeError('fetch failed') })).kind).toBe('transient');
  });

  it('maps finish reasons and unreadable bodies of a 200', () => {
    expect(mapped(new LengthFinishReasonError(), { status: 200 })).toMatchObject({
      kind: 'unknown',
      code: 'output_truncated',
      status: 200,
    });
    expect(mapped(new ContentFilterFinishReasonError(), { status: 200 })).toMatchObject({
      kind: 'content_policy',
      code: 'content_filter',
    });
    expect(mapped(new SyntaxError('Unexpected end of JSON input'), { status: 200 })).toMatchObject({
      kind: 'transient',
      code: 'malformed_response',
    });
  });

  it('returns the abort reason when the caller aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toProviderError(new Error('aborted'), { ...context, signal: controller.signal })).toBe(
      controller.signal.reason,
    );
  });

  it('passes ProviderError and ConfigError through unchanged', () => {
    const providerError = new ProviderError({ kind: 'auth', provider: 'x', message: 'no' });
    const configError = new ConfigError('createOpenAI', [
      { field: 'apiKey', problem: 'missing', fix: 'set it' },
    ]);
    expect(toProviderError(providerError, context)).toBe(providerError);
    expect(toProviderError(configError, context)).toBe(configError);
  });

  it('strips the API key the service echoes back', () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
    const error = mapped(
      apiError(401, {
        code: 'invalid_api_key',
        type: 'invalid_request_error',
        message: `Incorrect API key provided: ${key}.`,
      }),
    );
    expect(error.message).not.toContain(key);
    expect(JSON.stringify(error.body)).not.toContain(key);
  });
});
