import {
  type ElevenLabs,
  ElevenLabsClient,
  ElevenLabsError,
  ElevenLabsTimeoutError,
} from '@elevenlabs/elevenlabs-js';
import { createCallGuard, ProviderError } from '@reelsmith/core';

import { type ErrorContext, providerErrorFromResponse } from './elevenlabs-error.js';

/** How requests reach the service. */
export interface Transport {
  apiKey: string;
  baseURL: string | undefined;
  headers: Record<string, string> | undefined;
  fetch: typeof fetch | undefined;
  timeoutMs: number;
}

/** The body of one with-timestamps request, in the SDK's camelCase. */
export type TimestampsRequest = ElevenLabs.BodyTextToSpeechFullWithTimestamps;

/** One with-timestamps answer. */
export interface TimestampsResponse {
  data: ElevenLabs.AudioWithTimestampsResponse;
  /** The `request-id` header, for `previous_request_ids` and support tickets. */
  requestId: string | undefined;
}

/** The status and headers of the answer a request got, kept because the SDK drops them on some paths. */
interface Captured {
  status?: number;
  headers?: Headers;
  errorText?: Promise<string | undefined>;
}

/**
 * Calls `POST /v1/text-to-speech/{voice_id}/with-timestamps` through the official SDK
 * (`textToSpeech.convertWithTimestamps`) with its retries off, under the time limit and the
 * caller's signal. Rejects with the caller's abort reason, or a classified `ProviderError`.
 */
export async function requestWithTimestamps(
  transport: Transport,
  voiceId: string,
  request: TimestampsRequest,
  context: ErrorContext,
  signal: AbortSignal | undefined,
): Promise<TimestampsResponse> {
  signal?.throwIfAborted();
  const captured: Captured = {};
  const baseFetch = transport.fetch;
  const capturingFetch: typeof fetch = async (input, init) => {
    // The global fetch is looked up per request, so interceptors installed later (msw) apply.
    const response = await (baseFetch ?? globalThis.fetch)(input, init);
    captured.status = response.status;
    captured.headers = response.headers;
    if (!response.ok)
      captured.errorText = response
        .clone()
        .text()
        .catch(() => undefined);
    return response;
  };
  const client = new ElevenLabsClient({
    apiKey: transport.apiKey,
    baseUrl: transport.baseURL,
    headers: transport.headers,
    maxRetries: 0, // the core is the only retry owner
    timeoutInSeconds: transport.timeoutMs / 1000,
    fetch: capturingFetch,
  });
  const guard = createCallGuard(signal, transport.timeoutMs);
  try {
    const { data, rawResponse } = await guard.run(
      client.textToSpeech
        .convertWithTimestamps(voiceId, request, { abortSignal: guard.signal, maxRetries: 0 })
        .withRawResponse(),
    );
    return { data, requestId: rawResponse.headers.get('request-id') ?? undefined };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw await translate(error, captured, context, guard.timedOut(), transport.timeoutMs);
  } finally {
    guard.dispose();
  }
}

async function translate(
  error: unknown,
  captured: Captured,
  context: ErrorContext,
  timedOut: boolean,
  timeoutMs: number,
): Promise<ProviderError> {
  const provider = context.provider;
  if (ProviderError.isInstance(error)) return error;
  if (timedOut || error instanceof ElevenLabsTimeoutError) {
    return new ProviderError({
      kind: 'transient',
      provider,
      code: 'timeout',
      message: `ElevenLabs did not answer within ${timeoutMs} ms`,
      cause: error,
    });
  }
  const sdkStatus = error instanceof ElevenLabsError ? error.statusCode : undefined;
  const status = captured.status ?? sdkStatus;
  if (status !== undefined && status >= 400) {
    const text = captured.errorText ? await captured.errorText : undefined;
    const body = text === undefined ? (error as ElevenLabsError).body : parseBody(text);
    return providerErrorFromResponse({ status, body, headers: captured.headers }, context);
  }
  if (status !== undefined) {
    return new ProviderError({
      kind: 'transient',
      provider,
      status,
      code: 'malformed_response',
      message: `ElevenLabs answered ${status} with a body that is not the with-timestamps JSON`,
      requestId: captured.headers?.get('request-id') ?? undefined,
      cause: error,
    });
  }
  if (error instanceof ElevenLabsError) {
    return new ProviderError({
      kind: 'transient',
      provider,
      code: 'network_error',
      message: `the request to ElevenLabs failed before an answer (${error.message})`,
      cause: error,
    });
  }
  return new ProviderError({
    kind: 'unknown',
    provider,
    message: `the ElevenLabs SDK failed: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  });
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
