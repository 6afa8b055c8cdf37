import type { GenerateContentResponse, GenerateImagesResponse } from '@google/genai';
import type { GeneratedImage } from '@reelsmith/core';
import { imageDimensions } from './image-dimensions.js';

/** The usable images of an answer, and why any are missing. */
export interface ImageOutcome {
  images: GeneratedImage[];
  /** Filter reasons (`raiFilteredReason`, a finish or block reason with its message). */
  filtered: string[];
  /** The answer's id, when the service gives one (`responseId`). */
  responseId?: string;
}

/** Decodes base64 image bytes into a {@link GeneratedImage}, or `undefined` when there are none. */
export function decodeImage(
  base64: unknown,
  mediaType: unknown,
  revisedPrompt?: unknown,
): GeneratedImage | undefined {
  if (typeof base64 !== 'string' || base64 === '') return undefined;
  const data = new Uint8Array(Buffer.from(base64, 'base64'));
  if (data.length === 0) return undefined;
  const image: GeneratedImage = {
    data,
    mediaType: typeof mediaType === 'string' && mediaType.startsWith('image/') ? mediaType : 'image/png',
    ...imageDimensions(data),
  };
  if (typeof revisedPrompt === 'string' && revisedPrompt !== '') image.revisedPrompt = revisedPrompt;
  return image;
}

interface RawPrediction {
  bytesBase64Encoded?: unknown;
  mimeType?: unknown;
  raiFilteredReason?: unknown;
  prompt?: unknown;
  contentType?: unknown;
}

/** Reads a `:predict` answer (`{ predictions: [...] }`), as the Gemini API sends it. */
export function fromPredictions(body: unknown): ImageOutcome {
  const predictions = (body as { predictions?: unknown } | null)?.predictions;
  const outcome: ImageOutcome = { images: [], filtered: [] };
  if (!Array.isArray(predictions)) return outcome;
  for (const entry of predictions as RawPrediction[]) {
    if (entry === null || typeof entry !== 'object') continue;
    // The positive-prompt safety entry describes the prompt, not an image.
    if (entry.contentType === 'Positive Prompt') continue;
    const image = decodeImage(entry.bytesBase64Encoded, entry.mimeType, entry.prompt);
    if (image) outcome.images.push(image);
    else
      outcome.filtered.push(
        typeof entry.raiFilteredReason === 'string' ? entry.raiFilteredReason : 'no image data',
      );
  }
  return outcome;
}

/** Reads the SDK's `generateImages` answer (Imagen on Vertex AI). */
export function fromGenerateImages(response: GenerateImagesResponse): ImageOutcome {
  const outcome: ImageOutcome = { images: [], filtered: [] };
  for (const entry of response.generatedImages ?? []) {
    const image = decodeImage(entry.image?.imageBytes, entry.image?.mimeType, entry.enhancedPrompt);
    if (image) outcome.images.push(image);
    else outcome.filtered.push(entry.raiFilteredReason ?? 'no image data');
  }
  return outcome;
}

/**
 * Reads a `generateContent` answer of a Gemini image model: every inline image part that is not
 * a thought. With none, the reasons come from `promptFeedback` or the candidates' finish reasons.
 */
export function fromGenerateContent(response: GenerateContentResponse): ImageOutcome {
  const outcome: ImageOutcome = { images: [], filtered: [], responseId: response.responseId };
  for (const candidate of response.candidates ?? []) {
    for (const part of candidate.content?.parts ?? []) {
      if (part.thought) continue;
      const image = decodeImage(part.inlineData?.data, part.inlineData?.mimeType);
      if (image) outcome.images.push(image);
    }
  }
  if (outcome.images.length > 0) return outcome;
  const feedback = response.promptFeedback;
  if (feedback?.blockReason) {
    outcome.filtered.push(
      withMessage(`prompt blocked: ${feedback.blockReason}`, feedback.blockReasonMessage),
    );
  }
  for (const candidate of response.candidates ?? []) {
    const text = candidate.content?.parts?.find(
      (part) => typeof part.text === 'string' && !part.thought,
    )?.text;
    const reason = candidate.finishReason ?? 'no image in the answer';
    outcome.filtered.push(withMessage(`finishReason ${reason}`, candidate.finishMessage ?? text));
  }
  if (outcome.filtered.length === 0) outcome.filtered.push('the answer held no candidates');
  return outcome;
}

function withMessage(reason: string, message: string | undefined): string {
  return message ? `${reason} (${message.trim().slice(0, 200)})` : reason;
}
