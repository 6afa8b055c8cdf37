/**
 * Secret redaction. Every error message, event payload and checkpoint passes through these
 * functions, so a key that reached Reelsmith's config never reaches a log.
 *
 * Two layers: values registered with {@link registerSecret} (provider factories and
 * `definePipeline({ secrets })` register theirs) are replaced wherever they appear, and
 * well-known secret shapes (bearer tokens, `api_key=` query parameters, webhook URLs, keys
 * under names like `apiKey` or `authorization`) are replaced even when never registered.
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

const registered = new Set<string>();
const MIN_SECRET_LENGTH = 6;

/**
 * Registers values that must never appear in an error, event, log or checkpoint.
 * Plugin factories call it with their API keys and tokens. Values shorter than 6 characters
 * are ignored (they would redact ordinary words).
 */
export function registerSecret(...values: ReadonlyArray<string | undefined | null>): void {
  for (const value of values) {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) registered.add(value);
  }
}

/** @internal For tests: forgets registered secrets. */
export function clearRegisteredSecrets(): void {
  registered.clear();
}

const textPatterns: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|Basic|Key|Token)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [
    /([?&](?:api_key|apikey|key|access_token|token|client_secret|refresh_token|password|sig|signature)=)[^&\s"'#]+/gi,
    `$1${REDACTED}`,
  ],
  [/\bsk-[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, REDACTED],
  [/\bxox[abposr]-[0-9A-Za-z-]{10,}/g, REDACTED],
  [/\bpat[A-Za-z0-9]{10,}\.[A-Za-z0-9]{20,}/g, REDACTED],
  [/(hooks\.slack\.com\/services\/)[^\s"']+/g, `$1${REDACTED}`],
  [/(discord(?:app)?\.com\/api\/webhooks\/\d+\/)[^\s"'/?]+/g, `$1${REDACTED}`],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, REDACTED],
];

const secretKeyName =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|xi-api-key|x-goog-api-key|api-key|apikey|api_key|access_?token|refresh_?token|id_?token|client_?secret|secret|password|passwd|private_?key|token)$/i;

/** Replaces registered secrets and well-known secret shapes in a string. */
export function redactText(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...registered, ...extraSecrets]) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of textPatterns) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Returns a deep copy of `value` with secrets redacted: strings are passed through
 * {@link redactText}, and values under secret-looking keys (`apiKey`, `authorization`, …)
 * are replaced whole. Binary data, functions and cycles are left out safely.
 */
export function redactValue<T>(value: T, extraSecrets: readonly string[] = []): T {
  return redactInner(value, extraSecrets, new WeakSet()) as T;
}

function redactInner(value: unknown, extra: readonly string[], seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value, extra);
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactInner(item, extra, seen));
  if (value instanceof Date) return value;
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, extra) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      secretKeyName.test(key) && inner != null && inner !== '' ? REDACTED : redactInner(inner, extra, seen);
  }
  return out;
}

/** True when `text` contains a registered secret or one of `extraSecrets`. Useful in tests. */
export function containsSecret(text: string, extraSecrets: readonly string[] = []): boolean {
  return [...registered, ...extraSecrets].some(
    (secret) => secret.length >= MIN_SECRET_LENGTH && text.includes(secret),
  );
}
