import { type HttpHandler, HttpResponse, http } from 'msw';
import { driveErrorBody, driveFaults } from './drive-errors.js';
import {
  type FakeDriveFile,
  type FakeDriveState,
  type FakeDriveStats,
  fileResource,
  newId,
  tick,
} from './drive-state.js';
import { uploadHandlers } from './drive-uploads.js';

/** The fake's default API root and OAuth token endpoint. */
export const fakeDriveRootUrl = 'https://www.googleapis.com/';
export const fakeTokenUrl = 'https://oauth2.googleapis.com/token';
/** Obviously fake credentials the fake accepts. */
export const fakeCredentials = {
  accessToken: 'test-access-token-not-real',
  refreshToken: 'test-refresh-token-not-real',
  clientId: 'test-client-id-not-real.apps.googleusercontent.com',
  clientSecret: 'test-client-secret-not-real',
};

/** How the fake Drive is set up. */
export interface FakeDriveOptions {
  rootUrl?: string;
  /** Folders that exist; `driveId` puts one in a shared drive. Default: one folder `folder-reelsmith-test`. */
  folders?: Array<{ id: string; name?: string; driveId?: string }>;
  /** Largest `pageSize` the fake serves (Drive allows 1000); small values exercise paging. */
  maxPageSize?: number;
  /** Permission types the "Workspace admin" forbids (403 on `permissions.create`). */
  forbidShareTypes?: Array<'anyone' | 'domain'>;
}

/** A stateful, in-memory Google Drive v3 for msw: files with appProperties, folders, resumable sessions, permissions and the OAuth token endpoint. */
export interface FakeDrive {
  handlers: HttpHandler[];
  state: FakeDriveState;
  stats: FakeDriveStats;
  /** Drops the next `count` chunk PUTs (the connection resets); `persist` keeps their bytes server-side first. */
  dropChunks(count: number, options?: { persist?: boolean }): void;
  /** Makes the next `count` multipart uploads store the file, then drop the connection before answering. */
  dropMultipartAnswers(count: number): void;
  /** Expires every open upload session (Drive answers 404 on them). */
  expireSessions(): void;
  /** Live media files (untrashed, non-folder). */
  liveFiles(): FakeDriveFile[];
  /** The live file whose name is `key`. */
  fileNamed(key: string): FakeDriveFile | undefined;
  /** Revokes the refresh token: the token endpoint then answers `invalid_grant`. */
  revokeRefreshToken(): void;
  /** Invalidates every access token issued so far (the next call gets 401 until a refresh). */
  expireAccessTokens(): void;
}

