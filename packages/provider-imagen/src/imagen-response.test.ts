import type { GenerateContentResponse, GenerateImagesResponse } from '@google/genai';
import { createPng } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { imageDimensions } from './image-dimensions.js';
import { fromGenerateContent, fromGenerateImages, fromPredictions } from './imagen-response.js';

const png = Buffer.from(createPng({ width: 9, height: 16 })).toString('base64');

describe('response parsing', () => {
  it(':predict: images with their size, filter reasons for the rest, the prompt-safety entry skipped', () => {
    const outcome = fromPredictions({
      predictions: [
        { mimeType: 'image/png', bytesBase64Encoded: png, prompt: 'rewritten' },
        { raiFilteredReason: 'Support codes: 39322892' },
        { contentType: 'Positive Prompt', safetyAttributes: { categories: [], scores: [] } },
        { bytesBase64Encoded: '' },
      ],
    });
    expect(outcome.images).toHaveLength(1);
    expect(outcome.images[0]).toMatchObject({
      mediaType: 'image/png',
      width: 9,
      height: 16,
      revisedPrompt: 'rewritten',
    });
    expect(outcome.filtered).toEqual(['Support codes: 39322892', 'no image data']);
    expect(fromPredictions({})).toEqual({ images: [], filtered: [] });
  });

  it('generateImages: an entry with an empty image is a filtered one (js-genai #321)', () => {
    const response = {
      generatedImages: [
        { image: {}, raiFilteredReason: 'filtered' },
        { image: { imageBytes: png, mimeType: 'image/png' } },
      ],
    } as GenerateImagesResponse;
    const outcome = fromGenerateImages(response);
    expect(outcome.images).toHaveLength(1);
    expect(outcome.filtered).toEqual(['filtered']);
  });

  it('generateContent: inline images that are not thoughts; block and finish reasons otherwise', () => {
    const ok = {
      responseId: 'r1',
      candidates: [
        {
          content: {
            parts: [
              { inlineData: { mimeType: 'image/png', data: png }, thought: true },
              { text: 'Here is your image' },
              { inlineData: { mimeType: 'image/png', data: png } },
            ],
          },
        },
      ],
    } as GenerateContentResponse;
    expect(fromGenerateContent(ok)).toMatchObject({ images: [{ width: 9 }], responseId: 'r1' });
    const blocked = { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } } as GenerateContentResponse;
    expect(fromGenerateContent(blocked).filtered).toEqual(['prompt blocked: PROHIBITED_CONTENT']);
    const noImage = {
      candidates: [{ finishReason: 'NO_IMAGE', content: { parts: [{ text: 'I cannot draw that.' }] } }],
    } as GenerateContentResponse;
    expect(fromGenerateContent(noImage).filtered).toEqual(['finishReason NO_IMAGE (I cannot draw that.)']);
    expect(fromGenerateContent({} as GenerateContentResponse).filtered).toEqual([
      'the answer held no candidates',
    ]);
  });

  it('reads JPEG and PNG sizes', () => {
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 0x10, 0, 0x09, 3, 0, 0,
    ]);
    expect(imageDimensions(jpeg)).toEqual({ width: 9, height: 16 });
    expect(imageDimensions(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
