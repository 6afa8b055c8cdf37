import { createCallGuard, ProviderError } from '@reelsmith/core';
import Airtable from 'airtable';
import {
  type AirtableFailure,
  airtableProviderError,
  type ErrorContext,
  readFailure,
} from './airtable-error.js';
import { type BasePacer, PausedError } from './base-pacer.js';

/**
 * The official package's `Base` with one change: its error check keeps Airtable's own error
 * type and message for every status. The stock check replaces them for 401, 403, 413, 429 and
 * 5xx, which would make a 429 `PUBLIC_API_BILLING_LIMIT_EXCEEDED` look like throttling.
 */
class TypedErrorBase extends Airtable.Base {
  override _checkStatusForError(statusCode: number, body?: unknown): Airtable.Error | null {
    if (statusCode < 400) return null;
    // Both envelopes: {"error":{"type","message"}} and the bare {"error":"NOT_FOUND"}.
    const envelope = isRecord(body) ? body.error : undefined;
    const type =
      typeof envelope === 'string' ? envelope : isRecord(envelope) ? text(envelope.type) : undefined;
    if (type === undefined) return super._checkStatusForError(statusCode, body);
    const message = isRecord(envelope) ? (text(envelope.message) ?? '') : '';
    return new Airtable.Error(type, message, statusCode);
  }
}

/** One request through the package's `makeRequest`. */
export interface AirtableRequest {
  method: 'GET' | 'PATCH' | 'POST';
  /** Path below `/v0/{baseId}`, e.g. `/Jobs/recXXXX`. */
  path: string;
  qs?: Record<string, unknown>;
  body?: unknown;
  /** Sends it to the metadata API (`/v0/meta/bases/{baseId}…`) instead. */
  meta?: boolean;
}

/** Settings of {@link createAirtableClient}. */
export interface AirtableClientSettings {
  apiKey: string;
  baseId: string;
  endpointUrl: string;
  timeoutMs: number;
  pacer: BasePacer;
  rateLimitPauseMs: number;
  maxRateLimitWaitMs: number;
  maxRateLimitRetries: number;
}

/** Sends requests to one base: paced, time-limited, abortable, with failures as `ProviderError`s. */
export interface AirtableClient {
  /** Resolves the parsed JSON body of a 2xx answer. */
  request(
    request: AirtableRequest,
    context: ErrorContext,
    signal: AbortSignal | undefined,
  ): Promise<Record<string, unknown>>;
}

/**
 * Creates an {@link AirtableClient} on the official `airtable` package, with its built-in 429
 * retry off (it never stops and cannot tell the monthly quota from throttling) and a finite
 * request timeout. The package takes no `AbortSignal`: an aborted call rejects at once with the
 * signal's reason, and the request already sent ends by itself within `timeoutMs`.
 */
export function createAirtableClient(settings: AirtableClientSettings): AirtableClient {
  const airtable = new Airtable({
    apiKey: settings.apiKey,
    endpointUrl: settings.endpointUrl,
    requestTimeout: settings.timeoutMs,
    noRetryIfRateLimited: true,
  });
  const base = new TypedErrorBase(airtable, settings.baseId);
  // The package puts the base id right after /v0/; the metadata API lives at /v0/meta/bases/{id}.
  const metaBase = new TypedErrorBase(airtable, `meta/bases/${settings.baseId}`);

  async function send(request: AirtableRequest, context: ErrorContext, signal: AbortSignal | undefined) {
    const guard = createCallGuard(signal, settings.timeoutMs);
    try {
      const target = request.meta ? metaBase : base;
      const response = await guard.run(
        target.makeRequest({
          method: request.method,
          path: request.path,
          qs: request.qs ?? {},
          ...(request.body === undefined ? {} : { body: request.body }),
        }),
      );
      if (!isRecord(response.body)) {
        throw airtableProviderError(
          {
            type: 'UNEXPECTED_ERROR',
            message: 'the answer is not a JSON object',
            status: response.statusCode,
          },
          context,
        );
      }
      return response.body;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (ProviderError.isInstance(error)) throw error;
      if (guard.timedOut()) {
        throw airtableProviderError(
          { type: 'TIMEOUT', message: `no answer within ${settings.timeoutMs} ms`, status: undefined },
          context,
        );
      }
      throw readFailure(error);
    } finally {
      guard.dispose();
    }
  }

  return {
    async request(request, context, signal) {
      for (let attempt = 0; ; attempt += 1) {
        try {
          await settings.pacer.acquire({ signal, maxWaitMs: settings.maxRateLimitWaitMs });
        } catch (error) {
          if (!(error instanceof PausedError)) throw error;
          throw airtableProviderError(
            { type: 'TOO_MANY_REQUESTS', message: 'the base is paused after a 429', status: undefined },
            { ...context, rateLimitPauseMs: error.remainingMs },
          );
        }
        try {
          return await send(request, context, signal);
        } catch (error) {
          if (!isFailure(error)) throw error;
          const throttled = error.status === 429 && error.type !== 'PUBLIC_API_BILLING_LIMIT_EXCEEDED';
          if (throttled) {
            settings.pacer.pause(settings.rateLimitPauseMs);
            const canWait = settings.rateLimitPauseMs <= settings.maxRateLimitWaitMs;
            if (canWait && attempt < settings.maxRateLimitRetries) continue;
          }
          throw airtableProviderError(error, context);
        }
      }
    },
  };
}

function isFailure(value: unknown): value is AirtableFailure {
  return isRecord(value) && typeof value.type === 'string' && 'status' in value && !(value instanceof Error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
