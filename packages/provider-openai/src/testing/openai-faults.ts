// OpenAI's failure answers: the contract suite's cases in OpenAI's shapes, and rows O1–O12 of
// the contracts sheet (§13.3), built fresh per suite (some resolvers keep state).
import type { ExtraFault, FaultCase, FaultOverride } from '@reelsmith/testkit';
import { HttpResponse, type HttpResponseResolver } from 'msw';
import { chatCompletion, errorEnvelope, openAIHeaders } from './openai-fixtures.js';

type ErrorFields = Parameters<typeof errorEnvelope>[0];

/** An OpenAI JSON error answer. */
export function openAIError(
  status: number,
  error: ErrorFields,
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () => HttpResponse.json(errorEnvelope(error), { status, headers: openAIHeaders(headers) });
}

/** A 200 chat answer (refusal, cut-off or filtered). */
export function chatAnswer(options: Parameters<typeof chatCompletion>[0]): HttpResponseResolver {
  return () => HttpResponse.json(chatCompletion(options), { headers: openAIHeaders() });
}

/** The verification gate's message, as OpenAI writes it. */
export const verificationMessage = (model: string) =>
  `Your organization must be verified to use the model \`${model}\`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization. If you just verified, it can take up to 15 minutes for access to propagate.`;

/** The contract suite's standard cases, answered the way OpenAI answers them. */
export function openAIFaultOverrides(apiKey: string): Partial<Record<FaultCase, FaultOverride>> {
  return {
    unauthorized: {
      // OpenAI echoes (part of) the key; the error message must not.
      resolver: openAIError(401, {
        message: `Incorrect API key provided: ${apiKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      }),
    },
    billing: {
      resolver: openAIError(400, {
        message: 'Billing hard limit has been reached.',
        type: 'invalid_request_error',
        code: 'billing_hard_limit_reached',
      }),
      expectKind: 'billing',
    },
    forbidden: {
      resolver: openAIError(403, {
        message: 'Country, region, or territory not supported',
        type: 'request_forbidden',
        code: 'unsupported_country_region_territory',
      }),
    },
    model_unavailable: {
      resolver: openAIError(404, {
        message: 'The model `gpt-image-9` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        code: 'model_not_found',
      }),
    },
    rate_limited: {
      resolver: openAIError(
        429,
        {
          message:
            'Rate limit reached for requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 7s.',
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
        { 'retry-after': '7', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '7s' },
      ),
      expectRetryAfterMs: 7000,
    },
    server_error: {
      resolver: openAIError(500, {
        message: 'The server had an error while processing your request. Sorry about that!',
        type: 'server_error',
      }),
    },
    unavailable: {
      resolver: openAIError(503, {
        message: 'The server is overloaded or not ready yet.',
        type: 'server_error',
        code: 'server_is_overloaded',
      }),
    },
  };
}

/** Which capability's rows to build. */
export type OpenAICapability = 'script' | 'image' | 'speech' | 'judge';

/** Rows O1–O12 that apply to a capability, each a fresh resolver. */
export function openAIRows(capability: OpenAICapability, model: string): ExtraFault[] {
  const chat = capability === 'script' || capability === 'judge';
  const rows: ExtraFault[] = [
    {
      name: 'O1 429 rate_limit_exceeded + retry-after-ms: 1200 → rate_limit',
      resolver: openAIError(
        429,
        {
          message: 'Rate limit reached for requests per min (RPM). Please try again in 1.2s.',
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
        { 'retry-after-ms': '1200', 'x-should-retry': 'true' },
      ),
      expectKind: 'rate_limit',
    },
    {
      name: 'O2 429 insufficient_quota → billing (never retried)',
      resolver: openAIError(429, {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      }),
      expectKind: 'billing',
    },
    {
      name: 'O5 403 organization must be verified → auth',
      resolver: openAIError(403, { message: verificationMessage(model), type: 'invalid_request_error' }),
      expectKind: 'auth',
    },
    {
      name: 'O6 401 invalid_api_key → auth',
      resolver: openAIError(401, {
        message: 'Incorrect API key provided: sk-proj-********************abcd.',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      }),
      expectKind: 'auth',
    },
    {
      name: 'O7 404 model_not_found (retired model) → model_unavailable',
      resolver: openAIError(404, {
        message: `The model \`${model}\` has been deprecated. Learn more: https://platform.openai.com/docs/deprecations`,
        type: 'invalid_request_error',
        code: 'model_not_found',
      }),
      expectKind: 'model_unavailable',
    },
    {
      name: `O8 400 invalid_request_error naming \`${o8Param[capability]}\` → invalid_input`,
      resolver: openAIError(400, {
        message: o8Message[capability],
        type: 'invalid_request_error',
        param: o8Param[capability],
      }),
      expectKind: 'invalid_input',
    },
    {
      name: 'O11 503 server_is_overloaded → transient (the core retries it)',
      resolver: openAIError(503, {
        message: 'The server is overloaded or not ready yet.',
        type: 'server_error',
        code: 'server_is_overloaded',
      }),
      expectKind: 'transient',
    },
  ];
  if (capability === 'image') {
    rows.push(
      {
        name: 'O3 400 content_policy_violation → content_policy',
        resolver: openAIError(400, {
          message:
            'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
          type: 'invalid_request_error',
          code: 'content_policy_violation',
        }),
        expectKind: 'content_policy',
      },
      {
        name: 'O4 400 moderation_blocked (gpt-image) → content_policy',
        resolver: openAIError(400, {
          message:
            'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com.',
          type: 'image_generation_user_error',
          code: 'moderation_blocked',
        }),
        expectKind: 'content_policy',
      },
    );
  }
  if (chat) {
    rows.push(
      {
        name: 'O5 404 organization must be verified (reasoning models) → auth, not model_unavailable',
        resolver: openAIError(404, { message: verificationMessage(model), type: 'invalid_request_error' }),
        expectKind: 'auth',
      },
      {
        name: 'O9 200 with message.refusal and content null → content_policy',
        resolver: chatAnswer({ content: null, refusal: "I'm sorry, but I can't help with that request." }),
        expectKind: 'content_policy',
      },
      {
        name: 'O10 200 with finish_reason "length" → unknown (output_truncated, no partial JSON parse)',
        resolver: chatAnswer({
          content: '{"title":"This Gooseneck Kettle',
          finishReason: 'length',
          completionTokens: 4000,
        }),
        expectKind: 'unknown',
      },
      {
        name: 'O10 200 with finish_reason "content_filter" → content_policy',
        resolver: chatAnswer({ content: null, finishReason: 'content_filter' }),
        expectKind: 'content_policy',
      },
    );
  }
  if (capability === 'speech') {
    rows.push(
      {
        name: 'O12 200 audio/mpeg whose bytes are not MP3 → unknown (kept as bytes, never parsed as JSON)',
        resolver: () =>
          new HttpResponse('{"error":"not audio"', {
            headers: openAIHeaders({ 'content-type': 'audio/mpeg' }),
          }),
        expectKind: 'unknown',
      },
      {
        name: 'O12 200 application/json instead of audio → unknown',
        resolver: () => HttpResponse.json({ object: 'list' }, { headers: openAIHeaders() }),
        expectKind: 'unknown',
      },
    );
  }
  return rows;
}

const o8Param: Record<OpenAICapability, string> = {
  script: 'response_format',
  judge: 'response_format',
  image: 'size',
  speech: 'voice',
};

const o8Message: Record<OpenAICapability, string> = {
  script:
    "Invalid schema for response_format 'video_script': In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'captions'.",
  judge: "Invalid schema for response_format 'product_image_judgement': 'minimum' is not permitted.",
  image:
    "Invalid value: '1080x1920'. Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.",
  speech: "Invalid value for 'voice': 'robot' is not a supported voice.",
};
