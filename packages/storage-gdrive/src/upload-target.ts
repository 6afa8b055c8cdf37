import type { DriveContext } from './drive-context.js';
import type { DriveFolder } from './drive-files.js';
import { type DriveFile, driveFileFields } from './media-properties.js';

/** What one `put` uploads, and where. */
export interface UploadTarget {
  key: string;
  data: Uint8Array;
  mediaType: string;
  sha256: string;
  /** The file's appProperties (key pieces, key id, checksum). */
  properties: Record<string, string>;
  /** The existing file to overwrite; absent to create one in the folder. */
  fileId?: string;
}

/** The request line of an upload: create in the folder (POST) or overwrite a file (PATCH). */
export function uploadRequest(
  drive: DriveContext,
  folder: DriveFolder,
  target: UploadTarget,
  uploadType: 'multipart' | 'resumable',
): {
  method: 'POST' | 'PATCH';
  url: string;
  query: Record<string, string>;
  metadata: Record<string, unknown>;
} {
  const metadata: Record<string, unknown> = {
    name: target.key,
    mimeType: target.mediaType,
    appProperties: target.properties,
  };
  const query = { uploadType, fields: driveFileFields, ...drive.drives() } as Record<string, string>;
  if (target.fileId) {
    return {
      method: 'PATCH',
      url: `upload/drive/v3/files/${encodeURIComponent(target.fileId)}`,
      query,
      metadata,
    };
  }
  return {
    method: 'POST',
    url: 'upload/drive/v3/files',
    query,
    metadata: { ...metadata, parents: [folder.id] },
  };
}

/** True when Drive's answer describes exactly the bytes that were sent. */
export function matchesUpload(file: DriveFile | undefined, target: UploadTarget): boolean {
  if (!file) return false;
  const sizeMatches = file.size === undefined || Number(file.size) === target.data.byteLength;
  return sizeMatches && file.appProperties?.rsSha256 === target.sha256;
}
