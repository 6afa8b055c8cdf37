import type { APIPromise } from 'openai';
import { type OpenAIErrorContext, toProviderError } from './openai-error.js';

/** A successful answer with the facts errors and logs need. */
export interface OpenAIAnswer<T> {
  data: T;
  status: number;
  requestId: string | undefined;
}

/**
 * Runs one SDK call and classifies any failure. The raw response is watched alongside, so a
 * 200 whose body cannot be used (unreadable JSON, a cut-off or refused answer) still reports
 * its status and `x-request-id`.
 */
export async function sendToOpenAI<T>(
  call: () => APIPromise<T>,
  context: Omit<OpenAIErrorContext, 'status' | 'requestId'>,
): Promise<OpenAIAnswer<T>> {
  let response: Promise<Response | undefined> = Promise.resolve(undefined);
  try {
    const promise = call();
    response = promise.asResponse().then(
      (raw) => raw,
      () => undefined,
    );
    const data = await promise;
    const raw = await response;
    return { data, status: raw?.status ?? 200, requestId: raw?.headers.get('x-request-id') ?? undefined };
  } catch (error) {
    const raw = await response;
    throw toProviderError(error, {
      ...context,
      status: raw?.status,
      requestId: raw?.headers.get('x-request-id') ?? undefined,
    });
  }
}
