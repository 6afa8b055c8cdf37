import { ProviderError, type ProviderErrorKind, retryAfterFromHeaders } from '@reelsmith/core';

/** The step of a fal call a request belongs to; it decides what a status means. */
export type FalStep = 'upload' | 'submit' | 'status' | 'result' | 'cancel' | 'download';

/** Where a failure happened. */
export interface FalFailureContext {
  provider: string;
  modelId: string;
  step: FalStep;
  /** The queue request id, once submitted. */
  requestId?: string | undefined;
  /** The start timeout the request was sent with, for the user-timeout message. */
  startTimeoutSeconds?: number | undefined;
}

/** One entry of fal's FastAPI-style `detail[]`. */
interface FalDetailEntry {
  loc?: unknown[];
  msg?: string;
  type?: string;
  categories?: string[];
}

/** What the provider was doing at each step, for messages ("while …"). */
export const falStepText: Readonly<Record<FalStep, string>> = {
  upload: 'uploading the product photo to fal storage',
  submit: 'submitting to the fal queue',
  status: 'polling the queue status',
  result: 'fetching the result',
  cancel: 'cancelling the queued request',
  download: 'downloading the output image',
};

/** Our input field behind a fal model field, for messages. */
const inputFields: Record<string, string> = {
  image_url: 'referenceImage',
  prompt: 'prompt',
  num_images: 'count',
  seed: 'seed',
  aspect_ratio: 'width/height',
  resolution_mode: 'width/height',
  image_size: 'width/height',
};

/** Parses a response body: JSON when it is JSON, else the text (cut at 2 000 characters). */
export function parseFalBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

/**
 * Classifies a non-2xx answer from fal (API, storage or CDN) into a `ProviderError`:
 * 401 → auth; 403 "User is locked … Exhausted balance" → billing (other 403 → auth);
 * 404 on submit → model_unavailable; 422 `detail[]` → invalid_input naming the field, or
 * content_policy for `content_policy_violation`; 429 → rate_limit with `Retry-After`;
 * 504 with `X-Fal-Request-Timeout-Type: user` → invalid_input (the caller's start timeout);
 * other 5xx → transient (500 with `X-Fal-Retryable: false` → unknown); a failed output
 * download → transient (a retry regenerates the image).
 */
