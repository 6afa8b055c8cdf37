import { createHash } from 'node:crypto';
import {
  assertMediaKey,
  ConfigError,
  type MediaRef,
  type MediaStore,
  ProviderError,
  ReelsmithError,
} from '@reelsmith/core';
import { createDriveContext } from './drive-context.js';
import {
  type DriveFolder,
  downloadFile,
  findFiles,
  listMediaFiles,
  readFile,
  readFolder,
  removeFile,
} from './drive-files.js';
import { type DriveMediaStoreOptions, resolveDriveOptions } from './drive-settings.js';
import { grantShare, viewLink } from './drive-sharing.js';
import { createKeyLock } from './key-lock.js';
import { type DriveFile, keyOfFile, mediaProperties, mediaPropertyNames } from './media-properties.js';
import { uploadMultipart } from './multipart-upload.js';
import { type SessionRegistry, uploadResumable } from './resumable-upload.js';
import { matchesUpload, type UploadTarget } from './upload-target.js';

/** A {@link MediaStore} on Google Drive; `publicUrl` returns a Drive link when `share` allows one. */
export interface DriveMediaStore extends MediaStore {
  /**
   * Grants the configured `share` on the file and returns its Drive link (`webViewLink`), or
   * `undefined` when `share` is `'none'` or nothing is stored under the key. A Drive link opens
   * Drive's viewer page: it is **not** a direct-download URL, so Instagram's `video_url` and
   * WordPress sideloading cannot use it.
   */
  publicUrl(ref: MediaRef | string): Promise<string | undefined>;
}

/**
 * Creates a {@link MediaStore} that keeps media as files in one Google Drive folder. Keys map to
 * flat files named after the key, identified by private `appProperties` (key and SHA-256), so
 * `put` of an existing key overwrites the same file and `get` verifies the bytes. Files over
 * `multipartMaxBytes` go up resumably in `chunkSize` chunks and continue from Drive's confirmed
 * offset after a dropped connection. Nothing is sent until the first call.
 *
 * @example
 * ```ts
 * import { OAuth2Client } from 'google-auth-library';
 * const auth = new OAuth2Client({ clientId, clientSecret });
 * auth.setCredentials({ refresh_token: process.env.GOOGLE_REFRESH_TOKEN });
 * const drive = createDriveMediaStore({ auth, folderId: '1AbCdEfGhIjKlMnOp', share: 'anyone-with-link' });
 * const ref = await drive.put('run-42/video.mp4', bytes, 'video/mp4');
 * console.log(await drive.publicUrl(ref)); // https://drive.google.com/file/d/…/view?usp=drivesdk
 * ```
 */
