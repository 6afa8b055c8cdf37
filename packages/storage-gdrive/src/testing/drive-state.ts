import { randomBytes } from 'node:crypto';

/** A file (or folder) of the fake Drive. */
export interface FakeDriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  appProperties: Record<string, string>;
  bytes: Uint8Array;
  trashed: boolean;
  modifiedTime: string;
  /** Set for items in a shared drive: they are reachable only with `supportsAllDrives=true`. */
  driveId?: string;
  permissions: Array<{ id: string; type: string; role: string; domain?: string }>;
}

/** An open resumable upload session. */
export interface FakeSession {
  id: string;
  /** The file to overwrite, or undefined to create. */
  fileId?: string;
  metadata: Record<string, unknown>;
  mimeType: string;
  total: number;
  received: Uint8Array[];
  offset: number;
  /** Set once the upload completed. */
  result?: string;
  expired: boolean;
}

/** What the fake saw, for assertions. */
export interface FakeDriveStats {
  /** Media bytes received by resumable chunk PUTs (also those of dropped requests). */
  resumableBytes: number;
  /** Chunk PUTs (not status queries). */
  chunkRequests: number;
  /** `Content-Range: bytes *\/N` status queries. */
  statusQueries: number;
  sessionsStarted: number;
  multipartUploads: number;
  tokenRefreshes: number;
}

/** The fake's mutable state. */
export interface FakeDriveState {
  files: Map<string, FakeDriveFile>;
  sessions: Map<string, FakeSession>;
  stats: FakeDriveStats;
  validTokens: Set<string>;
  /** Drops the next chunk PUTs: `persist` keeps the bytes the request carried before the drop. */
  drops: Array<{ persist: boolean }>;
  /** Multipart uploads to answer with a dropped connection after the file was made. */
  multipartDrops: number;
  clock: number;
}

/** A Drive-looking id (letters, digits, `-`, `_`). */
export function newId(prefix = '1'): string {
  return prefix + randomBytes(18).toString('base64url');
}

/** The next modification time, strictly increasing. */
export function tick(state: FakeDriveState): string {
  state.clock += 1000;
  return new Date(state.clock).toISOString();
}

/** A file as Drive's JSON resource. */
export function fileResource(file: FakeDriveFile): Record<string, unknown> {
  const isFolder = file.mimeType === 'application/vnd.google-apps.folder';
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: file.parents,
    trashed: file.trashed,
    modifiedTime: file.modifiedTime,
    ...(isFolder ? {} : { size: String(file.bytes.byteLength) }),
    ...(Object.keys(file.appProperties).length > 0 ? { appProperties: file.appProperties } : {}),
    ...(file.driveId ? { driveId: file.driveId } : {}),
    webViewLink: `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
  };
}

/** Applies upload metadata to a new or existing file. */
export function applyMetadata(
  state: FakeDriveState,
  existing: FakeDriveFile | undefined,
  metadata: Record<string, unknown>,
  bytes: Uint8Array,
  mimeType: string,
  driveId: string | undefined,
): FakeDriveFile {
  const file: FakeDriveFile = existing ?? {
    id: newId(),
    name: 'Untitled',
    mimeType,
    parents: Array.isArray(metadata.parents) ? (metadata.parents as string[]) : [],
    appProperties: {},
    bytes,
    trashed: false,
    modifiedTime: '',
    permissions: [],
    ...(driveId ? { driveId } : {}),
  };
  if (typeof metadata.name === 'string') file.name = metadata.name;
  file.mimeType = typeof metadata.mimeType === 'string' ? metadata.mimeType : mimeType;
  if (metadata.appProperties && typeof metadata.appProperties === 'object') {
    file.appProperties = { ...file.appProperties, ...(metadata.appProperties as Record<string, string>) };
  }
  file.bytes = bytes;
  file.modifiedTime = tick(state);
  state.files.set(file.id, file);
  return file;
}
