import { HttpResponse, type HttpResponseResolver } from 'msw';

// The failure answers of a WordPress site, as WordPress core, PHP, hosts and security plugins
// send them (bodies from WP_REST_* controllers and API-CONTRACTS.md §8.4 / §13.8).

/** A WordPress REST error envelope. */
export function wpError(
  status: number,
  code: string,
  message: string,
  data: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () => HttpResponse.json({ code, message, data: { status, ...data } }, { status, headers });
}

/** An HTML page (a proxy, PHP, a firewall), with `Content-Type: text/html`. */
export function htmlPage(
  status: number,
  title: string,
  body = '',
  headers: Record<string, string> = {},
): HttpResponseResolver {
  const html = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>\n`;
  return () =>
    new HttpResponse(html, { status, headers: { 'content-type': 'text/html; charset=UTF-8', ...headers } });
}

/** Failure answers, one per row of API-CONTRACTS §13.8 and the related codes. */
export const wordpressFaults = {
  /** W1: the Authorization header never reached PHP. */
  notLoggedIn: () => wpError(401, 'rest_not_logged_in', 'You are not currently logged in.'),
  /** 401 `rest_cannot_create`: an anonymous create (header stripped by the web server). */
  anonymousCreate: () =>
    wpError(401, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.'),
  /** W2: wrong or revoked Application Password. */
  incorrectPassword: () =>
    wpError(401, 'incorrect_password', 'The provided password is an invalid application password.'),
  /** Unknown login name. */
  invalidUsername: () =>
    wpError(401, 'invalid_username', 'Unknown username. Check again or try your email address.'),
  /** Application Passwords turned off by a plugin or filter. */
  applicationPasswordsDisabled: () =>
    wpError(401, 'application_passwords_disabled', 'Application passwords are not available.'),
  /** W3: the role cannot create posts. */
  cannotCreatePost: () =>
    wpError(403, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.'),
  /** 403 on `POST /media`: the role lacks `upload_files`. */
  cannotUpload: () =>
    wpError(403, 'rest_cannot_create', 'Sorry, you are not allowed to upload media on this site.'),
  /** 403 on `POST /categories`: the role lacks `manage_categories`. */
  cannotCreateTerm: () =>
    wpError(403, 'rest_cannot_create', 'Sorry, you are not allowed to create terms in this taxonomy.'),
  /** W4: bad parameters, with the `params` map. */
  invalidParam: (params: Record<string, string> = { tags: 'tags[0] is not of type integer.' }) =>
    wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(params).join(', ')}`, { params }),
  /** W5: a tag or category that exists already. */
  termExists: (termId = 34) =>
    wpError(400, 'term_exists', 'A term with the name provided already exists in this taxonomy.', {
      term_id: termId,
    }),
  /** W6: a raw upload without `Content-Disposition`. */
  noContentDisposition: () =>
    wpError(400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.'),
  /** W7: a file type the site does not allow. */
  sideloadError: () =>
    wpError(500, 'rest_upload_sideload_error', 'Sorry, you are not allowed to upload this file type.'),
  /** Multisite per-site upload limit. */
  fileTooBig: (kb = 1500) =>
    wpError(
      400,
      'rest_upload_file_too_big',
      `This file is too big. Files must be less than ${kb} KB in size.`,
    ),
  /** W8: nginx refusing a body over `client_max_body_size`. */
  payloadTooLarge: () =>
    htmlPage(413, '413 Request Entity Too Large', '<hr><center>nginx</center>', { server: 'nginx' }),
  /** WordPress could not write the file. */
  uploadUnknownError: () =>
    wpError(
      500,
      'rest_upload_unknown_error',
      'The uploaded file could not be moved to wp-content/uploads/2026/11.',
    ),
  /** W9: REST disabled or a wrong prefix. */
  noRoute: () => wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.'),
  /** W10: a security or maintenance plugin answering REST requests with a page. */
  securityPluginPage: (status = 200) =>
    htmlPage(
      status,
      'Access denied | Wordfence',
      '<p>Your access to this site has been limited by the site owner.</p>',
    ),
  /** A WAF block page (403, HTML). */
  firewallBlock: () =>
    htmlPage(403, '403 Forbidden', '<p>Request blocked by ModSecurity. Reference #18.3f2e1b2c</p>'),
  /** W11: a proxy in front of a failing PHP. */
  badGateway: () => htmlPage(502, '502 Bad Gateway', '<hr><center>nginx</center>', { server: 'nginx' }),
  /** WordPress in maintenance mode (during updates). */
  maintenance: () =>
    htmlPage(
      503,
      'Maintenance',
      '<p>Briefly unavailable for scheduled maintenance. Check back in a minute.</p>',
      {
        'retry-after': '600',
      },
    ),
  /** A PHP fatal error caught by WordPress' recovery mode (JSON for REST requests). */
  criticalError: () =>
    wpError(
      500,
      'internal_server_error',
      '<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>',
      {},
      {},
    ),
  /** A host rate limit (nginx `limit_req`), with `Retry-After` in seconds. */
  throttled: (seconds = 7) => htmlPage(429, '429 Too Many Requests', '', { 'retry-after': String(seconds) }),
  /** A 200 JSON answer cut off mid-document. */
  truncatedJson: () => () =>
    new HttpResponse('[{"id":812,"date":"2026-11-24T10:00:00","slug":"rsm-', {
      status: 200,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    }),
} as const;

/** Prefixes a JSON answer with what PHP prints when `display_errors` is on, plus a BOM. */
export function withPhpNotice(json: unknown, status = 200): HttpResponseResolver {
  const notice =
    '\uFEFF<br />\n<b>Deprecated</b>:  Creation of dynamic property Legacy_SEO::$cache is deprecated in <b>/var/www/html/wp-content/plugins/legacy-seo/seo.php</b> on line <b>42</b><br />\n';
  return () =>
    new HttpResponse(notice + JSON.stringify(json), {
      status,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
}
