import { createPng } from '@reelsmith/testkit';
import { HttpResponse, type HttpResponseResolver } from 'msw';

// Answers shaped like Google's, from the contracts sheet (sections 1.4, 1.5 and 13.1) and the
// public issue threads it cites. Errors use Google's JSON envelope with `details[]`.

/** A small real PNG (9:16), base64. */
export const pngBase64 = Buffer.from(
  createPng({ width: 9, height: 16, color: [200, 120, 40, 255] }),
).toString('base64');

const type = (name: string) => `type.googleapis.com/google.rpc.${name}`;

/** A Google JSON error answer. */
export function googleError(
  code: number,
  status: string,
  message: string,
  details?: unknown[],
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () =>
    HttpResponse.json(
      { error: { code, message, status, ...(details ? { details } : {}) } },
      { status: code, headers },
    );
}

/** I1: Imagen on a Gemini API key without billing. */
export const billedUsersOnly = () =>
  googleError(400, 'INVALID_ARGUMENT', 'Imagen API is only accessible to billed users at this time.');

/** I2: a project whose billing is disabled. */
export const billingDisabled = () =>
  googleError(
    403,
    'PERMISSION_DENIED',
    'This API method requires billing to be enabled. Please enable billing on project #123456789 by visiting https://console.developers.google.com/billing/enable?project=123456789 then retry. If you enabled billing for this project recently, wait a few minutes for the action to propagate to our systems and retry.',
    [
      {
        '@type': type('ErrorInfo'),
        reason: 'BILLING_DISABLED',
        domain: 'googleapis.com',
        metadata: { service: 'aiplatform.googleapis.com', consumer: 'projects/123456789' },
      },
      {
        '@type': type('Help'),
        links: [
          {
            description: 'Google developers console billing',
            url: 'https://console.developers.google.com/billing/enable?project=123456789',
          },
        ],
      },
    ],
  );

/** I3: a free-tier key on an image model (limit 0). */
export const freeTierExhausted = (model: string) =>
  googleError(
    429,
    'RESOURCE_EXHAUSTED',
    `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: ${model}\nPlease retry in 36.4s.`,
    [
      {
        '@type': type('QuotaFailure'),
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
            quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
            quotaDimensions: { location: 'global', model },
          },
        ],
      },
      {
        '@type': type('Help'),
        links: [
          {
            description: 'Learn more about Gemini API quotas',
            url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
          },
        ],
      },
      { '@type': type('RetryInfo'), retryDelay: '36s' },
    ],
  );

/** I4 (Gemini API): a paid project over its per-minute quota, with `RetryInfo`. */
export const perMinuteQuota = (model: string, retryDelaySeconds = 7) =>
  googleError(
    429,
    'RESOURCE_EXHAUSTED',
    `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_paid_tier_requests, limit: 20, model: ${model}\nPlease retry in ${retryDelaySeconds}.2s.`,
    [
      {
        '@type': type('QuotaFailure'),
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_content_paid_tier_requests',
            quotaId: 'GenerateRequestsPerMinutePerProjectPerModel',
            quotaDimensions: { location: 'global', model },
            quotaValue: '20',
          },
        ],
      },
      { '@type': type('RetryInfo'), retryDelay: `${retryDelaySeconds}s` },
    ],
  );

/** I4 (Vertex AI): the per-minute base-model quota. Vertex gives no delay. */
export const vertexPerMinuteQuota = (model: string) =>
  googleError(
    429,
    'RESOURCE_EXHAUSTED',
    `Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model with base model: ${model}. Please submit a quota increase request. https://cloud.google.com/vertex-ai/docs/generative-ai/quotas-genai.`,
  );

/** I5: a prompt blocked before generation. */
export const sensitiveWords = () =>
  googleError(
    400,
    'INVALID_ARGUMENT',
    "Image generation failed with the following error: The prompt could not be submitted. This prompt contains sensitive words that violate Google's Responsible AI practices. Try rephrasing the prompt. If you think this was an error, send feedback. Support codes: 42876398",
  );

/** The reason Imagen gives for an image filtered after generation (people/child filter). */
export const raiReason =
  "Unable to show generated images. All images were filtered out because they violated Vertex AI's usage guidelines. You will not be charged for blocked images. Try rephrasing the prompt. If you think this was an error, send feedback. Support codes: 39322892";

