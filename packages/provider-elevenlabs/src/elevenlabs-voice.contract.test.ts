import { describeVoiceProviderContract, type ExtraFault } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { createElevenLabs } from './elevenlabs-provider.js';
import {
  elevenLabsError,
  elevenLabsRoute,
  elevenLabsSuccess,
  withTimestampsResolver,
} from './testing/elevenlabs-service.js';

const apiKey = 'xi-contract-test-key-5f1d2c';
const input = {
  text: 'This kettle boils a litre in ninety seconds. It keeps water hot for an hour. Grab yours today.',
};
const create = ({ timeoutMs }: { timeoutMs: number }) => createElevenLabs({ apiKey, timeoutMs }).voice();

// Section 13.4 of the contracts sheet, one case per row (E9 is a success: see the suites below).
const rows: ExtraFault[] = [
  {
    name: 'E1: 401 quota_exceeded → quota (not auth: no credential rotation)',
    resolver: elevenLabsError(401, {
      status: 'quota_exceeded',
      message:
        'This request exceeds your quota of 10000. You have 0 credits remaining, while 91 credits are required.',
    }),
    expectKind: 'quota',
  },
  {
    name: 'E2: 401 invalid_api_key → auth',
    resolver: elevenLabsError(401, { status: 'invalid_api_key', message: 'Invalid API key' }),
    expectKind: 'auth',
  },
  {
    name: 'E3: 401 missing_permissions → auth (configuration message)',
    resolver: elevenLabsError(401, {
      status: 'missing_permissions',
      message: 'The API key you used is missing the permission text_to_speech to execute this operation.',
    }),
    expectKind: 'auth',
  },
  {
    name: 'E4: 400 max_character_limit_exceeded on every split → invalid_input',
    resolver: elevenLabsError(400, {
      status: 'max_character_limit_exceeded',
      message:
        "This request's text has 96 characters and exceeds the character limit of 10,000 characters for non signed in accounts.",
    }),
    expectKind: 'invalid_input',
  },
  {
    name: 'E5: 404 voice_not_found → model_unavailable',
    resolver: elevenLabsError(404, {
      status: 'voice_not_found',
      message: 'A voice with the voice_id JBFqnCBsd6RMkjVDRZzb was not found.',
    }),
    expectKind: 'model_unavailable',
  },
  {
    name: 'E5: 400 voice_not_found → model_unavailable',
    resolver: elevenLabsError(400, {
      status: 'voice_not_found',
      message: 'A voice with the voice_id JBFqnCBsd6RMkjVDRZzb was not found.',
    }),
    expectKind: 'model_unavailable',
  },
  {
    name: 'E6: 422 detail[].loc → invalid_input',
    resolver: () =>
      HttpResponse.json(
        { detail: [{ loc: ['body', 'model_id'], msg: 'str type expected', type: 'value_error' }] },
        { status: 422 },
      ),
    expectKind: 'invalid_input',
  },
  {
    name: 'E7: 429 too_many_concurrent_requests → rate_limit',
    resolver: elevenLabsError(429, {
      status: 'too_many_concurrent_requests',
      message: 'You have too many concurrent requests. Your plan allows 3 concurrent requests.',
    }),
    expectKind: 'rate_limit',
  },
  {
    name: 'E8: 429 system_busy → rate_limit',
    resolver: elevenLabsError(429, {
      status: 'system_busy',
      message: 'We are currently experiencing heavy traffic. Please try again later.',
    }),
    expectKind: 'rate_limit',
  },
  {
    name: 'E10: 200 with alignment arrays of unequal lengths → unknown (corrupt alignment)',
    resolver: withTimestampsResolver({ alignment: 'corrupt' }),
    expectKind: 'unknown',
  },
  {
    name: '401 detected_unusual_activity → billing',
    resolver: elevenLabsError(401, {
      status: 'detected_unusual_activity',
      message: 'Unusual activity detected. Free Tier usage disabled.',
    }),
    expectKind: 'billing',
  },
  {
    name: '400 unknown model id → model_unavailable',
    resolver: elevenLabsError(400, {
      status: 'model_not_found',
      message: 'A model with model ID eleven_monolingual_v3 does not exist.',
    }),
    expectKind: 'model_unavailable',
  },
];

