import { ProviderError, withRetry } from '@reelsmith/core';
import { installTestServer, serverError } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createFal } from './fal-provider.js';
import { contentPolicyViolation, exhaustedBalance, imageTooLarge } from './testing/fal-faults.js';
import { at, falRoute, stepOf } from './testing/fal-routes.js';
import { createFalService, resultFor } from './testing/fal-service.js';
import { sceneInput, testFalKey } from './testing/fal-test-input.js';

const service = createFalService({ apiKey: testFalKey });
const server = installTestServer(service.handlers);
const model = (settings: Parameters<typeof createFal>[0] = {}) =>
  createFal({ apiKey: testFalKey, pollIntervalMs: 1, ...settings }).image('fal-ai/flux-pro/kontext');
const fail = async (promise: Promise<unknown>): Promise<ProviderError> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
};
const answer =
  (body: unknown, status: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(body as Record<string, unknown>, { status, headers });
const stepCount = (step: string) =>
  server.calls.filter((call) => stepOf(new Request(call.url, { method: call.method })) === step).length;

describe('fal failures', () => {
  it('F2 names the rejected field and the input behind it', async () => {
    server.use(...falRoute(at('result', answer(imageTooLarge, 422, { 'x-fal-retryable': 'false' }))));
    const error = await fail(model().generateImage(sceneInput));
    expect(error).toMatchObject({
      kind: 'invalid_input',
      status: 422,
      code: 'image_too_large',
      retryable: false,
    });
    expect(error.message).toContain('`image_url` (input `referenceImage`)');
    expect(error.requestId).toBe(service.submissions.at(-1)!.requestId);
  });

  it('F3 maps content_policy_violation to content_policy with its categories', async () => {
    server.use(
      ...falRoute(at('result', answer(contentPolicyViolation, 422, { 'x-fal-retryable': 'false' }))),
    );
    const error = await fail(model().generateImage(sceneInput));
    expect(error).toMatchObject({
      kind: 'content_policy',
      code: 'content_policy_violation',
      retryable: false,
    });
    expect(error.message).toContain('(sexual)');
  });

  it('F5 keeps the lock message, is billing and not retryable', async () => {
    server.use(...falRoute(at('submit', answer(exhaustedBalance, 403))));
    const error = await fail(model().generateImage(sceneInput));
    expect(error).toMatchObject({ kind: 'billing', status: 403, retryable: false });
    expect(error.message).toContain('Exhausted balance');
    expect(stepCount('submit')).toBe(1);
  });

  it('F6 a 429 then 200 succeeds on the core retry, with one submit per attempt', async () => {
    server.use(
      ...falRoute(at('submit', answer({ detail: 'Too many requests' }, 429, { 'retry-after': '0' }), 1)),
    );
    const retries: number[] = [];
    const result = await withRetry(() => model().generateImage(sceneInput), {
      baseDelayMs: 1,
      onRetry: (info) => retries.push(info.attempt),
    });
    expect(result.images).toHaveLength(1);
    expect(retries).toEqual([1]);
    expect(stepCount('submit')).toBe(2);
  });

  it('F8 sends the start timeout and reports it, without a retry', async () => {
    server.use(
      ...falRoute(
        at(
          'result',
          answer({ detail: 'Request timed out', error_type: 'request_timeout' }, 504, {
            'x-fal-error-type': 'request_timeout',
            'x-fal-request-timeout-type': 'user',
          }),
        ),
      ),
    );
    const error = await fail(model({ startTimeoutSeconds: 30 }).generateImage(sceneInput));
    expect(service.submissions.at(-1)!.headers['x-fal-request-timeout']).toBe('30');
    expect(error).toMatchObject({
      kind: 'invalid_input',
      status: 504,
      code: 'start_timeout',
      retryable: false,
    });
    expect(error.message).toContain('startTimeoutSeconds = 30');
    expect(stepCount('result')).toBe(1);
  });

  it('F10 drops a flagged image, keeps the clean one, bills both and warns', async () => {
    server.use(
      ...falRoute(
        at('result', () => {
          const entry = service.submissions.at(-1)!;
          const body = resultFor(entry);
          return HttpResponse.json({ ...body, has_nsfw_concepts: [true, false] });
        }),
      ),
    );
    const result = await model().generateImage({ ...sceneInput, count: 2 });
    expect(result.images).toHaveLength(1);
    expect(result.cost).toMatchObject({ usd: 0.08, quantity: 2 });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'shortfall', message: expect.stringContaining('1 flagged') }),
    ]);
  });

  it('F11 a COMPLETED status whose result answers 500 is a transient failure with the request id', async () => {
    server.use(...falRoute(at('result', answer({ detail: 'Internal Server Error' }, 500))));
    const error = await fail(model().generateImage(sceneInput));
    expect(error).toMatchObject({ kind: 'transient', status: 500 });
    expect(error.requestId).toBe(service.submissions.at(-1)!.requestId);
    expect(stepCount('result')).toBe(1);
  });

  it('F12 an expired output URL fails clearly and returns no URL', async () => {
    server.use(...falRoute(at('download', () => new HttpResponse('Not Found', { status: 404 }))));
    const error = await fail(model().generateImage(sceneInput));
    expect(error).toMatchObject({ kind: 'transient', status: 404, code: 'output_expired' });
    expect(error.message).toContain('expired');
    expect(error.message).not.toContain('fal.media');
  });

  it('404 at submit is model_unavailable naming the model', async () => {
    server.use(...falRoute(at('submit', answer({ detail: 'Not Found' }, 404))));
    const error = await fail(
      createFal({ apiKey: testFalKey }).image('fal-ai/flux-pro/retired').generateImage(sceneInput),
    );
    expect(error).toMatchObject({ kind: 'model_unavailable', provider: 'fal:fal-ai/flux-pro/retired' });
    expect(error.message).toContain('`fal-ai/flux-pro/retired`');
  });

  it.each([
    ['submit', 503],
    ['status', 500],
    ['result', 502],
    ['status', 429],
  ] as const)('the SDK does not retry a %s answering %i', async (step, status) => {
    server.use(...falRoute(at(step, serverErrorOrThrottle(status))));
    await fail(model().generateImage(sceneInput));
    expect(stepCount(step)).toBe(1);
  });

  it('a dropped connection is transient and not retried by the SDK', async () => {
    server.use(...falRoute(at('submit', () => HttpResponse.error())));
    const error = await fail(model().generateImage(sceneInput));
    expect(error).toMatchObject({ kind: 'transient', code: 'network_error' });
    expect(stepCount('submit')).toBe(1);
  });

  it('cancels the queued request when the signal aborts, and rejects with the reason', async () => {
    server.use(...falRoute(at('status', answer({ status: 'IN_QUEUE', queue_position: 5 }, 202))));
    const controller = new AbortController();
    const call = model({ pollIntervalMs: 20 }).generateImage(sceneInput, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.message?.startsWith('fal queue'))
          controller.abort(new DOMException('stop', 'AbortError'));
      },
    });
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => service.cancelled).toContain(service.submissions.at(-1)!.requestId);
  });

  it('gives up after maxWaitMs, cancels, and is transient', async () => {
    server.use(...falRoute(at('status', answer({ status: 'IN_QUEUE', queue_position: 9 }, 202))));
    const error = await fail(model({ pollIntervalMs: 10, maxWaitMs: 40 }).generateImage(sceneInput));
    expect(error).toMatchObject({ kind: 'transient', code: 'queue_timeout' });
    await expect.poll(() => service.cancelled).toContain(service.submissions.at(-1)!.requestId);
  });

  it('turns off fal queue retries on request', async () => {
    await model({ queueRetries: false }).generateImage(sceneInput);
    expect(service.submissions.at(-1)!.headers['x-fal-no-retry']).toBe('1');
  });
});

function serverErrorOrThrottle(status: 500 | 502 | 503 | 429) {
  if (status === 429) return answer({ detail: 'Too many requests' }, 429);
  return serverError(status, { detail: 'Service Unavailable' });
}
