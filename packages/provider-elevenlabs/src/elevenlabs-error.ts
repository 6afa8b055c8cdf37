import {
  type HeaderLookup,
  ProviderError,
  type ProviderErrorKind,
  retryAfterFromHeaders,
} from '@reelsmith/core';

/** What an ElevenLabs error body says, read defensively from each shape it comes in. */
export interface ElevenLabsErrorDetail {
  /** `detail.status` (or the newer `detail.code` / `detail.type`), e.g. `quota_exceeded`. */
  code?: string;
  message?: string;
  /** Fields named by a 422 `detail[].loc`, as option names (`modelId`), with the wire name. */
  fields: Array<{ option: string; wire: string }>;
}

/** The request an error answered, for messages that name what to change. */
export interface ErrorContext {
  provider: string;
  voiceId: string;
  modelId: string;
  outputFormat: string;
  /** Wait suggested after `too_many_concurrent_requests` when the answer has no `Retry-After`. */
  concurrencyRetryAfterMs: number;
}

/** An HTTP error answer. */
export interface HttpFailure {
  status: number;
  body: unknown;
  headers?: HeaderLookup;
}

/**
 * Reads an error body in any of its shapes: `{ detail: { status, message } }`,
 * `{ detail: { code | type, message } }`, `{ detail: "text" }`, FastAPI's 422
 * `{ detail: [{ loc, msg, type }] }`, and the generic `{ error: { code, message } }`.
 */
export function parseErrorDetail(body: unknown): ElevenLabsErrorDetail {
  const detail: ElevenLabsErrorDetail = { fields: [] };
  if (typeof body === 'string') {
    if (!/^\s*</.test(body) && body.trim() !== '') detail.message = body.trim().slice(0, 300);
    return detail;
  }
  if (!isRecord(body)) return detail;
  const inner = body.detail ?? body.error ?? body;
  if (typeof inner === 'string') {
    detail.message = inner;
  } else if (Array.isArray(inner)) {
    for (const item of inner) {
      if (!isRecord(item)) continue;
      detail.message ??= text(item.msg);
      detail.code ??= text(item.type);
      const wire = Array.isArray(item.loc) ? fieldPath(item.loc) : undefined;
      if (wire) detail.fields.push({ wire, option: camelize(wire) });
    }
  } else if (isRecord(inner)) {
    detail.code = text(inner.status) ?? text(inner.code) ?? text(inner.type);
    detail.message = text(inner.message) ?? text(inner.msg);
    const param = text(inner.param);
    if (param) detail.fields.push({ wire: param, option: camelize(param) });
  }
  return detail;
}

/** Maps an ElevenLabs error answer to a `ProviderError` (see the README's error table). */
export function providerErrorFromResponse(failure: HttpFailure, context: ErrorContext): ProviderError {
  const detail = parseErrorDetail(failure.body);
  const { kind, message, retryAfterMs } = classify(failure, detail, context);
  const headers = failure.headers;
  return new ProviderError({
    kind,
    provider: context.provider,
    status: failure.status,
    message,
    retryAfterMs,
    code: detail.code,
    requestId: headers?.get('request-id') ?? headers?.get('x-request-id') ?? undefined,
    body: typeof failure.body === 'string' ? failure.body.slice(0, 2000) : failure.body,
  });
}

/** "A model with model ID eleven_monolingual_v2 does not exist", "model … not found / deprecated". */
const retiredModel = /\bmodel\b.*\b(does not exist|not found|deprecated|retired|no longer)/i;

interface Classified {
  kind: ProviderErrorKind;
  message: string;
  retryAfterMs?: number;
}