/** I6 (`:predict`): a 200 whose only entry is a filter reason. */
export const raiFilteredOnly = (): HttpResponseResolver => () =>
  HttpResponse.json({ predictions: [{ raiFilteredReason: raiReason }] });

/** I6 (`generateContent`): a 200 whose candidate was filtered (`IMAGE_SAFETY`). */
export const imageSafetyFinish =
  (model: string): HttpResponseResolver =>
  () =>
    HttpResponse.json({
      candidates: [
        {
          finishReason: 'IMAGE_SAFETY',
          finishMessage:
            "Unable to show the generated image. The image was filtered out because it violated Google's Generative AI Prohibited Use policy. You will not be charged for blocked images. Try rephrasing the prompt.",
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 14, totalTokenCount: 14 },
      modelVersion: model,
      responseId: 'resp-filtered-01',
    });

/** I7 (`:predict`): one image of four; three filtered. */
export const oneOfFour = (): HttpResponseResolver => () =>
  HttpResponse.json({
    predictions: [{ mimeType: 'image/png', bytesBase64Encoded: pngBase64 }, { raiFilteredReason: raiReason }],
  });

/** I8: `allow_all` without allow-listing. */
export const notAllowlisted = () =>
  googleError(
    400,
    'FAILED_PRECONDITION',
    'Project or the user is not allowlisted to turn off child detection filter.',
  );

/** I9: a retired or misspelled model, as each surface words it. */
export const modelNotFound = (model: string, vertex: boolean, method: 'predict' | 'generateContent') =>
  googleError(
    404,
    'NOT_FOUND',
    vertex
      ? `Publisher Model \`projects/reelsmith-test/locations/us-central1/publishers/google/models/${model}\` was not found or your project does not have access to it. Please ensure you are using a valid model version. For more information, see: https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versioning`
      : `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );

/** I10: the backend is overloaded. */
export const unavailable = () =>
  googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');

/** A backend error. */
export const internalError = () =>
  googleError(
    500,
    'INTERNAL',
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );

/** The Gemini API's answer to a bad key (400, not 401). */
export const apiKeyInvalid = () =>
  googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
    {
      '@type': type('ErrorInfo'),
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
  ]);

/** Vertex AI's answer to a missing or expired token. */
export const unauthenticated = () =>
  googleError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    [{ '@type': type('ErrorInfo'), reason: 'ACCESS_TOKEN_EXPIRED', domain: 'googleapis.com' }],
  );

/** A caller without the IAM permission (Vertex) or without an identity (Gemini API). */
export const permissionDenied = (vertex: boolean) =>
  vertex
    ? googleError(
        403,
        'PERMISSION_DENIED',
        "Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/reelsmith-test/locations/us-central1/publishers/google/models/imagen-4.0-generate-001' (or it may not exist).",
        [
          {
            '@type': type('ErrorInfo'),
            reason: 'IAM_PERMISSION_DENIED',
            domain: 'aiplatform.googleapis.com',
          },
        ],
      )
    : googleError(
        403,
        'PERMISSION_DENIED',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );

/** A bad parameter, with a `BadRequest` field violation. */
export const invalidSampleCount = () =>
  googleError(400, 'INVALID_ARGUMENT', "Invalid value at 'parameters.sample_count' (TYPE_INT32), 8", [
    {
      '@type': type('BadRequest'),
      fieldViolations: [
        { field: 'parameters.sample_count', description: 'sampleCount must be between 1 and 4' },
      ],
    },
  ]);

/** A `:predict` success with `count` images. */
export const predictSuccess =
  (count = 1): HttpResponseResolver =>
  () =>
    HttpResponse.json({
      predictions: Array.from({ length: count }, () => ({
        mimeType: 'image/png',
        bytesBase64Encoded: pngBase64,
      })),
    });

/** A `generateContent` success with one inline image. */
export const generateContentSuccess =
  (model: string): HttpResponseResolver =>
  () =>
    HttpResponse.json({
      candidates: [
        {
          content: { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: pngBase64 } }] },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: 272,
        candidatesTokenCount: 1120,
        totalTokenCount: 1392,
        candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: 1120 }],
      },
      modelVersion: model,
      responseId: 'resp-ok-01',
    });
