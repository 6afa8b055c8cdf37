const extensions: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-m4v': 'm4v',
  'video/ogg': 'ogv',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** The file extension for a media type, or the one of `key` when the type is not known. */
export function extensionFor(mediaType: string, key: string): string {
  const known = extensions[mediaType.toLowerCase().split(';')[0]!.trim()];
  if (known) return known;
  const fromKey = /\.([A-Za-z0-9]{1,8})$/.exec(key)?.[1];
  return fromKey ? fromKey.toLowerCase() : 'bin';
}

/**
 * Turns text into lowercase ASCII words joined by `-` (accents removed, everything else
 * dropped), at most `maxLength` characters, e.g. `Crème Brûlée Torch!` → `creme-brulee-torch`.
 */
export function asciiSlug(text: string, maxLength = 50): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}

/** A file name for an upload: an ASCII one WordPress reads, and the original when it had other characters. */
export interface UploadFileName {
  /** Letters, digits, `.`, `-` only: what WordPress stores (`filename=`). */
  ascii: string;
  /** The name with non-ASCII characters kept, sent as RFC 5987 `filename*`; absent when `ascii` says it all. */
  unicode?: string;
}

/**
 * Names an upload `<title words>-<marker>-<role>.<ext>`. The marker in the name is how a
 * resumed publish finds an upload that reached WordPress before the process died
 * (WordPress titles the attachment after the file name).
 */
export function uploadFileName(
  title: string,
  marker: string,
  role: string,
  extension: string,
): UploadFileName {
  const words = asciiSlug(title);
  const safeMarker = asciiSlug(marker, 80);
  const ascii = `${words ? `${words}-` : ''}${safeMarker}-${role}.${extension}`;
  const readable = [...title]
    .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|;'.includes(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .trim();
  if (readable === '' || /^[\x20-\x7e]*$/.test(readable)) return { ascii };
  return { ascii, unicode: `${readable}-${safeMarker}-${role}.${extension}` };
}

/**
 * The `Content-Disposition` header of a raw-body upload. WordPress reads only the plain
 * `filename="…"` parameter (and splits on `;` and `=`), so it always comes first and is ASCII;
 * `filename*=UTF-8''…` (RFC 5987) follows for clients that show the original name.
 */
export function contentDisposition(name: UploadFileName): string {
  const plain = `attachment; filename="${name.ascii.replace(/["\\;=]/g, '-')}"`;
  return name.unicode ? `${plain}; filename*=UTF-8''${encodeRfc5987(name.unicode)}` : plain;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
