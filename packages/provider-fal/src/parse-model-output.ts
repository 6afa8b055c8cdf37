import { ProviderError } from '@reelsmith/core';
import { z } from 'zod';

const outputSchema = z.looseObject({
  images: z.array(
    z.looseObject({
      url: z.string().min(1),
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
      content_type: z.string().optional(),
    }),
  ),
  has_nsfw_concepts: z.array(z.boolean()).optional(),
  prompt: z.string().optional(),
  seed: z.number().optional(),
});

/** One image of a FLUX result. */
export interface FalOutputImage {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  contentType?: string | undefined;
}

/** A parsed FLUX result: the images fal generated (billed) and the ones that passed the safety checker. */
export interface FalModelOutput {
  generated: FalOutputImage[];
  kept: FalOutputImage[];
  /** How many images the safety checker flagged (replaced by black images). */
  flagged: number;
  revisedPrompt?: string | undefined;
}

/**
 * Parses a FLUX result (`{ images[], has_nsfw_concepts[], prompt, seed }`). Images flagged in
 * `has_nsfw_concepts` are black placeholders and are dropped; when every image is flagged the
 * call fails with `content_policy`. A body without `images[]`, or with none, fails too: zero
 * images is never a result.
 */
export function parseModelOutput(
  data: unknown,
  context: { provider: string; requestId?: string },
): FalModelOutput {
  const parsed = outputSchema.safeParse(data);
  const fail = (kind: 'unknown' | 'content_policy', code: string, message: string) =>
    new ProviderError({
      kind,
      provider: context.provider,
      status: 200,
      code,
      message,
      body: data,
      requestId: context.requestId,
    });
  if (!parsed.success) {
    throw fail(
      'unknown',
      'unexpected_result',
      `fal returned a result without an \`images[]\` list: ${parsed.error.issues[0]?.message}.`,
    );
  }
  const generated = parsed.data.images.map((image) => ({
    url: image.url,
    width: image.width,
    height: image.height,
    contentType: image.content_type,
  }));
  if (generated.length === 0) throw fail('unknown', 'no_images', 'fal returned a result with no images.');
  const flags = parsed.data.has_nsfw_concepts ?? [];
  const kept = generated.filter((_, index) => flags[index] !== true);
  if (kept.length === 0) {
    throw fail(
      'content_policy',
      'has_nsfw_concepts',
      `fal's safety checker flagged ${generated.length === 1 ? 'the image' : `all ${generated.length} images`} ` +
        '(has_nsfw_concepts) and returned black placeholders. Change the prompt or the reference photo.',
    );
  }
  return { generated, kept, flagged: generated.length - kept.length, revisedPrompt: parsed.data.prompt };
}
