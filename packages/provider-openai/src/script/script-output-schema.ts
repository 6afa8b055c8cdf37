import type { Platform } from '@reelsmith/core';
import { z } from 'zod';

/**
 * The schema the model must answer with. It keeps to what strict Structured Outputs accept
 * (every field required, no length keywords): limits such as the 100-character title, the
 * scene count and the hashtag caps are enforced afterwards by `normalizeScript`.
 */
export function scriptOutputSchema(platforms: readonly Platform[]) {
  const scene = z.object({
    text: z.string().describe('One spoken sentence for this scene.'),
    imagePrompt: z.string().describe('A vertical 9:16 picture of the product for this scene.'),
  });
  const base = {
    title: z.string().describe('Video title, at most 90 characters, no < or >.'),
    hook: z.string().describe('The first spoken line: a scroll-stopping hook.'),
    scenes: z.array(scene),
    callToAction: z.string().describe('The last spoken line.'),
    description: z.string().describe('Video description for the post.'),
    hashtags: z.array(z.string()).describe('Hashtags, each starting with #.'),
  };
  if (platforms.length === 0) return z.object(base);
  const captions = Object.fromEntries(platforms.map((platform) => [platform, z.string()])) as Record<
    Platform,
    z.ZodString
  >;
  return z.object({ ...base, captions: z.object(captions) });
}

/** What the model answers (before normalization). */
export interface ScriptOutput {
  title: string;
  hook: string;
  scenes: { text: string; imagePrompt: string }[];
  callToAction: string;
  description: string;
  hashtags: string[];
  captions?: Partial<Record<Platform, string>>;
}
