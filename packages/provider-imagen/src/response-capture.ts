/** The status and headers of the last HTTP answer a call received. */
export interface CapturedResponse {
  status: number;
  headers: Headers;
}

/** A `fetch` that remembers the last answer, so errors can read `Retry-After` and the status. */
export interface CapturingFetch {
  fetch: typeof globalThis.fetch;
  last(): CapturedResponse | undefined;
}

/**
 * Wraps `base` (default: the global `fetch`, looked up at each request so test interceptors apply).
 * The SDK's `ApiError` keeps only the status and body; this keeps the headers as well.
 */
export function capturingFetch(base?: typeof globalThis.fetch): CapturingFetch {
  let captured: CapturedResponse | undefined;
  const wrapped: typeof globalThis.fetch = async (input, init) => {
    const response = await (base ?? globalThis.fetch)(input, init);
    captured = { status: response.status, headers: response.headers };
    return response;
  };
  return { fetch: wrapped, last: () => captured };
}
