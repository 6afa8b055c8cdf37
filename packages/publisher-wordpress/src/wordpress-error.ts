import { ProviderError, type ProviderErrorKind, retryAfterFromHeaders } from '@reelsmith/core';
import { htmlTitle, type ParsedBody } from './wordpress-response.js';

/** The REST collection a request addressed. */
export type WordPressResource = 'media' | 'posts' | 'categories' | 'tags' | 'users' | 'other';

/** An error answer, with what the request was doing. */
export interface WordPressFailure {
  status: number;
  body: ParsedBody;
  headers: Headers;
  /** `POST media`, `GET posts`, … (never a URL: URLs may carry secrets). */
  operation: string;
  resource: WordPressResource;
}

/** Facts the messages name. */
export interface ErrorContext {
  provider: string;
  siteUrl: string;
  username: string;
  restPrefix: string;
  maxUploadBytes: number;
  /** Size of the upload the request carried, when it was one. */
  uploadBytes?: number;
}

/** The WordPress error envelope `{ code, message, data: { status, params, details } }`. */
export interface WordPressErrorBody {
  code?: string;
  message?: string;
  params?: Record<string, string>;
  termId?: number;
}

const authorizationFix =
  'If Application Passwords are enabled, the web server is probably dropping the Authorization header: ' +
  'on Apache add `RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]` (or ' +
  '`SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=$1`) to .htaccess; behind nginx/PHP-FPM add ' +
  '`fastcgi_param HTTP_AUTHORIZATION $http_authorization;`; behind a proxy forward the header. ' +
  'Also check that no security plugin disables Application Passwords and that the legacy "Basic Auth" plugin is removed.';

const capabilities: Record<string, string> = {
  media: 'upload files (`upload_files`: Author or above)',
  posts: 'create posts (`edit_posts`; `publish_posts` to publish: Author or above)',
  categories: 'create categories (`manage_categories`: Editor or above)',
  tags: 'create tags (the post_tag capability of the role)',
  users: 'read its own profile',
  other: 'do this',
};

/** Reads the WordPress error envelope from a parsed body (any other shape gives an empty object). */
export function readErrorBody(body: ParsedBody): WordPressErrorBody {
  const json = body.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const data = (typeof record.data === 'object' && record.data !== null ? record.data : {}) as Record<
    string,
    unknown
  >;
  const out: WordPressErrorBody = {};
  if (typeof record.code === 'string') out.code = record.code;
  if (typeof record.message === 'string') out.message = plain(record.message);
  if (typeof data.params === 'object' && data.params !== null) {
    out.params = Object.fromEntries(
      Object.entries(data.params as Record<string, unknown>).map(([key, value]) => [
        key,
        plain(String(value)),
      ]),
    );
  } else if (Array.isArray(data.params)) {
    out.params = Object.fromEntries((data.params as unknown[]).map((name) => [String(name), 'missing']));
  }
  if (typeof data.term_id === 'number') out.termId = data.term_id;
  return out;
}

/** Maps a WordPress error answer to a `ProviderError` whose message names the cause and the fix. */
export function wordpressError(failure: WordPressFailure, context: ErrorContext): ProviderError {
  const error = readErrorBody(failure.body);
  const { kind, message, retryAfterMs } = classify(failure, error, context);
  return new ProviderError({
    kind,
    provider: context.provider,
    status: failure.status,
    code: error.code ?? (failure.body.format === 'html' ? 'html_response' : undefined),
    message,
    retryAfterMs,
    body: failure.body.json ?? failure.body.text,
  });
}

interface Classified {
  kind: ProviderErrorKind;
  message: string;
  retryAfterMs?: number;
}

