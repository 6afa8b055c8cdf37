import type { ExtraFault, FaultCase, FaultOverride } from '@reelsmith/testkit';
import { dropConnection, htmlErrorPage, neverAnswer } from '@reelsmith/testkit';
import { HttpResponse, type HttpResponseResolver } from 'msw';
import { at } from './fal-routes.js';

// fal's failure answers (contracts sheet §2.5 and rows F2–F12 of §13.2), each aimed at the
// step of the flow where the service gives it.

const json =
  (body: unknown, status: number, headers: Record<string, string> = {}): HttpResponseResolver =>
  () =>
    HttpResponse.json(body as Record<string, unknown>, { status, headers });

/** F5: the account lock fal answers when the balance is exhausted. */
export const exhaustedBalance = {
  detail: 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing',
};

/** F2: a FastAPI-style validation error on the reference image. */
export const imageTooLarge = {
  detail: [
    {
      loc: ['body', 'image_url'],
      msg: 'Image dimensions exceed the maximum of 14142 pixels per side',
      type: 'image_too_large',
      url: 'https://docs.fal.ai/errors#image_too_large',
      input: 'https://v3b.fal.media/files/b/reference.png',
      ctx: { max_width: 14142, max_height: 14142 },
    },
  ],
};

/** F3: the content checker's block. */
export const contentPolicyViolation = {
  detail: [
    {
      loc: ['body', 'prompt'],
      msg: 'The content could not be processed because it contained material flagged by a content checker.',
      type: 'content_policy_violation',
      url: 'https://docs.fal.ai/errors#content_policy_violation',
      input: 'a red kettle on a kitchen table',
      ctx: {},
      categories: ['sexual'],
    },
  ],
};

const requestError = (
  status: number,
  errorType: string,
  detail: string,
  headers: Record<string, string> = {},
) => json({ detail, error_type: errorType }, status, { 'x-fal-error-type': errorType, ...headers });

/** The default fault cases, answered the way fal answers them, each at a realistic step. */
export const falFaultOverrides: Partial<Record<FaultCase, FaultOverride>> = {
  unauthorized: { resolver: at('upload', json({ detail: 'Invalid API key' }, 401)) },
  billing: { resolver: at('upload', json(exhaustedBalance, 403)), expectKind: 'billing' },
  forbidden: { resolver: at('submit', json({ detail: 'You do not have access to this application' }, 403)) },
  model_unavailable: { resolver: at('submit', json({ detail: 'Not Found' }, 404)) },
  invalid_input: {
    resolver: at(
      'result',
      json({ detail: [{ loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' }] }, 422, {
        'x-fal-retryable': 'false',
      }),
    ),
  },
  rate_limited: {
    resolver: at('submit', json({ detail: 'Too many requests' }, 429, { 'retry-after': '7' })),
    expectRetryAfterMs: 7000,
  },
  server_error: { resolver: at('status', json({ detail: 'Internal Server Error' }, 500)) },
  unavailable: {
    resolver: at('result', requestError(503, 'runner_disconnected', 'Runner disconnected unexpectedly')),
  },
  dropped_connection: { resolver: at('upload', dropConnection(), 2) },
  timeout: { resolver: at('status', neverAnswer()) },
  malformed_json: {
    resolver: at(
      'submit',
      () =>
        new HttpResponse(
          '{"request_id":"7f3c2a10-5b1e-4c6d","response_url":"https://queue.fal.run/fal-ai/flux-pro/req',
          {
            status: 200,
            headers: { 'content-type': 'application/json' },
          },
        ),
    ),
  },
  html_error_page: { resolver: at('result', htmlErrorPage(502, 'cloudflare')) },
};

/** Rows F2–F12 (F1 is a success: the contract's success handlers follow it, and a test checks it). */
export const falExtraFaults: ExtraFault[] = [
  {
    name: 'F2 result 422 image_too_large on body.image_url → invalid_input',
    resolver: at('result', json(imageTooLarge, 422, { 'x-fal-retryable': 'false' })),
    expectKind: 'invalid_input',
  },
  {
    name: 'F3 result 422 content_policy_violation + X-Fal-Retryable: false → content_policy',
    resolver: at('result', json(contentPolicyViolation, 422, { 'x-fal-retryable': 'false' })),
    expectKind: 'content_policy',
  },
  {
    name: 'F4 submit 401 {"detail":"Invalid API key"} → auth',
    resolver: at('submit', json({ detail: 'Invalid API key' }, 401)),
    expectKind: 'auth',
  },
  {
    name: 'F5 submit 403 "User is locked. Reason: Exhausted balance" → billing',
    resolver: at('submit', json(exhaustedBalance, 403)),
    expectKind: 'billing',
  },
  {
    name: 'F6 submit 429 (no Retry-After), then 200 → rate_limit',
    resolver: at('submit', json({ detail: 'Too many requests' }, 429), 1),
    expectKind: 'rate_limit',
  },
  {
    name: 'F7 504 + X-Fal-Error-Type: request_timeout → transient',
    resolver: at('result', requestError(504, 'request_timeout', 'Request timed out')),
    expectKind: 'transient',
  },
  {
    name: 'F8 504 + X-Fal-Request-Timeout-Type: user → invalid_input (not retried)',
    resolver: at(
      'result',
      requestError(504, 'request_timeout', 'Request timed out', { 'x-fal-request-timeout-type': 'user' }),
    ),
    expectKind: 'invalid_input',
  },
  {
    name: 'F9 503 + X-Fal-Error-Type: runner_scheduling_failure → transient',
    resolver: at('submit', requestError(503, 'runner_scheduling_failure', 'No runner could be allocated')),
    expectKind: 'transient',
  },
  {
    name: 'F10 result 200 with has_nsfw_concepts: [true] → content_policy',
    resolver: at('result', nsfwResult),
    expectKind: 'content_policy',
  },
  {
    name: 'F11 status COMPLETED, then result 500 → transient (not a success)',
    resolver: at('result', json({ detail: 'Internal Server Error' }, 500)),
    expectKind: 'transient',
  },
  {
    name: 'F12 output image URL answers 404 on download → transient (regenerate), no URL returned',
    resolver: at(
      'download',
      () => new HttpResponse('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } }),
    ),
    expectKind: 'transient',
  },
];

/** F10: a 200 result whose only image the safety checker flagged (a black placeholder). */
function nsfwResult(): Response {
  return HttpResponse.json({
    images: [
      {
        url: 'https://v3b.fal.media/files/rabbit/black-0.png',
        width: 752,
        height: 1392,
        content_type: 'image/png',
      },
    ],
    seed: 42,
    has_nsfw_concepts: [true],
    prompt: 'a red kettle on a kitchen table',
    timings: { inference: 1.9 },
  });
}