export function createDriveMediaStore(options: DriveMediaStoreOptions): DriveMediaStore {
  const settings = resolveDriveOptions(options);
  const drive = createDriveContext(settings);
  const { id } = settings;
  const fileIds = new Map<string, string>();
  const sessions: SessionRegistry = new Map();
  const shared = new Set<string>();
  const lock = createKeyLock();
  let folderPromise: Promise<DriveFolder> | undefined;

  const folderOf = (signal: AbortSignal | undefined): Promise<DriveFolder> => {
    folderPromise ??= readFolder(drive, signal).catch((error: unknown) => {
      folderPromise = undefined;
      throw error;
    });
    return folderPromise;
  };

  const keyOf = (ref: MediaRef | string): string => {
    const key = typeof ref === 'string' ? ref : (ref as MediaRef | undefined)?.key;
    assertMediaKey(key, id);
    return key;
  };

  /** Every live file under `key`, newest first: the remembered id (consistent) first, then search. */
  async function locateAll(key: string, signal: AbortSignal | undefined): Promise<DriveFile[]> {
    const folder = await folderOf(signal);
    const found: DriveFile[] = [];
    const known = fileIds.get(key);
    if (known) {
      const file = await readFile(drive, known, signal);
      if (file && !file.trashed && keyOfFile(file) === key) found.push(file);
      else fileIds.delete(key);
    }
    for (const file of await findFiles(drive, folder, key, signal)) {
      if (!found.some((other) => other.id === file.id) && keyOfFile(file) === key) found.push(file);
    }
    if (found[0]) fileIds.set(key, found[0].id);
    return found;
  }

  async function upload(
    target: UploadTarget,
    signal: AbortSignal | undefined,
    onProgress?: Parameters<typeof uploadResumable>[5],
  ) {
    const folder = await folderOf(signal);
    if (target.data.byteLength > settings.multipartMaxBytes) {
      return uploadResumable(drive, folder, target, sessions, signal, onProgress);
    }
    if (target.fileId)
      return drive.retry(() => uploadMultipart(drive, folder, target, signal), signal, 'upload');
    // A create that failed without an answer may still have made the file: look before resending.
    return drive.retry(
      async (attempt) => {
        if (attempt > 1) {
          const made = (await findFiles(drive, folder, target.key, signal)).find((file) =>
            matchesUpload(file, target),
          );
          if (made) return made;
        }
        return uploadMultipart(drive, folder, target, signal);
      },
      signal,
      'upload',
    );
  }

  return {
    specificationVersion: 'v1',
    id,
    capability: 'media-store',

    async put(key, data, mediaType, callOptions) {
      assertMediaKey(key, id);
      validatePut(id, data, mediaType);
      const signal = callOptions?.signal;
      signal?.throwIfAborted();
      const bytes = new Uint8Array(data);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const properties = mediaProperties(key, sha256, id);
      return lock(key, async () => {
        const [current, ...duplicates] = await locateAll(key, signal);
        const target: UploadTarget = {
          key,
          data: bytes,
          mediaType,
          sha256,
          properties,
          ...(current ? { fileId: current.id } : {}),
        };
        const file = await upload(target, signal, callOptions?.onProgress);
        if (!matchesUpload({ ...file, appProperties: file.appProperties ?? properties }, target)) {
          throw new ProviderError({
            kind: 'transient',
            provider: id,
            code: 'upload_mismatch',
            message: `upload ${key}: Drive reports ${file.size} bytes stored, ${bytes.byteLength} were sent; put it again`,
          });
        }
        fileIds.set(key, file.id);
        for (const duplicate of duplicates) {
          await removeFile(drive, duplicate.id, key, signal).catch(() => undefined);
        }
        callOptions?.onProgress?.({ fraction: 1, message: `stored ${key} in Google Drive` });
        return { store: id, key, mediaType, size: bytes.byteLength, sha256 };
      });
    },

    async get(ref, callOptions) {
      const key = keyOf(ref);
      const signal = callOptions?.signal;
      signal?.throwIfAborted();
      const [file] = await locateAll(key, signal);
      const bytes = file ? await downloadFile(drive, file, key, signal) : undefined;
      if (!file || !bytes) throw new ReelsmithError(`[reelsmith] media ${key} not found in ${id}.`);
      const expected =
        typeof ref === 'string'
          ? {
              sha256: file.appProperties?.[mediaPropertyNames.sha256],
              size: Number(file.size ?? bytes.byteLength),
            }
          : { sha256: ref.sha256, size: ref.size };
      verifyBytes(id, key, expected, bytes);
      return bytes;
    },

    async has(ref) {
      const key = keyOf(ref);
      return (await locateAll(key, undefined)).length > 0;
    },

    async delete(ref) {
      const key = keyOf(ref);
      await lock(key, async () => {
        for (const file of await locateAll(key, undefined)) await removeFile(drive, file.id, key, undefined);
        fileIds.delete(key);
      });
    },

    async list(prefix = '') {
      if (typeof prefix !== 'string') {
        throw new ConfigError(id, [
          { field: 'prefix', problem: `expected a string, got ${typeof prefix}`, fix: 'pass a key prefix' },
        ]);
      }
      const files = await listMediaFiles(drive, await folderOf(undefined), undefined);
      const keys = new Set<string>();
      for (const file of files) {
        const key = keyOfFile(file);
        if (key?.startsWith(prefix)) keys.add(key);
      }
      return [...keys].sort();
    },

    async publicUrl(ref) {
      const key = keyOf(ref);
      const share = settings.share;
      if (share === 'none') return undefined;
      return lock(key, async () => {
        const [file] = await locateAll(key, undefined);
        if (!file) return undefined;
        if (!shared.has(file.id)) {
          await grantShare(drive, file.id, key, share, undefined);
          shared.add(file.id);
        }
        return viewLink(file.id, file.webViewLink);
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------

const mediaTypePattern = /^[A-Za-z0-9][\w.+-]*\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+"-]+)*$/;

function validatePut(id: string, data: unknown, mediaType: unknown): void {
  if (!(data instanceof Uint8Array)) {
    throw new ConfigError(id, [
      { field: 'data', problem: 'expected a Uint8Array', fix: 'pass the bytes as a Uint8Array or Buffer' },
    ]);
  }
  if (typeof mediaType !== 'string' || !mediaTypePattern.test(mediaType)) {
    throw new ConfigError(id, [
      {
        field: 'mediaType',
        problem: `expected a media type, got ${JSON.stringify(mediaType)}`,
        fix: 'pass one such as `image/png` or `video/mp4`',
      },
    ]);
  }
}

/** Rejects bytes that do not match what was stored. */
function verifyBytes(
  id: string,
  key: string,
  expected: { sha256: string | undefined; size: number },
  bytes: Uint8Array,
): void {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.byteLength === expected.size && sha256 === expected.sha256) return;
  throw new ReelsmithError(
    `[reelsmith] media ${key} in ${id} was changed or truncated since it was stored ` +
      `(expected ${expected.size} bytes with SHA-256 ${expected.sha256 ?? 'unknown'}, found ${bytes.byteLength} bytes with SHA-256 ${sha256}); ` +
      'it will not be used. Store it again.',
  );
}
