import { parseConfig, type RetrySettings, registerSecret } from '@reelsmith/core';
import { z } from 'zod';
import { driveDefaults } from './drive-defaults.js';

/**
 * The Google auth client the store signs requests with: a `google-auth-library` `OAuth2Client`
 * (what `@reelsmith/auth` hands out), a service-account `JWT`, `GoogleAuth`, or anything else with
 * `getRequestHeaders()`. Tokens are refreshed by the client; the store never sees a refresh token.
 */
export interface DriveAuthClient {
  /** Headers for one request, `Authorization: Bearer …` among them (refreshing the token when due). */
  getRequestHeaders(url?: string): Promise<Headers | Record<string, string | string[] | undefined>>;
  /** Forces a new access token. Called at most once per request, after a 401. Optional. */
  refreshAccessToken?(): Promise<unknown>;
}

/** Who may open a file's link returned by `publicUrl`. */
export type DriveShare = 'none' | 'anyone-with-link' | { domain: string };

/** How `delete` removes a file. */
export type DriveDeleteMode = 'trash' | 'permanent';

/** Options of {@link createDriveMediaStore}. */
export interface DriveMediaStoreOptions {
  /** The Google auth client (OAuth2Client, JWT, GoogleAuth). Scope `drive.file` is enough. */
  auth: DriveAuthClient;
  /** The Drive folder that holds the media: the id in `drive.google.com/drive/folders/<id>`. */
  folderId: string;
  /** The store id written into every `MediaRef`. Default `gdrive:<folderId>`. */
  id?: string;
  /**
   * Sharing `publicUrl(ref)` grants before it returns the file's link: `'none'` (default;
   * `publicUrl` returns `undefined`), `'anyone-with-link'` or `{ domain: 'example.com' }`.
   */
  share?: DriveShare;
  /** Set when `folderId` is in a shared drive (sends `supportsAllDrives=true`). Default false. */
  supportsAllDrives?: boolean;
  /** Bytes per resumable chunk: a multiple of 256 KiB. Default 8 MiB. */
  chunkSize?: number;
  /** Files up to this size are sent in one multipart request; larger ones resumably. Default 5 MiB. */
  multipartMaxBytes?: number;
  /** `'trash'` (default; recoverable for 30 days, allowed to shared-drive contributors) or `'permanent'`. */
  deleteMode?: DriveDeleteMode;
  /** Time limit of one HTTP request (one chunk, one download), in ms. Default 120 000. */
  timeoutMs?: number;
  /** Retries of steps that are safe to repeat (reads, resumable chunks, verified creates). Default: 3 retries, 1 s base. */
  retry?: RetrySettings;
  /** API root. Default `https://www.googleapis.com/`; point it at a fake service in tests. */
  rootUrl?: string;
  /** The fetch used for Drive requests. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedDriveOptions {
  auth: DriveAuthClient;
  folderId: string;
  id: string;
  share: DriveShare;
  supportsAllDrives: boolean;
  chunkSize: number;
  multipartMaxBytes: number;
  deleteMode: DriveDeleteMode;
  timeoutMs: number;
  retry: RetrySettings;
  rootUrl: string;
  fetch: typeof fetch | undefined;
}

const granularity = driveDefaults.chunkGranularityBytes;

const schema = z.strictObject({
  auth: z.custom<DriveAuthClient>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as DriveAuthClient).getRequestHeaders === 'function',
    'expected a Google auth client with getRequestHeaders()',
  ),
  folderId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{5,200}$/, 'expected a Drive folder id (letters, digits, - and _)'),
  id: z.string().min(1).optional(),
  share: z
    .union([
      z.enum(['none', 'anyone-with-link']),
      z.strictObject({ domain: z.string().regex(/^[^\s/@]+\.[^\s/@]+$/) }),
    ])
    .default('none'),
  supportsAllDrives: z.boolean().default(false),
  chunkSize: z
    .number()
    .int()
    .min(granularity)
    .refine((value) => value % granularity === 0, `expected a multiple of ${granularity} (256 KiB)`)
    .default(driveDefaults.chunkBytes),
  multipartMaxBytes: z.number().int().min(0).default(driveDefaults.multipartMaxBytes),
  deleteMode: z.enum(['trash', 'permanent']).default('trash'),
  timeoutMs: z.number().int().min(1).max(3_600_000).default(driveDefaults.timeoutMs),
  retry: z
    .strictObject({
      retries: z.number().int().min(0).max(10).optional(),
      baseDelayMs: z.number().min(0).optional(),
      maxDelayMs: z.number().min(0).optional(),
      maxRetryAfterMs: z.number().min(0).optional(),
    })
    .default({}),
  rootUrl: z.url({ protocol: /^https?$/ }).default(driveDefaults.rootUrl),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
});

/** Fixes shown in `ConfigError` messages, by field. */
const hints: Record<string, string> = {
  auth: 'pass a google-auth-library client, e.g. `new OAuth2Client(...)` with credentials set, a service-account `JWT`, or the client `@reelsmith/auth` returns',
  folderId:
    'open the folder in drive.google.com and copy the id after `/folders/`, then share the folder with the signed-in account (or the service account)',
  share: "use 'none', 'anyone-with-link' or { domain: 'example.com' }",
  'share.domain': 'pass the Google Workspace domain, e.g. `example.com`',
  chunkSize: `use a multiple of 262144 (256 KiB), e.g. ${driveDefaults.chunkBytes} (8 MiB)`,
  multipartMaxBytes: 'pass a byte count ≥ 0 (0 sends every file resumably)',
  timeoutMs: 'pass milliseconds from 1 to 3600000',
  rootUrl: 'pass the absolute http(s) URL of the API root, e.g. `https://www.googleapis.com/`',
  fetch: 'pass a function with the signature of the global `fetch`',
};

/** Validates the options; throws a `ConfigError` naming each bad field and its fix. */
export function resolveDriveOptions(options: DriveMediaStoreOptions): ResolvedDriveOptions {
  const parsed = parseConfig('createDriveMediaStore', schema, options ?? {}, hints);
  const rootUrl = parsed.rootUrl.endsWith('/') ? parsed.rootUrl : `${parsed.rootUrl}/`;
  registerSecret(...credentialStrings(parsed.auth));
  return {
    ...parsed,
    id: parsed.id ?? `gdrive:${parsed.folderId}`,
    rootUrl,
    fetch: parsed.fetch,
  } as ResolvedDriveOptions;
}

/** Secrets an OAuth2Client or JWT already holds, so they are redacted from the first call on. */
function credentialStrings(auth: DriveAuthClient): string[] {
  const client = auth as {
    credentials?: { access_token?: unknown; refresh_token?: unknown };
    _clientSecret?: unknown;
    key?: unknown;
  };
  return [
    client.credentials?.access_token,
    client.credentials?.refresh_token,
    client._clientSecret,
    client.key,
  ].filter((value): value is string => typeof value === 'string');
}
