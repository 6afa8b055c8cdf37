import { ProviderError } from '@reelsmith/core';
import type { DriveContext } from './drive-context.js';
import { driveDefaults } from './drive-defaults.js';
import { type DriveFile, driveFileFields, keyId, mediaPropertyNames } from './media-properties.js';

/** The folder as Drive describes it. */
export interface DriveFolder {
  id: string;
  /** Set when the folder is in a shared drive. */
  driveId?: string;
}

/**
 * Reads the configured folder once: a 404 becomes an `invalid_input` error naming `folderId` and
 * the fix (share the folder; `supportsAllDrives` for shared drives), and a file that is not a
 * folder is rejected the same way.
 */
export async function readFolder(drive: DriveContext, signal: AbortSignal | undefined): Promise<DriveFolder> {
  const context = drive.describe('open the Drive folder', 'folder');
  const response = await drive.retry(
    () =>
      drive.http.send({
        method: 'GET',
        url: `drive/v3/files/${encodeURIComponent(drive.options.folderId)}`,
        query: { fields: 'id,name,mimeType,trashed,driveId', ...drive.drives() },
        context,
        signal,
      }),
    signal,
    'read folder',
  );
  const folder = response.json<{ id: string; mimeType?: string; trashed?: boolean; driveId?: string }>();
  if (folder.mimeType !== driveDefaults.folderMimeType || folder.trashed) {
    throw new ProviderError({
      kind: 'invalid_input',
      provider: drive.options.id,
      code: folder.trashed ? 'folderTrashed' : 'notAFolder',
      message:
        `${context.operation}: folderId "${drive.options.folderId}" is ${folder.trashed ? 'in the trash' : `not a folder (${folder.mimeType})`}. ` +
        'Set folderId to the id of a Drive folder (the part after `/folders/` in its URL).',
    });
  }
  return { id: folder.id, ...(folder.driveId ? { driveId: folder.driveId } : {}) };
}

/** The untrashed media files stored under `key`, newest first (normally one). */
export async function findFiles(
  drive: DriveContext,
  folder: DriveFolder,
  key: string,
  signal: AbortSignal | undefined,
): Promise<DriveFile[]> {
  const match = `appProperties has { key='${mediaPropertyNames.keyId}' and value='${keyId(key)}' }`;
  return searchFolder(drive, folder, match, `find ${key}`, signal);
}

/** Every untrashed media file of the folder (pages through `files.list`). */
export async function listMediaFiles(
  drive: DriveContext,
  folder: DriveFolder,
  signal: AbortSignal | undefined,
): Promise<DriveFile[]> {
  const match = `appProperties has { key='${mediaPropertyNames.marker}' and value='1' }`;
  return searchFolder(drive, folder, match, 'list media', signal);
}

/** One file by id, or `undefined` when it is gone (404). */
export async function readFile(
  drive: DriveContext,
  fileId: string,
  signal: AbortSignal | undefined,
): Promise<DriveFile | undefined> {
  const response = await drive.retry(
    () =>
      drive.http.send({
        method: 'GET',
        url: `drive/v3/files/${encodeURIComponent(fileId)}`,
        query: { fields: driveFileFields, ...drive.drives() },
        accept: [404],
        context: drive.describe(`read file ${fileId}`, 'file'),
        signal,
      }),
    signal,
    'read file',
  );
  return response.status === 404 ? undefined : response.json<DriveFile>();
}

/** The bytes of a file (`alt=media`), or `undefined` when it is gone (404). */
export async function downloadFile(
  drive: DriveContext,
  file: DriveFile,
  key: string,
  signal: AbortSignal | undefined,
  onProgress?: (message: string) => void,
): Promise<Uint8Array | undefined> {
  const response = await drive.retry(
    () =>
      drive.http.send({
        method: 'GET',
        url: `drive/v3/files/${encodeURIComponent(file.id)}`,
        query: { alt: 'media', ...drive.drives() },
        accept: [404],
        context: drive.describe(`download ${key}`, 'file'),
        signal,
      }),
    signal,
    'download',
  );
  onProgress?.(`downloaded ${response.bytes.byteLength} bytes of ${key} from Google Drive`);
  return response.status === 404 ? undefined : response.bytes;
}

/** Trashes (default) or deletes a file; a file already gone counts as removed. */
export async function removeFile(
  drive: DriveContext,
  fileId: string,
  key: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const permanent = drive.options.deleteMode === 'permanent';
  await drive.retry(
    () =>
      drive.http.send({
        method: permanent ? 'DELETE' : 'PATCH',
        url: `drive/v3/files/${encodeURIComponent(fileId)}`,
        query: { fields: 'id', ...drive.drives() },
        ...(permanent
          ? {}
          : { headers: { 'content-type': 'application/json; charset=UTF-8' }, body: '{"trashed":true}' }),
        accept: [404],
        context: drive.describe(`delete ${key}`, 'file'),
        signal,
      }),
    signal,
    'delete',
  );
}

// ---------------------------------------------------------------------------------------------

async function searchFolder(
  drive: DriveContext,
  folder: DriveFolder,
  match: string,
  operation: string,
  signal: AbortSignal | undefined,
): Promise<DriveFile[]> {
  const q = `'${escapeQuery(folder.id)}' in parents and trashed = false and ${match}`;
  const scope = folder.driveId
    ? { corpora: 'drive', driveId: folder.driveId, includeItemsFromAllDrives: 'true' }
    : drive.options.supportsAllDrives
      ? { includeItemsFromAllDrives: 'true' }
      : {};
  const files: DriveFile[] = [];
  let pageToken: string | undefined;
  do {
    const token = pageToken;
    const response = await drive.retry(
      () =>
        drive.http.send({
          method: 'GET',
          url: 'drive/v3/files',
          query: {
            q,
            fields: `nextPageToken,files(${driveFileFields})`,
            orderBy: 'modifiedTime desc',
            pageSize: driveDefaults.listPageSize,
            pageToken: token,
            spaces: 'drive',
            ...scope,
            ...drive.drives(),
          },
          context: drive.describe(operation, 'folder'),
          signal,
        }),
      signal,
      operation,
    );
    const page = response.json<{ files?: DriveFile[]; nextPageToken?: string }>();
    files.push(...(page.files ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return files;
}

/** Escapes a value for a single-quoted string in a Drive query. */
export function escapeQuery(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}
