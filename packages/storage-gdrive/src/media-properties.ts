import { createHash } from 'node:crypto';
import { ConfigError } from '@reelsmith/core';
import { driveDefaults } from './drive-defaults.js';

/**
 * How a media key lives on a Drive file. The folder is flat: a file's `name` is the whole key
 * (`run-1/images/a.png`, slashes included, for people browsing the folder), and its private
 * `appProperties` hold what the store trusts:
 *
 * - `rsMedia: "1"` marks files this store wrote (others in the folder are ignored);
 * - `rsKeyId`: the SHA-256 of the key, for exact look-ups whatever the key's length;
 * - `rsKey0`, `rsKey1`, …: the key in pieces (one property holds at most 124 bytes with its name);
 * - `rsSha256`: the SHA-256 of the bytes, checked by every `get`.
 */
export const mediaPropertyNames = {
  marker: 'rsMedia',
  keyId: 'rsKeyId',
  sha256: 'rsSha256',
  keyPiece: 'rsKey',
} as const;

/** The Drive file fields the store reads. */
export const driveFileFields = 'id,name,mimeType,size,trashed,modifiedTime,appProperties,webViewLink';

/** A Drive file as the store reads it. */
export interface DriveFile {
  id: string;
  name?: string;
  mimeType?: string;
  /** Decimal string, as Drive sends it. */
  size?: string;
  trashed?: boolean;
  modifiedTime?: string;
  appProperties?: Record<string, string>;
  webViewLink?: string;
}

const reservedProperties = 3;
const pieceBytes = driveDefaults.appPropertyMaxBytes - `${mediaPropertyNames.keyPiece}99`.length;
const maxPieces = driveDefaults.appPropertiesPerFile - reservedProperties;

/** The SHA-256 (hex) of a key, stored as `rsKeyId`. */
export function keyId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The appProperties of a media file. Throws a `ConfigError` naming `key` when it cannot fit. */
export function mediaProperties(key: string, sha256: string, source: string): Record<string, string> {
  const pieces = splitUtf8(key, pieceBytes);
  if (pieces.length > maxPieces) {
    throw new ConfigError(source, [
      {
        field: 'key',
        problem: `"${key.slice(0, 40)}…" takes ${Buffer.byteLength(key)} UTF-8 bytes; Drive app properties hold at most ${maxPieces * pieceBytes}`,
        fix: 'use a shorter key',
      },
    ]);
  }
  const properties: Record<string, string> = {
    [mediaPropertyNames.marker]: '1',
    [mediaPropertyNames.keyId]: keyId(key),
    [mediaPropertyNames.sha256]: sha256,
  };
  pieces.forEach((piece, index) => {
    properties[`${mediaPropertyNames.keyPiece}${index}`] = piece;
  });
  return properties;
}

/** The key a file was stored under, or `undefined` when its properties are missing or inconsistent. */
export function keyOfFile(file: DriveFile): string | undefined {
  const properties = file.appProperties ?? {};
  const pieces: string[] = [];
  for (let index = 0; index < maxPieces; index += 1) {
    const piece = properties[`${mediaPropertyNames.keyPiece}${index}`];
    if (piece === undefined) break;
    pieces.push(piece);
  }
  const key = pieces.join('');
  return key !== '' && properties[mediaPropertyNames.keyId] === keyId(key) ? key : undefined;
}

/** Splits text into pieces of at most `limit` UTF-8 bytes without cutting a character. */
function splitUtf8(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character);
    if (bytes + size > limit) {
      pieces.push(current);
      current = '';
      bytes = 0;
    }
    current += character;
    bytes += size;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
