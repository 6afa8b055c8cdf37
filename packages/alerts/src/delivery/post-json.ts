import { redactText } from '@reelsmith/core';

/** An HTTP answer, body read as text. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/** The outcome of one request: an answer, or a network failure (timeout, DNS, reset). */
export type PostOutcome = { answer: HttpAnswer } | { networkError: string };

/**
 * @internal POSTs `body` as JSON with a time limit. Never throws: a timeout or network failure
 * comes back as `networkError`, redacted (the URL is a secret).
 */
export async function postJson(
  url: string,
  body: unknown,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<PostOutcome> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { answer: { status: response.status, headers: response.headers, body: text } };
  } catch (error) {
    return { networkError: redactText(describeNetworkError(error, timeoutMs), [url]) };
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  const message = error instanceof Error ? error.message : String(error);
  return `network error: ${message}${code}`;
}
