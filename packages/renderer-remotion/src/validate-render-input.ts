import type { RenderInput } from '@reelsmith/core';
import { parseConfig, productSchema } from '@reelsmith/core';
import { z } from 'zod';
import { compositionIds } from './remotion/reel-props.js';

/** The longest video this renderer accepts: 10 minutes. */
export const maxDurationMs = 600_000;

const mediaRefSchema = (kind: 'image' | 'audio') =>
  z.object({
    store: z.string(),
    key: z.string().min(1),
    mediaType: z.string().refine((type) => type.startsWith(`${kind}/`), {
      message: `expected an ${kind}/* media type`,
    }),
    size: z.number().int().positive({ message: 'the media is empty (size 0)' }),
    sha256: z.string(),
  });

const timeMs = z.number().nonnegative();

const inputSchema = z
  .object({
    composition: z.enum(compositionIds),
    width: z.number().int().positive().max(4096).multipleOf(2, { message: 'H.264 needs an even width' }),
    height: z.number().int().positive().max(4096).multipleOf(2, { message: 'H.264 needs an even height' }),
    fps: z.number().positive().max(120),
    scenes: z
      .array(z.object({ image: mediaRefSchema('image'), text: z.string(), startMs: timeMs, endMs: timeMs }))
      .min(1, { message: 'no scenes' }),
    voice: mediaRefSchema('audio'),
    captions: z.array(z.object({ word: z.string().min(1), startMs: timeMs, endMs: timeMs })),
    script: z.object({ title: z.string().min(1), hook: z.string(), callToAction: z.string().min(1) }),
    product: productSchema,
    media: z.custom<RenderInput['media']>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { get?: unknown }).get === 'function' &&
        typeof (value as { put?: unknown }).put === 'function',
      { message: 'expected a MediaStore' },
    ),
    outputPrefix: z.string(),
  })
  .superRefine((input, context) => {
    let previousStart = -1;
    input.scenes.forEach((scene, index) => {
      if (scene.endMs <= scene.startMs) {
        context.addIssue({
          code: 'custom',
          path: ['scenes', index, 'endMs'],
          message: `endMs (${scene.endMs}) must be after startMs (${scene.startMs})`,
        });
      }
      if (scene.startMs <= previousStart) {
        context.addIssue({
          code: 'custom',
          path: ['scenes', index, 'startMs'],
          message: `startMs (${scene.startMs}) must be after the previous scene's start (${previousStart})`,
        });
      }
      previousStart = scene.startMs;
    });
    const endMs = timelineEndMs(input.scenes);
    if (endMs > maxDurationMs) {
      context.addIssue({
        code: 'custom',
        path: ['scenes', input.scenes.length - 1, 'endMs'],
        message: `the video would last ${endMs} ms, more than ${maxDurationMs} ms`,
      });
    }
    let previousWordStart = 0;
    input.captions.forEach((word, index) => {
      if (word.endMs < word.startMs) {
        context.addIssue({
          code: 'custom',
          path: ['captions', index, 'endMs'],
          message: `endMs (${word.endMs}) is before startMs (${word.startMs})`,
        });
      }
      if (word.startMs < previousWordStart) {
        context.addIssue({
          code: 'custom',
          path: ['captions', index, 'startMs'],
          message: `words must be in spoken order; startMs ${word.startMs} is before ${previousWordStart}`,
        });
      }
      if (word.startMs >= endMs) {
        context.addIssue({
          code: 'custom',
          path: ['captions', index, 'startMs'],
          message: `the word starts at ${word.startMs} ms, after the last scene ends (${endMs} ms)`,
        });
      }
      previousWordStart = Math.max(previousWordStart, word.startMs);
    });
  });

const hints: Record<string, string> = {
  composition: `use one of ${compositionIds.map((id) => `\`${id}\``).join(', ')}`,
  width: 'use an even number of pixels, e.g. 1080',
  height: 'use an even number of pixels, e.g. 1920',
  fps: 'use a frame rate such as 30',
  scenes: 'pass at least one scene with an image and its start and end times',
  'scenes[].image.size': 'regenerate the image; an empty file cannot be shown',
  'scenes[].image.mediaType': 'pass a PNG, JPEG or WebP image',
  'scenes[].startMs': 'order the scenes by time; each starts after the one before',
  'scenes[].endMs': 'make each scene end after it starts, and keep the video under 10 minutes',
  'voice.size': 'synthesize the voice again; a zero-length audio file has nothing to play',
  'voice.mediaType': 'pass a WAV, MP3 or AAC voice-over',
  voice: 'pass the voice-over MediaRef the voice phase stored',
  'captions[].startMs': 'pass the word timings in spoken order, within the video',
  'captions[].endMs': 'make each word end at or after its start',
  'captions[].word': 'drop empty words from the caption track',
  'script.title': 'pass the script the script phase produced (it needs a title)',
  'script.callToAction': 'pass the script the script phase produced (it needs a call to action)',
  media: 'pass the MediaStore that holds the images and the voice',
  outputPrefix: 'pass a key prefix such as `run-42/`',
};

/** The validated fields the renderer reads. */
export type ValidRenderInput = z.output<typeof inputSchema>;

/**
 * Checks a render input before anything is launched; throws a `ConfigError` naming each bad
 * field (`scenes[2].endMs`, `voice.size`, …) and how to fix it.
 */
export function validateRenderInput(input: unknown): ValidRenderInput {
  return parseConfig('renderer-remotion', inputSchema, input, hints);
}

/** Where the video ends: the end of the last scene. */
export function timelineEndMs(scenes: readonly { endMs: number }[]): number {
  return scenes.reduce((end, scene) => Math.max(end, scene.endMs), 0);
}
