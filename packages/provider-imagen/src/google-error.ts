/** One violation of a `google.rpc.QuotaFailure` detail. */
export interface QuotaViolation {
  quotaMetric?: string;
  quotaId?: string;
  quotaValue?: string;
  quotaDimensions?: Record<string, string>;
  subject?: string;
  description?: string;
}

/** An entry of the envelope's `details` (`ErrorInfo`, `QuotaFailure`, `RetryInfo`, `BadRequest`, `Help`). */
export interface GoogleErrorDetail {
  '@type'?: string;
  reason?: string;
  domain?: string;
  metadata?: Record<string, string>;
  violations?: QuotaViolation[];
  retryDelay?: string;
  fieldViolations?: { field?: string; description?: string }[];
}

/** Google's JSON error envelope: `{"error":{"code","message","status","details"}}`. */
export interface GoogleError {
  code?: number;
  message?: string;
  status?: string;
  details?: GoogleErrorDetail[];
  /** The older `errors[]` list some Vertex answers still carry (`reason: rateLimitExceeded`). */
  errors?: { reason?: string; message?: string; domain?: string }[];
}

/** The body of a failed answer: the parsed JSON (or text), and the envelope when there is one. */
export interface ParsedErrorBody {
  body: unknown;
  error: GoogleError | undefined;
}

/**
 * Parses the text `@google/genai` puts in an `ApiError` message (the answer's JSON body, or the
 * SDK's `{"error":{"message":"<text>"}}` wrapper around a non-JSON body). Vertex AI sometimes wraps
 * the envelope in an array.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    return { body, error: undefined };
  }
  const first = Array.isArray(body) ? body[0] : body;
  const error = isObject(first) && isObject(first.error) ? (first.error as GoogleError) : undefined;
  return { body, error };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function detailsOfType(error: GoogleError | undefined, type: string): GoogleErrorDetail[] {
  return (error?.details ?? []).filter(
    (detail) => isObject(detail) && typeof detail['@type'] === 'string' && detail['@type'].endsWith(type),
  );
}

/** Every `ErrorInfo.reason` and legacy `errors[].reason` (`BILLING_DISABLED`, `API_KEY_INVALID`, …). */
export function errorReasons(error: GoogleError | undefined): string[] {
  const reasons = detailsOfType(error, 'google.rpc.ErrorInfo').map((detail) => detail.reason);
  for (const entry of error?.errors ?? []) reasons.push(entry?.reason);
  return reasons.filter((reason): reason is string => typeof reason === 'string' && reason !== '');
}

/** The violations of every `google.rpc.QuotaFailure` detail. */
export function quotaViolations(error: GoogleError | undefined): QuotaViolation[] {
  return detailsOfType(error, 'google.rpc.QuotaFailure').flatMap((detail) =>
    Array.isArray(detail.violations) ? detail.violations.filter(isObject) : [],
  );
}

/** The first `google.rpc.BadRequest` field violation's field, e.g. `parameters.sample_count`. */
export function badRequestField(error: GoogleError | undefined): string | undefined {
  for (const detail of detailsOfType(error, 'google.rpc.BadRequest')) {
    const field = detail.fieldViolations?.find((violation) => typeof violation?.field === 'string')?.field;
    if (field) return field;
  }
  return undefined;
}

/**
 * The delay the service asked for: `google.rpc.RetryInfo.retryDelay` (`"7s"`, `"0.5s"`), else a
 * "Please retry in 13.5s" sentence in the message. In milliseconds.
 */
export function retryDelayMs(error: GoogleError | undefined): number | undefined {
  for (const detail of detailsOfType(error, 'google.rpc.RetryInfo')) {
    const match = /^(\d+(?:\.\d+)?)s$/.exec(String(detail.retryDelay ?? '').trim());
    if (match) return Math.round(Number(match[1]) * 1000);
  }
  const sentence = /retry in (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(error?.message ?? '');
  if (!sentence) return undefined;
  const value = Number(sentence[1]);
  return Math.round(sentence[2]!.toLowerCase() === 'ms' ? value : value * 1000);
}
