/** Decodes the API's `b64_json` into bytes. */
export function decodeBase64(data: string): Uint8Array {
  const buffer = Buffer.from(data, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The media type of image bytes from their signature (PNG, JPEG, WebP, GIF), or `undefined`. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  return undefined;
}

/** `image/png` → `png`, for upload file names. */
export function extensionOf(mediaType: string): string {
  const subtype = mediaType.split('/')[1]?.split(';')[0]?.trim() ?? 'png';
  return subtype === 'jpeg' ? 'jpg' : subtype;
}
