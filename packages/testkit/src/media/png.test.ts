import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPng } from './png.js';

function chunks(png: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found = new Map<string, Uint8Array>();
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    found.set(type, png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return found;
}

describe('createPng', () => {
  it('builds a valid RGBA PNG of the given size and colour', () => {
    const png = createPng({ width: 3, height: 2, color: [255, 0, 0] });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect([...parts.keys()]).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = new DataView(parts.get('IHDR')!.buffer, parts.get('IHDR')!.byteOffset);
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([3, 2]);
    const pixels = inflateSync(parts.get('IDAT')!);
    expect(pixels.length).toBe(2 * (1 + 3 * 4));
    expect([...pixels.subarray(1, 5)]).toEqual([255, 0, 0, 255]);
  });

  it('is deterministic, and carries a correct CRC (IEND of every PNG)', () => {
    expect(createPng()).toEqual(createPng());
    const png = createPng();
    expect([...png.subarray(png.length - 4)]).toEqual([0xae, 0x42, 0x60, 0x82]);
  });

  it('rejects a bad size', () => {
    expect(() => createPng({ width: 0 })).toThrow(/positive integers/);
  });
});
