import { createHash } from 'node:crypto';

/** The longest name {@link encodeFileName} returns before it falls back to a hashed name. */
const maxEncodedLength = 180;

const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Turns any string into one safe file name: only `a-z`, `0-9`, `-` and `_` are kept, every other
 * UTF-8 byte becomes `%XX` (uppercase letters too, so names stay distinct on case-insensitive file
 * systems; `.` and `/` too, so no name can climb out of its directory). Windows device names are
 * escaped. A name whose encoding is longer than 180 characters becomes a shortened prefix plus
 * `~` and a hash; {@link decodeFileName} cannot reverse those, so stores keep the original name
 * inside the file as well.
 */
export function encodeFileName(name: string): string {
  let encoded = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    encoded += isSafeByte(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (windowsReserved.test(encoded))
    encoded = `%${encoded.charCodeAt(0).toString(16).toUpperCase()}${encoded.slice(1)}`;
  if (encoded.length <= maxEncodedLength) return encoded;
  let prefix = encoded.slice(0, 100);
  const lastEscape = prefix.lastIndexOf('%');
  if (lastEscape > prefix.length - 3) prefix = prefix.slice(0, lastEscape);
  return `${prefix}~${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 40)}`;
}

/**
 * Reverses {@link encodeFileName}. Returns `undefined` for hashed names (those with `~`) and for
 * names it did not produce.
 */
export function decodeFileName(fileName: string): string | undefined {
  if (!/^(?:[a-z0-9_-]|%[0-9A-F]{2})+$/.test(fileName)) return undefined;
  try {
    return decodeURIComponent(fileName);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

function isSafeByte(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x5f // _
  );
}
