import { ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { parseErrorDetail } from './elevenlabs-error.js';
import { createElevenLabs, type ElevenLabsSettings } from './index.js';
import { elevenLabsError, elevenLabsRoute } from './testing/elevenlabs-service.js';

const apiKey = 'xi-error-test-key-0c33d8';
const server = installTestServer();

async function failWith(
  resolver: Parameters<typeof elevenLabsRoute>[0],
  settings: ElevenLabsSettings = {},
): Promise<ProviderError> {
  server.use(...elevenLabsRoute(resolver));
  const error = await createElevenLabs({ apiKey, ...settings })
    .voice({ voiceId: 'voiceAbcdefghij123456' })
    .synthesize({ text: 'Hello there.' })
    .catch((thrown: unknown) => thrown);
  if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  expect(error.message).not.toContain(apiKey);
  return error;
}

describe('error mapping', () => {
  it('E1: quota_exceeded (401) is quota, not auth, with the request id and body', async () => {
    const error = await failWith(
      elevenLabsError(401, { status: 'quota_exceeded', message: 'You have 0 credits remaining.' }),
    );
    expect(error).toMatchObject({
      kind: 'quota',
      status: 401,
      code: 'quota_exceeded',
      retryable: false,
      requestId: 'req_error_401',
      provider: 'elevenlabs:eleven_multilingual_v2',
      body: { detail: { status: 'quota_exceeded', message: 'You have 0 credits remaining.' } },
    });
    expect(error.message).toMatch(/do not rotate/);
  });

  it('E3: missing_permissions names the permission to grant', async () => {
    const error = await failWith(
      elevenLabsError(401, {
        status: 'missing_permissions',
        message: 'The API key you used is missing the permission text_to_speech to execute this operation.',
      }),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/"text_to_speech" permission/);
    expect(error.message).toMatch(/elevenlabs\.io\/app\/settings\/api-keys/);
  });

  it('E5: voice_not_found names the voiceId', async () => {
    const error = await failWith(elevenLabsError(404, { status: 'voice_not_found', message: 'not found' }));
    expect(error.kind).toBe('model_unavailable');
    expect(error.message).toMatch(/voice "voiceAbcdefghij123456"/);
    expect(error.message).toMatch(/`voiceId`/);
  });

  it('E6: a 422 names each field of detail[].loc', async () => {
    const error = await failWith(() =>
      HttpResponse.json(
        {
          detail: [
            { loc: ['body', 'model_id'], msg: 'str type expected', type: 'type_error.str' },
            { loc: ['body', 'voice_settings', 'stability'], msg: 'too large', type: 'value_error' },
          ],
        },
        { status: 422 },
      ),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain(
      '`modelId` (model_id), `voiceSettings.stability` (voice_settings.stability)',
    );
  });

  it('E7: too_many_concurrent_requests waits a short, configurable delay unless Retry-After says', async () => {
    const busy = { status: 'too_many_concurrent_requests', message: 'Too many concurrent requests.' };
    expect(await failWith(elevenLabsError(429, busy))).toMatchObject({
      kind: 'rate_limit',
      retryAfterMs: 1000,
    });
    expect(await failWith(elevenLabsError(429, busy), { concurrencyRetryAfterMs: 250 })).toMatchObject({
      retryAfterMs: 250,
    });
    expect(await failWith(elevenLabsError(429, busy, { 'retry-after': '3' }))).toMatchObject({
      retryAfterMs: 3000,
    });
  });

  it('E8: system_busy is rate_limit, leaving the delay to the core’s backoff', async () => {
    const error = await failWith(elevenLabsError(429, { status: 'system_busy', message: 'busy' }));
    expect(error).toMatchObject({ kind: 'rate_limit', retryable: true, retryAfterMs: undefined });
  });

  it('a 403 plan feature names outputFormat', async () => {
    const error = await failWith(
      elevenLabsError(403, { status: 'output_format_not_allowed', message: 'Pro tier and above.' }),
      { outputFormat: 'pcm_44100' },
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/`outputFormat` "pcm_44100"/);
  });

  it('an HTML proxy page is transient, with the page kept short in the body', async () => {
    const html = `<html><body>${'x'.repeat(5000)}</body></html>`;
    const error = await failWith(
      () => new HttpResponse(html, { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    expect(error).toMatchObject({ kind: 'transient', status: 502 });
    expect(String(error.body).length).toBe(2000);
  });
});

describe('parseErrorDetail', () => {
  it('reads every body shape', () => {
    expect(parseErrorDetail({ detail: { status: 'a', message: 'm' } })).toMatchObject({
      code: 'a',
      message: 'm',
    });
    expect(parseErrorDetail({ detail: { code: 'b', message: 'm' } })).toMatchObject({ code: 'b' });
    expect(parseErrorDetail({ detail: { type: 'c', message: 'm' } })).toMatchObject({ code: 'c' });
    expect(parseErrorDetail({ detail: 'plain words' })).toMatchObject({ message: 'plain words' });
    expect(parseErrorDetail({ error: { code: 'd', message: 'm', param: 'output_format' } })).toMatchObject({
      code: 'd',
      fields: [{ wire: 'output_format', option: 'outputFormat' }],
    });
    expect(parseErrorDetail('<html>oops</html>')).toEqual({ fields: [] });
    expect(parseErrorDetail(undefined)).toEqual({ fields: [] });
  });
});