function classify(failure: HttpFailure, detail: ElevenLabsErrorDetail, context: ErrorContext): Classified {
  const { status } = failure;
  const code = detail.code ?? '';
  const said = detail.message ? `: ${detail.message}` : '';
  const tag = code ? ` (${status} ${code})` : ` (${status})`;
  const retryAfterMs = failure.headers ? retryAfterFromHeaders(failure.headers) : undefined;
  switch (code) {
    case 'quota_exceeded':
      return {
        kind: 'quota',
        message:
          `ElevenLabs credits are used up${tag}${said}. The API key is valid: do not rotate it. ` +
          'Top up credits or wait for the monthly reset (elevenlabs.io/app/subscription).',
      };
    case 'invalid_api_key':
      return {
        kind: 'auth',
        message:
          `ElevenLabs rejected the API key${tag}. Set a valid key in ELEVENLABS_API_KEY or ` +
          'createElevenLabs({ apiKey }); create one at elevenlabs.io/app/settings/api-keys.',
      };
    case 'missing_permissions': {
      const permission = /permission\s+["'`]?([\w.-]+)/i.exec(detail.message ?? '')?.[1] ?? 'text_to_speech';
      return {
        kind: 'auth',
        message:
          `the API key lacks the "${permission}" permission${tag}. Configuration fix: allow ` +
          `"${permission}" (Text to Speech) for this key at elevenlabs.io/app/settings/api-keys, ` +
          'or use a key without endpoint restrictions.',
      };
    }
    case 'detected_unusual_activity':
      return {
        kind: 'billing',
        message:
          `ElevenLabs blocked free-tier use of this account${tag}${said}. ` +
          'Use a paid plan (and no VPN or proxy), or contact ElevenLabs support.',
      };
    case 'voice_not_found':
      return {
        kind: 'model_unavailable',
        message:
          `voice "${context.voiceId}" was not found${tag}. Set \`voiceId\` (the voice() option, ` +
          '`VoiceInput.voice` or `defaultVoiceId`) to a voice of your account, listed by GET /v1/voices.',
      };
    case 'max_character_limit_exceeded':
      return {
        kind: 'invalid_input',
        message:
          `\`text\` is longer than model "${context.modelId}" takes in one request${tag}${said}. ` +
          'Lower `models.' +
          `${context.modelId}.maxCharacters\` in createElevenLabs() so scripts are split smaller.`,
      };
    case 'output_format_not_allowed':
    case 'subscription_required':
      return {
        kind: 'invalid_input',
        message:
          `\`outputFormat\` "${context.outputFormat}" is not included in your plan${tag}${said}. ` +
          'Use `pcm_24000` (every plan) or upgrade the plan.',
      };
    case 'too_many_concurrent_requests':
      return {
        kind: 'rate_limit',
        retryAfterMs: retryAfterMs ?? context.concurrencyRetryAfterMs,
        message:
          `more ElevenLabs requests are in flight than your plan allows${tag}. Cap them with the ` +
          `runtime's \`limits['${context.provider}'] = { concurrency: N }\`.`,
      };
    case 'system_busy':
      return { kind: 'rate_limit', retryAfterMs, message: `ElevenLabs is overloaded${tag}; retry later.` };
  }
  if (/model/i.test(code) || retiredModel.test(detail.message ?? '')) {
    return {
      kind: 'model_unavailable',
      message: `model "${context.modelId}" is not available${tag}${said}. Choose a current model id.`,
    };
  }
  return byStatus(status, detail, tag, said, retryAfterMs, context);
}

function byStatus(
  status: number,
  detail: ElevenLabsErrorDetail,
  tag: string,
  said: string,
  retryAfterMs: number | undefined,
  context: ErrorContext,
): Classified {
  if (status === 429) return { kind: 'rate_limit', retryAfterMs, message: `ElevenLabs is throttling${tag}.` };
  if (status === 401 || status === 403) {
    return { kind: 'auth', message: `ElevenLabs refused the request${tag}${said}. Check the API key.` };
  }
  if (status === 402) return { kind: 'billing', message: `ElevenLabs asks for payment${tag}${said}.` };
  if (status === 404) {
    return {
      kind: 'model_unavailable',
      message: `ElevenLabs does not know voice "${context.voiceId}" or model "${context.modelId}"${tag}${said}.`,
    };
  }
  if (status === 400 || status === 422) {
    const fields = detail.fields.map((field) =>
      field.option === field.wire ? `\`${field.option}\`` : `\`${field.option}\` (${field.wire})`,
    );
    const named = fields.length > 0 ? `${fields.join(', ')} rejected` : 'request rejected';
    return { kind: 'invalid_input', message: `${named}${tag}${said}` };
  }
  if (status === 408 || status === 425 || status >= 500) {
    return { kind: 'transient', message: `ElevenLabs failed${tag}${said}` };
  }
  return { kind: 'unknown', message: `ElevenLabs answered${tag}${said}` };
}

function fieldPath(loc: unknown[]): string | undefined {
  const parts = loc.filter((part) => typeof part === 'string' || typeof part === 'number').map(String);
  if (['body', 'query', 'path', 'header'].includes(parts[0] ?? '')) parts.shift();
  return parts.length > 0 ? parts.join('.') : undefined;
}

function camelize(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
