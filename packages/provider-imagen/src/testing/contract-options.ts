import type { ExtraFault, ImageProviderContractOptions } from '@reelsmith/testkit';
import { createImagen } from '../imagen-provider.js';
import {
  apiKeyInvalid,
  billedUsersOnly,
  billingDisabled,
  freeTierExhausted,
  generateContentSuccess,
  imageSafetyFinish,
  internalError,
  invalidSampleCount,
  modelNotFound,
  notAllowlisted,
  perMinuteQuota,
  permissionDenied,
  predictSuccess,
  raiFilteredOnly,
  sensitiveWords,
  unauthenticated,
  unavailable,
  vertexPerMinuteQuota,
} from './google-answers.js';
import {
  geminiApiUrl,
  type ModelMethod,
  postTo,
  testAccessToken,
  testApiKey,
  testProject,
  testServiceAccount,
  tokenHandler,
  vertexUrl,
} from './google-routes.js';

/** One way of reaching one model: the surface, the model and its method. */
export interface ImagenMode {
  vertex: boolean;
  model: string;
  /** Vertex AI location; `us-central1` for Imagen, `global` for Gemini image models. */
  location?: string;
}

/** The method the provider uses for `model`. */
export function methodOf(model: string): ModelMethod {
  return model.startsWith('imagen-') ? 'predict' : 'generateContent';
}

/** The endpoint URL a mode calls. */
export function endpointOf(mode: ImagenMode): string {
  const method = methodOf(mode.model);
  return mode.vertex
    ? vertexUrl(mode.model, method, mode.location ?? 'global')
    : geminiApiUrl(mode.model, method);
}

/** Builds the provider for a mode, with test credentials (and `extra` settings). */
export function createForMode(mode: ImagenMode, extra: Parameters<typeof createImagen>[0] = {}) {
  const settings = mode.vertex
    ? {
        vertexai: true,
        project: testProject,
        location: mode.location ?? 'global',
        googleAuthOptions: testServiceAccount(),
      }
    : { apiKey: testApiKey };
  return createImagen({ ...settings, ...extra }).image(mode.model);
}

/** The rows of the contracts sheet's section 13.1 that end in an error (I7 succeeds; see the unit tests). */
export function imagenFaultRows(mode: ImagenMode): ExtraFault[] {
  const method = methodOf(mode.model);
  return [
    {
      name: 'I1 400 "only accessible to billed users" → billing',
      resolver: billedUsersOnly(),
      expectKind: 'billing',
    },
    {
      name: 'I2 403 PERMISSION_DENIED BILLING_DISABLED → billing',
      resolver: billingDisabled(),
      expectKind: 'billing',
    },
    {
      name: 'I3 429 RESOURCE_EXHAUSTED, QuotaFailure …-FreeTier, limit 0 → billing',
      resolver: freeTierExhausted(mode.model),
      expectKind: 'billing',
    },
    {
      name: 'I4 429 RESOURCE_EXHAUSTED per-minute quota → rate_limit',
      resolver: mode.vertex ? vertexPerMinuteQuota(mode.model) : perMinuteQuota(mode.model),
      expectKind: 'rate_limit',
    },
    {
      name: 'I5 400 "…sensitive words…" → content_policy',
      resolver: sensitiveWords(),
      expectKind: 'content_policy',
    },
    {
      name: `I6 200 with no image bytes (${method === 'predict' ? 'raiFilteredReason only' : 'finishReason IMAGE_SAFETY'}) → content_policy`,
      resolver: method === 'predict' ? raiFilteredOnly() : imageSafetyFinish(mode.model),
      expectKind: 'content_policy',
    },
    {
      name: 'I8 400 FAILED_PRECONDITION child-detection allowlist → invalid_input',
      resolver: notAllowlisted(),
      expectKind: 'invalid_input',
    },
    {
      name: 'I9 404 NOT_FOUND model → model_unavailable',
      resolver: modelNotFound(mode.model, mode.vertex, method),
      expectKind: 'model_unavailable',
    },
    {
      name: 'I10 503 UNAVAILABLE → transient (retried by the core)',
      resolver: unavailable(),
      expectKind: 'transient',
    },
  ];
}

/** The image contract suite's options for a mode, with Google's own answers for every fault case. */
export function contractOptionsFor(mode: ImagenMode): ImageProviderContractOptions {
  const url = endpointOf(mode);
  const method = methodOf(mode.model);
  const route = (resolver: Parameters<typeof postTo>[1]) => [postTo(url, resolver)];
  const success = method === 'predict' ? predictSuccess(1) : generateContentSuccess(mode.model);
  return {
    name: `imagen on ${mode.vertex ? 'Vertex AI' : 'the Gemini API'} › ${mode.model} (${method})`,
    create: ({ timeoutMs }) => createForMode(mode, { timeoutMs }),
    input: { prompt: 'Studio photo of a stainless steel water bottle on a kitchen counter, vertical' },
    route,
    success: [...(mode.vertex ? [tokenHandler()] : []), postTo(url, success)],
    faults: {
      unauthorized: { resolver: mode.vertex ? unauthenticated() : apiKeyInvalid(), expectKind: 'auth' },
      billing: { resolver: mode.vertex ? billingDisabled() : billedUsersOnly(), expectKind: 'billing' },
      forbidden: { resolver: permissionDenied(mode.vertex), expectKind: 'auth' },
      model_unavailable: { resolver: modelNotFound(mode.model, mode.vertex, method) },
      invalid_input: { resolver: invalidSampleCount(), expectKind: 'invalid_input' },
      // Vertex AI sends no delay with its 429s; there the default answer checks `Retry-After`.
      ...(mode.vertex
        ? {}
        : { rate_limited: { resolver: perMinuteQuota(mode.model, 7), expectRetryAfterMs: 7000 } }),
      server_error: { resolver: internalError() },
      unavailable: { resolver: unavailable() },
    },
    extraFaults: imagenFaultRows(mode),
    secrets: [testApiKey, testAccessToken],
  };
}
