import type { ImageInput } from '@reelsmith/core';
import { createPng } from '@reelsmith/testkit';

/** A key in fal's `<key id>:<key secret>` shape, for tests only. */
export const testFalKey = '0c9d8e7f-6a5b-4c3d-2e1f-testkey00001:9f8e7d6c5b4a39281706f5e4d3c2b1a0';

/** The product photo the tests send. */
export const referencePng = createPng({ width: 8, height: 8, color: [20, 120, 200, 255] });

/** A typical scene request: a 1080×1920 edit of the product photo. */
export const sceneInput: ImageInput = {
  prompt: 'place this bottle on a marble kitchen counter, keep the label unchanged',
  width: 1080,
  height: 1920,
  referenceImage: { data: referencePng, mediaType: 'image/png' },
};