describeVoiceProviderContract({
  name: 'elevenlabs.voice() (testkit voice contract)',
  create,
  input,
  route: elevenLabsRoute,
  success: elevenLabsSuccess(),
  faults: {
    unauthorized: {
      resolver: elevenLabsError(401, { status: 'invalid_api_key', message: 'Invalid API key' }),
      expectKind: 'auth',
    },
    // ElevenLabs never answers 402: a blocked account is a 401 `detected_unusual_activity`.
    billing: {
      resolver: elevenLabsError(401, {
        status: 'detected_unusual_activity',
        message: 'Unusual activity detected. Free Tier usage disabled.',
      }),
      expectKind: 'billing',
    },
    // Its 403 is a plan feature, e.g. a format above the tier: fix the request, not the key.
    forbidden: {
      resolver: elevenLabsError(403, {
        status: 'output_format_not_allowed',
        message: 'Requested output format pcm_44100 (PCM at 44100hz) is only allowed for Pro tier and above.',
      }),
      expectKind: 'invalid_input',
    },
    model_unavailable: {
      resolver: elevenLabsError(404, {
        status: 'voice_not_found',
        message: 'A voice with the voice_id JBFqnCBsd6RMkjVDRZzb was not found.',
      }),
      expectKind: 'model_unavailable',
    },
    invalid_input: {
      resolver: () =>
        HttpResponse.json(
          { detail: [{ loc: ['body', 'text'], msg: 'field required', type: 'value_error.missing' }] },
          { status: 422 },
        ),
      expectKind: 'invalid_input',
    },
    rate_limited: {
      resolver: elevenLabsError(
        429,
        { status: 'system_busy', message: 'We are currently experiencing heavy traffic.' },
        { 'retry-after': '7' },
      ),
      expectKind: 'rate_limit',
    },
    // uvicorn's answer to an unhandled exception.
    server_error: {
      resolver: () =>
        new HttpResponse('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain' } }),
      expectKind: 'transient',
    },
  },
  extraFaults: rows,
  secrets: [apiKey],
});

// E9: a 200 without `alignment` is still a success, with word timings from the fallbacks.
describeVoiceProviderContract({
  name: 'elevenlabs.voice() with alignment null (E9 → normalized_alignment)',
  create,
  input,
  route: elevenLabsRoute,
  success: elevenLabsSuccess({ alignment: 'normalized' }),
  secrets: [apiKey],
});

describeVoiceProviderContract({
  name: 'elevenlabs.voice() with both alignments null (E9 → estimated timings)',
  create,
  input,
  route: elevenLabsRoute,
  success: elevenLabsSuccess({ alignment: 'none' }),
  secrets: [apiKey],
});

// A script longer than the model's limit: split, synthesized in order and stitched.
describeVoiceProviderContract({
  name: 'elevenlabs.voice() over several requests (mp3, 40-character limit)',
  create: ({ timeoutMs }) =>
    createElevenLabs({
      apiKey,
      timeoutMs,
      models: { eleven_flash_v2_5: { maxCharacters: 40 } },
    }).voice({ modelId: 'eleven_flash_v2_5', outputFormat: 'mp3_44100_128' }),
  input,
  route: elevenLabsRoute,
  success: elevenLabsSuccess({ maxCharacters: 40 }),
  secrets: [apiKey],
});

// E4 as a success: the service refuses the whole script as too long, the provider splits it
// at sentence ends and retries it as chunks.
describeVoiceProviderContract({
  name: 'elevenlabs.voice() after max_character_limit_exceeded (E4 → split and retried)',
  create,
  input,
  route: elevenLabsRoute,
  success: elevenLabsSuccess({ maxCharacters: 50 }),
  secrets: [apiKey],
});