export function falHttpError(
  context: FalFailureContext,
  answer: { status: number; headers: Headers; text: string },
): ProviderError {
  const { status, headers } = answer;
  const body = parseFalBody(answer.text);
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const entries = Array.isArray(record.detail) ? (record.detail as FalDetailEntry[]) : [];
  const detail = summarize(body, entries);
  const errorType =
    headers.get('x-fal-error-type') ??
    (typeof record.error_type === 'string' ? record.error_type : undefined);
  const retryableHeader = headers.get('x-fal-retryable');
  const where = `while ${falStepText[context.step]}`;
  const base = {
    provider: context.provider,
    status,
    body,
    requestId: headers.get('x-fal-request-id') ?? context.requestId,
  };
  const make = (kind: ProviderErrorKind, code: string, message: string, retryAfterMs?: number) =>
    new ProviderError({ ...base, kind, code, message, retryAfterMs });

  if (context.step === 'download') {
    const gone = status === 404 || status === 410 || status === 403;
    return make(
      'transient',
      gone ? 'output_expired' : `http_${status}`,
      `the output image URL answered ${status}${gone ? ' (expired or removed: fal keeps outputs for a limited time)' : ''}. ` +
        'Nothing was kept; a retry regenerates the image.',
    );
  }
  if (status === 401) {
    return make(
      'auth',
      errorType ?? 'unauthorized',
      `fal.ai rejected the API key (401: ${detail}) ${where}. Set FAL_KEY or the \`apiKey\` setting to a key from fal.ai/dashboard/keys.`,
    );
  }
  if (status === 402 || (status === 403 && /locked|balance|billing|top up/i.test(detail))) {
    return make(
      'billing',
      errorType ?? 'user_locked',
      `the fal.ai account is locked or out of funds (${status}: ${detail}). Top up at fal.ai/dashboard/billing; ` +
        'the lock can persist for a while after a top-up, so this is not retried.',
    );
  }
  if (status === 403) {
    return make(
      'auth',
      errorType ?? 'forbidden',
      `fal.ai refused the request (403: ${detail}) ${where}; check the key's permissions.`,
    );
  }
  if (status === 404) {
    if (context.step === 'submit') {
      return make(
        'model_unavailable',
        'model_not_found',
        `the model \`${context.modelId}\` was not found on fal (404: ${detail}): it is retired or misspelled. ` +
          'Pick a current model, e.g. `fal-ai/flux-pro/kontext`.',
      );
    }
    return make('unknown', 'not_found', `fal.ai answered 404 (${detail}) ${where}.`);
  }
  if (status === 429) {
    return make(
      'rate_limit',
      errorType ?? 'rate_limited',
      `fal.ai is throttling requests (429: ${detail}) ${where}.`,
      retryAfterFromHeaders(headers),
    );
  }
  if (status === 504 && headers.get('x-fal-request-timeout-type') === 'user') {
    const limit =
      context.startTimeoutSeconds === undefined
        ? ''
        : ` (startTimeoutSeconds = ${context.startTimeoutSeconds})`;
    return make(
      'invalid_input',
      'start_timeout',
      `fal did not start the request within your start timeout${limit}: 504, X-Fal-Request-Timeout-Type: user. ` +
        'Raise `startTimeoutSeconds` or leave it out; an unchanged retry would time out again.',
    );
  }
  if (status === 400 || status === 422) return validationError(make, entries, detail, retryableHeader, where);
  if (status === 500 && retryableHeader === 'false') {
    return make(
      'unknown',
      errorType ?? 'model_error',
      `the model failed (500: ${detail}) ${where}; fal says a retry will not help.`,
    );
  }
  if (status === 408 || status >= 500) {
    return make(
      'transient',
      errorType ?? `http_${status}`,
      `fal.ai answered ${status}${errorType ? ` ${errorType}` : ''} ${where}: ${detail}.`,
    );
  }
  return make(
    status >= 400 ? 'invalid_input' : 'unknown',
    errorType ?? `http_${status}`,
    `fal.ai answered ${status} ${where}: ${detail}.`,
  );
}

function validationError(
  make: (kind: ProviderErrorKind, code: string, message: string) => ProviderError,
  entries: FalDetailEntry[],
  detail: string,
  retryableHeader: string | null,
  where: string,
): ProviderError {
  const policy = entries.find((entry) => entry.type === 'content_policy_violation');
  if (policy) {
    const categories = policy.categories?.length ? ` (${policy.categories.join(', ')})` : '';
    return make(
      'content_policy',
      'content_policy_violation',
      `fal blocked the request for content policy${categories} on \`${fieldOf(policy) ?? 'input'}\`: ${policy.msg ?? detail}. ` +
        'Change the prompt or the reference photo.',
    );
  }
  const first = entries[0];
  const field = first ? fieldOf(first) : undefined;
  const ours = field ? inputFields[field] : undefined;
  const named = field ? `\`${field}\`${ours ? ` (input \`${ours}\`)` : ''}` : 'the input';
  const type = first?.type ?? 'validation_error';
  if (retryableHeader === 'true') {
    return make(
      'transient',
      type,
      `fal could not process ${named}: ${first?.msg ?? detail} (${type}) ${where}; fal says a retry can help.`,
    );
  }
  return make(
    'invalid_input',
    type,
    `fal rejected ${named}: ${first?.msg ?? detail} (${type}). Fix the input; resending it unchanged fails the same way.`,
  );
}

function fieldOf(entry: FalDetailEntry): string | undefined {
  const path = (entry.loc ?? []).filter((part) => part !== 'body').map(String);
  return path.length > 0 ? path.join('.') : undefined;
}

function summarize(body: unknown, entries: FalDetailEntry[]): string {
  if (typeof body === 'string') {
    const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1];
    const text = (title ?? body).replace(/\s+/g, ' ').trim();
    return text === '' ? 'empty body' : text.slice(0, 200);
  }
  const record = (body ?? {}) as Record<string, unknown>;
  if (typeof record.detail === 'string') return record.detail;
  if (entries.length > 0) return entries.map((entry) => entry.msg ?? entry.type ?? 'invalid').join('; ');
  if (typeof record.message === 'string') return record.message;
  return JSON.stringify(body).slice(0, 200);
}
