import { describe, expect, it } from 'vitest';
import { type FalStep, falHttpError } from './fal-error.js';
import { falNetworkError } from './fal-transport.js';

const context = (step: FalStep = 'submit') => ({
  provider: 'fal:fal-ai/flux-pro/kontext',
  modelId: 'fal-ai/flux-pro/kontext',
  step,
  requestId: 'req-1',
  startTimeoutSeconds: 20,
});
const map = (status: number, body: unknown, headers: Record<string, string> = {}, step: FalStep = 'submit') =>
  falHttpError(context(step), {
    status,
    headers: new Headers(headers),
    text: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('falHttpError', () => {
  it.each([
    [401, { detail: 'Invalid API key' }, {}, 'submit', 'auth'],
    [402, { detail: 'Payment required' }, {}, 'submit', 'billing'],
    [
      403,
      { detail: 'User is locked. Reason: Exhausted balance. Top up your balance' },
      {},
      'submit',
      'billing',
    ],
    [403, { detail: 'User is locked. Reason: Admin lock' }, {}, 'submit', 'billing'],
    [403, { detail: 'Forbidden' }, {}, 'submit', 'auth'],
    [404, { detail: 'Not Found' }, {}, 'submit', 'model_unavailable'],
    [404, { detail: 'Request not found' }, {}, 'status', 'unknown'],
    [404, 'Not Found', {}, 'download', 'transient'],
    [
      422,
      { detail: [{ loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' }] },
      {},
      'result',
      'invalid_input',
    ],
    [422, { detail: 'Unprocessable' }, {}, 'result', 'invalid_input'],
    [
      422,
      { detail: [{ loc: ['body', 'image_url'], msg: 'x', type: 'image_load_error' }] },
      { 'x-fal-retryable': 'true' },
      'result',
      'transient',
    ],
    [429, { detail: 'Too many requests' }, {}, 'submit', 'rate_limit'],
    [500, { detail: 'Internal Server Error' }, {}, 'result', 'transient'],
    [500, { detail: 'boom' }, { 'x-fal-retryable': 'false' }, 'result', 'unknown'],
    [502, '<html><head><title>502 Bad Gateway</title></head></html>', {}, 'status', 'transient'],
    [503, { detail: 'x', error_type: 'runner_scheduling_failure' }, {}, 'submit', 'transient'],
    [504, { detail: 'Request timed out' }, { 'x-fal-error-type': 'request_timeout' }, 'result', 'transient'],
    [
      504,
      { detail: 'Request timed out' },
      { 'x-fal-request-timeout-type': 'user' },
      'result',
      'invalid_input',
    ],
  ] as const)('%i %j %j at %s → %s', (status, body, headers, step, kind) => {
    const error = map(status, body, headers, step);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.provider).toBe('fal:fal-ai/flux-pro/kontext');
  });

  it('reads the code from X-Fal-Error-Type, then error_type', () => {
    expect(map(503, { detail: 'x' }, { 'x-fal-error-type': 'runner_disconnected' }).code).toBe(
      'runner_disconnected',
    );
    expect(map(503, { detail: 'x', error_type: 'runner_scheduling_failure' }).code).toBe(
      'runner_scheduling_failure',
    );
  });

  it('takes the request id from x-fal-request-id, else the queue request id', () => {
    expect(map(500, {}, { 'x-fal-request-id': 'hdr-9' }).requestId).toBe('hdr-9');
    expect(map(500, {}).requestId).toBe('req-1');
  });

  it('reads Retry-After on 429', () => {
    expect(map(429, { detail: 'slow down' }, { 'retry-after': '12' }).retryAfterMs).toBe(12_000);
    expect(map(429, { detail: 'slow down' }).retryAfterMs).toBeUndefined();
  });

  it('names nested fields without the `body` prefix', () => {
    const error = map(422, {
      detail: [{ loc: ['body', 'image_size', 'width'], msg: 'too big', type: 'value_error' }],
    });
    expect(error.message).toContain('`image_size.width`');
    expect(error.code).toBe('value_error');
  });

  it('reports the start timeout on a user timeout', () => {
    expect(map(504, {}, { 'x-fal-request-timeout-type': 'user' }).message).toContain(
      'startTimeoutSeconds = 20',
    );
  });

  it('keeps the billing lock message and points at the billing page', () => {
    const error = map(403, { detail: 'User is locked. Reason: Exhausted balance.' });
    expect(error.message).toMatch(/Exhausted balance.*fal\.ai\/dashboard\/billing/s);
    expect(error.retryable).toBe(false);
  });
});

describe('falNetworkError', () => {
  it('is transient, names the step and the codes, and carries no retryable cause chain', () => {
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const error = falNetworkError(
      context('status'),
      new TypeError('fetch failed', { cause: socket }),
      undefined,
    );
    expect(error).toMatchObject({ kind: 'transient', code: 'network_error' });
    expect(error.message).toContain('polling the queue status: TypeError: fetch failed (UND_ERR_SOCKET)');
    expect((error.cause as { code?: unknown }).code).toBeUndefined();
    expect((error.cause as Error).cause).toBeUndefined();
  });

  it('says how long it waited on a timeout', () => {
    expect(falNetworkError(context(), new Error('aborted'), 300).message).toContain(
      'no answer from fal within 300 ms',
    );
  });
});