function classify(failure: WordPressFailure, error: WordPressErrorBody, context: ErrorContext): Classified {
  const { status, operation, resource } = failure;
  const code = error.code ?? '';
  const tag = `${operation} → ${status}${code ? ` ${code}` : ''}`;
  const said = error.message ? `: ${error.message}` : '';
  const retryAfterMs = retryAfterFromHeaders(failure.headers);
  const html = failure.body.format === 'html' ? htmlTitle(failure.body.text) : undefined;
  const page = failure.body.format === 'html' ? ` (an HTML page${html ? ` "${html}"` : ''}, not JSON)` : '';
  switch (code) {
    case 'incorrect_password':
      return auth(
        `${tag}: WordPress rejected the Application Password for "${context.username}". Create a new one under ` +
          'Users › Profile › Application Passwords (it may have been revoked); the login password does not work here.',
      );
    case 'invalid_username':
    case 'invalid_email':
      return auth(
        `${tag}: "${context.username}" is not a WordPress login on ${context.siteUrl}. Use the login name ` +
          '(Users › Profile › Username), not the label of the Application Password.',
      );
    case 'application_passwords_disabled':
    case 'application_passwords_disabled_for_user':
      return auth(
        `${tag}: Application Passwords are turned off for ${code.endsWith('user') ? 'this user' : 'this site'}${said}. ` +
          'They need HTTPS, and a security plugin (Wordfence, Solid Security, "Disable REST API") or a ' +
          '`wp_is_application_passwords_available` filter may disable them: re-enable them.',
      );
    case 'rest_not_logged_in':
      return auth(`${tag}: WordPress saw no credentials${said}. ${authorizationFix}`);
    case 'rest_invalid_param':
    case 'rest_missing_callback_param': {
      const params = Object.entries(error.params ?? {})
        .map(([name, problem]) => `\`${name}\` (${problem})`)
        .join(', ');
      return {
        kind: 'invalid_input',
        message: `${tag}: WordPress rejected ${params || 'the request parameters'}. ${paramFix(error.params)}`,
      };
    }
    case 'rest_upload_no_data':
    case 'rest_upload_no_content_type':
    case 'rest_upload_no_content_disposition':
    case 'rest_upload_invalid_disposition':
      return {
        kind: 'invalid_input',
        message:
          `${tag}${said}. The upload reached WordPress without its body or its Content-Type/Content-Disposition ` +
          'headers: a proxy that strips headers or a chunked body the host cannot read. This is a bug to report ' +
          'if no proxy is involved.',
      };
    case 'rest_upload_file_too_big':
      return { kind: 'invalid_input', message: `${tag}${said}. ${tooBigFix(context)}` };
    case 'rest_upload_user_quota_exceeded':
    case 'rest_upload_limited_space':
      return {
        kind: 'quota',
        message: `${tag}${said}. The site's storage quota (multisite) is used up: delete media or raise the quota in Network Admin.`,
      };
    case 'rest_upload_sideload_error':
      return {
        kind: 'invalid_input',
        message:
          `${tag}${said}. WordPress refused the file type: allow it with the \`upload_mimes\` filter (video/mp4 is ` +
          'allowed by default; a security plugin may remove it), or give the user `unfiltered_upload`.',
      };
    case 'rest_upload_unknown_error':
    case 'rest_upload_file_error':
      return {
        kind: 'invalid_input',
        message:
          `${tag}${said}. WordPress could not save the upload: check that wp-content/uploads is writable, the ` +
          "disk is not full and PHP's upload_tmp_dir exists.",
      };
    case 'rest_upload_hash_mismatch':
      return {
        kind: 'transient',
        message: `${tag}${said}. The upload was damaged on the way; it is sent again.`,
      };
    case 'rest_no_route':
      return {
        kind: 'invalid_input',
        message:
          `${tag}: ${context.siteUrl} has no REST route here. The REST API may be disabled by a plugin, or the prefix ` +
          `"${context.restPrefix}" is wrong: sites with plain permalinks need \`restPrefix: '?rest_route='\`.`,
      };
    case 'rest_post_invalid_id':
      return { kind: 'invalid_input', message: `${tag}: the post or media item no longer exists${said}.` };
  }
  if (status === 401) {
    return auth(`${tag}${page}${said}: WordPress treated the request as anonymous. ${authorizationFix}`);
  }
  if (status === 403) {
    if (failure.body.format !== 'json') {
      return auth(
        `${tag}${page}: a security plugin or firewall (Wordfence, Solid Security, ModSecurity, Cloudflare WAF) ` +
          `blocked the REST request. Allow ${context.restPrefix} for this client's IP or user agent.`,
      );
    }
    return auth(
      `${tag}${said}. The user "${context.username}" is logged in but its role cannot ${capabilities[resource]}: ` +
        'give it a role that can, or use another account.',
    );
  }
  if (status === 413) return { kind: 'invalid_input', message: `${tag}${page}: ${tooBigFix(context)}` };
  if (status === 402) return { kind: 'billing', message: `${tag}${page}${said}: the host asks for payment.` };
  if (status === 429)
    return { kind: 'rate_limit', retryAfterMs, message: `${tag}${page}: the host is throttling requests.` };
  if (status === 404) {
    return {
      kind: 'invalid_input',
      message: `${tag}${page}${said}: nothing answers at ${context.restPrefix} on ${context.siteUrl}; check \`siteUrl\` and \`restPrefix\`.`,
    };
  }
  if (status === 408 || status >= 500) {
    return {
      kind: 'transient',
      retryAfterMs,
      message: `${tag}${page}${said}: the site or its host failed; try again later.`,
    };
  }
  if (status >= 400 && status < 500) return { kind: 'invalid_input', message: `${tag}${page}${said}` };
  return { kind: 'unknown', message: `${tag}${page}${said}` };
}

function auth(message: string): Classified {
  return { kind: 'auth', message };
}

function tooBigFix(context: ErrorContext): string {
  const size =
    context.uploadBytes === undefined ? 'The file' : `The ${formatBytes(context.uploadBytes)} file`;
  return (
    `${size} exceeds the server's upload limit. Raise \`upload_max_filesize\` and \`post_max_size\` (php.ini), ` +
    '`client_max_body_size` (nginx) or `LimitRequestBody` (Apache) — or ask the host — then set `maxUploadBytes` ' +
    'to the new limit; or publish a smaller video.'
  );
}

function paramFix(params: Record<string, string> | undefined): string {
  const names = Object.keys(params ?? {});
  if (names.some((name) => name === 'tags' || name === 'categories')) {
    return 'Tags and categories must be numeric ids; check that the names resolved (a plugin may change the term endpoints).';
  }
  if (names.includes('status')) return 'Use one of the statuses the site offers (`status` option).';
  if (names.includes('author')) return 'Set `author` to an existing user id the account may publish as.';
  if (names.includes('date')) return 'Return a valid future date from `scheduleAt`.';
  return 'Fix the named fields (the draft or the publisher options).';
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}

function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
