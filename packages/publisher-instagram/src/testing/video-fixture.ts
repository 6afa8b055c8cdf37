/**
 * MP4-shaped bytes for tests: an `ftyp` box (isom, mp42) and an `mdat` box of `size` bytes in
 * total. The publisher never decodes video (Instagram does), so these pass its checks.
 */
export function createVideoBytes(size = 4096): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, 32));
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1) bytes[offset + index] = text.charCodeAt(index);
  };
  view.setUint32(0, 24);
  ascii(4, 'ftypisom');
  view.setUint32(12, 0x200);
  ascii(16, 'isommp42');
  view.setUint32(24, bytes.length - 24);
  ascii(28, 'mdat');
  for (let index = 32; index < bytes.length; index += 1) bytes[index] = (index * 31) & 0xff;
  return bytes;
}