/** Creates a {@link FakeDrive}. */
export function createFakeDrive(options: FakeDriveOptions = {}): FakeDrive {
  const root = options.rootUrl ?? fakeDriveRootUrl;
  const state: FakeDriveState = {
    files: new Map(),
    sessions: new Map(),
    stats: {
      resumableBytes: 0,
      chunkRequests: 0,
      statusQueries: 0,
      sessionsStarted: 0,
      multipartUploads: 0,
      tokenRefreshes: 0,
    },
    validTokens: new Set([fakeCredentials.accessToken]),
    drops: [],
    multipartDrops: 0,
    clock: Date.parse('2026-11-24T00:00:00Z'),
  };
  let refreshValid = true;
  for (const folder of options.folders ?? [{ id: 'folder-reelsmith-test' }]) {
    state.files.set(folder.id, {
      id: folder.id,
      name: folder.name ?? 'Reelsmith',
      mimeType: 'application/vnd.google-apps.folder',
      parents: ['root'],
      appProperties: {},
      bytes: new Uint8Array(0),
      trashed: false,
      modifiedTime: tick(state),
      permissions: [],
      ...(folder.driveId ? { driveId: folder.driveId } : {}),
    });
  }
  const api = `${root}drive/v3/files`;
  const guard = guardFor(state);

  const handlers: HttpHandler[] = [
    http.post(fakeTokenUrl, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (
        form.get('grant_type') !== 'refresh_token' ||
        form.get('refresh_token') !== fakeCredentials.refreshToken ||
        !refreshValid
      ) {
        return HttpResponse.json(driveFaults.invalidGrant(), { status: 400 });
      }
      state.stats.tokenRefreshes += 1;
      const token = `${fakeCredentials.accessToken}-${state.stats.tokenRefreshes}`;
      state.validTokens.add(token);
      return HttpResponse.json({
        access_token: token,
        expires_in: 3599,
        scope: 'https://www.googleapis.com/auth/drive.file',
        token_type: 'Bearer',
      });
    }),
    http.get(
      api,
      ({ request }) => guard(request, undefined) ?? listFiles(state, request, options.maxPageSize ?? 1000),
    ),
    http.get(`${api}/:fileId`, ({ request, params }) => {
      const file = state.files.get(String(params.fileId));
      const denied = guard(request, file, String(params.fileId));
      if (denied) return denied;
      if (new URL(request.url).searchParams.get('alt') === 'media') {
        return new HttpResponse(file!.bytes.slice(), { headers: { 'content-type': file!.mimeType } });
      }
      return HttpResponse.json(fileResource(file!));
    }),
    http.patch(`${api}/:fileId`, async ({ request, params }) => {
      const file = state.files.get(String(params.fileId));
      const denied = guard(request, file, String(params.fileId));
      if (denied) return denied;
      const body = (await request.json()) as { trashed?: boolean };
      if (typeof body.trashed === 'boolean') file!.trashed = body.trashed;
      file!.modifiedTime = tick(state);
      return HttpResponse.json(fileResource(file!));
    }),
    http.delete(`${api}/:fileId`, ({ request, params }) => {
      const id = String(params.fileId);
      const denied = guard(request, state.files.get(id), id);
      if (denied) return denied;
      state.files.delete(id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${api}/:fileId/permissions`, async ({ request, params }) => {
      const file = state.files.get(String(params.fileId));
      const denied = guard(request, file, String(params.fileId));
      if (denied) return denied;
      const body = (await request.json()) as { type: string; role: string; domain?: string };
      if ((options.forbidShareTypes as string[] | undefined)?.includes(body.type)) {
        return HttpResponse.json(driveFaults.sharingForbidden(), { status: 403 });
      }
      const id = body.type === 'anyone' ? 'anyoneWithLink' : `${body.type}-${body.domain ?? newId('')}`;
      if (!file!.permissions.some((permission) => permission.id === id)) {
        file!.permissions.push({
          id,
          type: body.type,
          role: body.role,
          ...(body.domain ? { domain: body.domain } : {}),
        });
      }
      return HttpResponse.json({ kind: 'drive#permission', id, type: body.type, role: body.role });
    }),
    ...uploadHandlers(root, state, guard),
  ];

  return {
    handlers,
    state,
    stats: state.stats,
    dropChunks(count, dropOptions = {}) {
      for (let index = 0; index < count; index += 1)
        state.drops.push({ persist: dropOptions.persist ?? false });
    },
    dropMultipartAnswers(count) {
      state.multipartDrops += count;
    },
    expireSessions() {
      for (const session of state.sessions.values()) session.expired = true;
    },
    liveFiles: () =>
      [...state.files.values()].filter(
        (file) => !file.trashed && file.mimeType !== 'application/vnd.google-apps.folder',
      ),
    fileNamed(key) {
      return this.liveFiles().find((file) => file.name === key);
    },
    revokeRefreshToken() {
      refreshValid = false;
    },
    expireAccessTokens() {
      state.validTokens.clear();
    },
  };
}

/** Checks the bearer token and, for a file, that it exists and is reachable; returns the error answer or undefined. */
export type RequestGuard = (
  request: Request,
  file: FakeDriveFile | undefined,
  id?: string,
) => Response | undefined;

function guardFor(state: FakeDriveState): RequestGuard {
  return (request, file, id) => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token || !state.validTokens.has(token)) {
      return HttpResponse.json(driveFaults.authError(), { status: 401 });
    }
    if (id === undefined) return undefined;
    const allDrives = new URL(request.url).searchParams.get('supportsAllDrives') === 'true';
    if (!file || (file.driveId && !allDrives))
      return HttpResponse.json(driveFaults.notFound(id), { status: 404 });
    return undefined;
  };
}

function listFiles(state: FakeDriveState, request: Request, maxPageSize: number): Response {
  const params = new URL(request.url).searchParams;
  const q = params.get('q') ?? '';
  const parent = /'((?:[^'\\]|\\.)*)' in parents/.exec(q)?.[1];
  if (parent === undefined) {
    return HttpResponse.json(
      driveErrorBody(400, 'invalid', 'Invalid Value', { location: 'q', locationType: 'parameter' }),
      {
        status: 400,
      },
    );
  }
  const folderId = unescapeQuery(parent);
  const trashed = /trashed\s*=\s*(true|false)/.exec(q)?.[1];
  const properties = [
    ...q.matchAll(/appProperties has \{ key='((?:[^'\\]|\\.)*)' and value='((?:[^'\\]|\\.)*)' \}/g),
  ].map((match) => [unescapeQuery(match[1]!), unescapeQuery(match[2]!)] as const);
  const allDrives =
    params.get('includeItemsFromAllDrives') === 'true' && params.get('supportsAllDrives') === 'true';
  let files = [...state.files.values()].filter(
    (file) =>
      file.parents.includes(folderId) &&
      (trashed === undefined || String(file.trashed) === trashed) &&
      (!file.driveId || allDrives) &&
      properties.every(([key, value]) => file.appProperties[key] === value),
  );
  if (params.get('orderBy') === 'modifiedTime desc')
    files = files.sort((a, b) => b.modifiedTime.localeCompare(a.modifiedTime));
  const size = Math.min(Number(params.get('pageSize') ?? 100), maxPageSize);
  const start = Number(params.get('pageToken') ?? 0);
  const page = files.slice(start, start + size);
  const next = start + size < files.length ? String(start + size) : undefined;
  return HttpResponse.json({
    kind: 'drive#fileList',
    incompleteSearch: false,
    files: page.map(fileResource),
    ...(next ? { nextPageToken: next } : {}),
  });
}

function unescapeQuery(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
